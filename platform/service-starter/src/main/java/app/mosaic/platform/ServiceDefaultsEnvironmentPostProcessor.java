package app.mosaic.platform;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code mosaic-service-defaults.yml} beneath everything else, so every service shares one set of
 * defaults (graceful shutdown, probes, Kafka, outbox, logs) and a service's own YAML or the environment
 * overrides any of them. Also keeps more connections to other services alive than the JDK's default.
 */
public class ServiceDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

	/**
	 * Idle keep-alive connections HttpURLConnection (Feign's client) keeps per service. The JDK keeps 5 and closes
	 * every other connection after its call, so more than 5 calls at once to one service opened a new connection
	 * each (measured on the home feed's batch call). Read once, when the JDK's cache is first used.
	 */
	static final String KEPT_ALIVE_CONNECTIONS = "64";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (System.getProperty("http.maxConnections") == null) {
			System.setProperty("http.maxConnections", KEPT_ALIVE_CONNECTIONS);
		}
		try {
			for (PropertySource<?> source : new YamlPropertySourceLoader().load("mosaic-service-defaults",
					new ClassPathResource("mosaic-service-defaults.yml"))) {
				environment.getPropertySources().addLast(source);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
