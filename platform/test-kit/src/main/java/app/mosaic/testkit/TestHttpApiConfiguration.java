package app.mosaic.testkit;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

/** An {@link HttpApi} aimed at the service under test; lazy, because the port is known only once it listens. */
@TestConfiguration(proxyBeanMethods = false)
public class TestHttpApiConfiguration {

	@Bean
	@Lazy
	HttpApi serviceUnderTest(Environment environment) {
		return new HttpApi("http://127.0.0.1:" + environment.getRequiredProperty("local.server.port"));
	}
}
