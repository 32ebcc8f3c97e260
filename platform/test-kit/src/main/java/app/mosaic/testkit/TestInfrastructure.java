package app.mosaic.testkit;

import java.net.URI;
import java.util.function.BooleanSupplier;

/**
 * The PostgreSQL, Kafka and S3 that tests run against, started once per JVM. {@code -Dmosaic.infra=embedded} (the
 * default, and what CI runs) uses embedded servers; {@code -Dmosaic.infra=containers}, on a machine with a Docker
 * engine, Testcontainers' modules with the images of docker-compose.yml. Tests see no difference.
 */
public interface TestInfrastructure {

	/** A JDBC URL of a database of this name, created on first use. */
	String postgresDatabase(String name);

	String kafkaBootstrapServers();

	URI s3Endpoint();

	/** Both kinds of server are set up with the same test credentials. */
	default String postgresUser() {
		return "postgres";
	}

	default String postgresPassword() {
		return "postgres";
	}

	default String s3AccessKey() {
		return EmbeddedInfrastructure.S3_ACCESS_KEY;
	}

	default String s3SecretKey() {
		return EmbeddedInfrastructure.S3_SECRET_KEY;
	}

	/** The infrastructure this JVM's tests use, chosen by the system property mosaic.infra. */
	static TestInfrastructure current() {
		return Selected.INSTANCE;
	}

	/**
	 * The infrastructure a mosaic.infra value names: absent, blank or "embedded" the embedded servers, "containers"
	 * Testcontainers, which needs a Docker engine and says so when there is none.
	 */
	static TestInfrastructure select(String choice, BooleanSupplier dockerAvailable) {
		String value = choice == null ? "" : choice.trim();
		return switch (value) {
			case "", "embedded" -> EmbeddedInfrastructure.INSTANCE;
			case "containers" -> {
				if (!dockerAvailable.getAsBoolean()) {
					throw new IllegalStateException("mosaic.infra=containers needs a Docker engine, and Testcontainers found none. "
							+ "Start one, or leave mosaic.infra unset for the embedded servers.");
				}
				yield ContainerInfrastructure.INSTANCE;
			}
			default -> throw new IllegalArgumentException("mosaic.infra=" + value + " is none of: embedded (the default), containers");
		};
	}

	/** Chosen once, on first use. */
	final class Selected {

		static final TestInfrastructure INSTANCE = select(System.getProperty("mosaic.infra"), ContainerInfrastructure::dockerAvailable);

		private Selected() {
		}
	}
}
