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
 * overrides any of them.
 */
public class ServiceDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
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
