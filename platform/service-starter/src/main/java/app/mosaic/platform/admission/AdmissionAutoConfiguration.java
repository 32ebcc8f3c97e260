package app.mosaic.platform.admission;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Admission control for every servlet service ({@link AdmissionFilter}), with the bulkhead's free places on
 * {@code /actuator/prometheus} ({@code resilience4j_bulkhead_available_concurrent_calls}). Circuit breakers'
 * metrics are bound by Spring Cloud CircuitBreaker already.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(AdmissionProperties.class)
public class AdmissionAutoConfiguration {

	static final String BULKHEAD = "requests";

	private final BulkheadRegistry bulkheads = BulkheadRegistry.ofDefaults();

	@Bean
	FilterRegistrationBean<AdmissionFilter> admissionFilter(AdmissionProperties properties) {
		Bulkhead bulkhead = bulkheads.bulkhead(BULKHEAD, BulkheadConfig.custom()
			.maxConcurrentCalls(properties.maxConcurrent())
			.maxWaitDuration(properties.maxWait())
			.fairCallHandlingStrategyEnabled(true)
			.build());
		FilterRegistrationBean<AdmissionFilter> registration = new FilterRegistrationBean<>(new AdmissionFilter(bulkhead, properties.maxQueued()));
		// after the observation filter (so refusals are counted in http.server.requests), before everything else
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
		return registration;
	}

	@Bean
	MeterBinder admissionMetrics() {
		return registry -> TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(registry);
	}
}
