package app.mosaic.testkit;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Points the service under test at the shared servers of {@link TestInfrastructure#current()} (embedded, or
 * Testcontainers with mosaic.infra=containers): its own database (named after
 * {@code spring.application.name}), the Kafka broker, S3 when {@code mosaic.test.s3=true}, and
 * {@link ServiceStubs} for the services it calls when {@code mosaic.test.service-stubs=true}.
 */
public class EmbeddedInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/** Tests only: deployments must set their own, and the services refuse to start without one. */
	public static final String TEST_SIGNING_KEY = "test-only-media-url-signing-key-0123456789";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		ConfigurableEnvironment env = context.getEnvironment();
		String service = env.getProperty("spring.application.name", "mosaic");
		TestInfrastructure infrastructure = TestInfrastructure.current();
		TestPropertyValues values = TestPropertyValues.of(
				"spring.datasource.url=" + infrastructure.postgresDatabase(service),
				"spring.datasource.username=" + infrastructure.postgresUser(),
				"spring.datasource.password=" + infrastructure.postgresPassword(),
				"spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
				"spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestJwts.ISSUER,
				"mosaic.events.resubmit-interval=PT1S", "mosaic.events.resubmit-older-than=PT2S",
				"mosaic.events.consumer-retry-interval=PT0.1S",
				"mosaic.media-urls.signing-key=" + TEST_SIGNING_KEY);
		if (env.getProperty("mosaic.test.s3", Boolean.class, false)) {
			values = values.and("mosaic.s3.endpoint=" + infrastructure.s3Endpoint(),
					"mosaic.s3.access-key=" + infrastructure.s3AccessKey(),
					"mosaic.s3.secret-key=" + infrastructure.s3SecretKey());
		}
		if (env.getProperty("mosaic.test.service-stubs", Boolean.class, false)) {
			values = values.and("mosaic.test.stubs-url=" + ServiceStubs.url(),
					"mosaic.internal-calls.client-id=mosaic-" + service.replace("-service", ""),
					"mosaic.internal-calls.client-secret=test-secret",
					"mosaic.internal-calls.token-uri=" + ServiceStubs.tokenUri());
		}
		values.applyTo(env);
	}
}
