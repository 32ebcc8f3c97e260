package app.mosaic.platform.admission;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Admission control for every servlet service ({@link AdmissionFilter}), and the Resilience4j metrics on
 * {@code /actuator/prometheus}: the admission bulkhead's free places, and each circuit breaker's state and calls
 * (Resilience4j's own metrics auto-configuration is for Spring Boot 3 and binds nothing here).
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
	MeterBinder resilience4jMetrics(ObjectProvider<CircuitBreakerRegistry> circuitBreakers) {
		return (MeterRegistry registry) -> {
			TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(registry);
			circuitBreakers.ifAvailable(breakers -> TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(registry));
		};
	}
}
