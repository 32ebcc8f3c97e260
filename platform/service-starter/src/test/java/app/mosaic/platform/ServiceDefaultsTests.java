package app.mosaic.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;

class ServiceDefaultsTests {

	@Test
	void keepsMoreConnectionsToOtherServicesAliveUnlessTheJvmSaysOtherwise() {
		String before = System.getProperty("http.maxConnections");
		try {
			System.clearProperty("http.maxConnections");
			new ServiceDefaultsEnvironmentPostProcessor().postProcessEnvironment(new StandardEnvironment(), new SpringApplication());
			assertThat(System.getProperty("http.maxConnections")).isEqualTo("64");

			System.setProperty("http.maxConnections", "12");
			new ServiceDefaultsEnvironmentPostProcessor().postProcessEnvironment(new StandardEnvironment(), new SpringApplication());
			assertThat(System.getProperty("http.maxConnections")).isEqualTo("12");
		}
		finally {
			if (before == null) {
				System.clearProperty("http.maxConnections");
			}
			else {
				System.setProperty("http.maxConnections", before);
			}
		}
	}
}
