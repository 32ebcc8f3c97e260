package app.mosaic.platform.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.cloud.openfeign.FeignAutoConfiguration;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.cloud.openfeign.FeignClientFactory;
import org.springframework.cloud.openfeign.support.FeignHttpMessageConverters;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** The first calls of a Feign client after start-up, side by side, all find the JSON converter (openfeign#1371). */
class FeignConvertersTests {

	@FeignClient(name = "example", url = "http://127.0.0.1:9")
	interface ExampleClient {

		@PostMapping("/example")
		void send(@RequestBody Object body);
	}

	/** As in a service: a bean that calls the client, so the client exists once the singletons do. */
	@Configuration
	@EnableFeignClients(clients = ExampleClient.class)
	static class Clients {

		@org.springframework.context.annotation.Bean
		Object caller(ExampleClient client) {
			return client;
		}
	}

	@Test
	void everyClientsConvertersAreBuiltBeforeTheFirstCall() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HttpMessageConvertersAutoConfiguration.class, FeignAutoConfiguration.class,
					FeignConvertersAutoConfiguration.class))
			.withUserConfiguration(Clients.class)
			.run(context -> {
				FeignClientFactory clients = context.getBean(FeignClientFactory.class);
				assertThat(clients.getContextNames()).contains("example");
				FeignHttpMessageConverters converters = clients.getInstance("example", FeignHttpMessageConverters.class);
				// built, not waiting for the first call to build it (the racy part)
				assertThat((List<?>) ReflectionTestUtils.getField(converters, "converters")).isNotEmpty();
			});
	}
}
