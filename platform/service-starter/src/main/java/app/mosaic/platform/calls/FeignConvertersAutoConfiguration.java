package app.mosaic.platform.calls;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.cloud.openfeign.FeignClientFactory;
import org.springframework.cloud.openfeign.support.FeignHttpMessageConverters;
import org.springframework.context.annotation.Bean;

/**
 * Builds every Feign client's message converters at start-up. spring-cloud-openfeign 5.0.2 builds them on the
 * first call and publishes the list before filling it, so the first calls made side by side (a burst of posts
 * claiming media) can find no converter and fail (spring-cloud-openfeign#1371). 5.0.4 fixes it but needs Spring
 * Cloud 2025.1.4 and Boot 4.1.2; remove this with that upgrade.
 */
@AutoConfiguration
@ConditionalOnClass(FeignClientFactory.class)
public class FeignConvertersAutoConfiguration {

	@Bean
	static SmartInitializingSingleton feignConvertersBuiltAtStartUp(ObjectProvider<FeignClientFactory> clients) {
		return () -> clients.ifAvailable(FeignConvertersAutoConfiguration::buildConverters);
	}

	/** Every client context exists once the singletons (the clients among them) do. */
	static void buildConverters(FeignClientFactory clients) {
		for (String client : clients.getContextNames()) {
			clients.getInstances(client, FeignHttpMessageConverters.class).values().forEach(FeignHttpMessageConverters::getConverters);
		}
	}
}
