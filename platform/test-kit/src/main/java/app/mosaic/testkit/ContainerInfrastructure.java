package app.mosaic.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MinIOContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.yaml.snakeyaml.Yaml;

/**
 * PostgreSQL, Kafka and MinIO on Testcontainers (mosaic.infra=containers), each started on first use and stopped
 * with the JVM (Testcontainers' reaper), running the very images docker-compose.yml runs: they are read from it.
 */
final class ContainerInfrastructure implements TestInfrastructure {

	static final ContainerInfrastructure INSTANCE = new ContainerInfrastructure();

	private PostgreSQLContainer postgres;
	private KafkaContainer kafka;
	private MinIOContainer minio;
	private final Set<String> databases = new HashSet<>();

	private ContainerInfrastructure() {
	}

	static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException e) {
			return false;
		}
	}

	/** The image a service of docker-compose.yml runs, so that tests and deployments never drift apart. */
	@SuppressWarnings("unchecked")
	static String composeImage(Path composeFile, String service) {
		try {
			Map<String, Object> compose = new Yaml().load(Files.readString(composeFile));
			Map<String, Object> definition = (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get(service);
			if (definition == null || !(definition.get("image") instanceof String image)) {
				throw new IllegalStateException(composeFile + " has no image for " + service);
			}
			return image;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String image(String service) {
		return composeImage(ApiContracts.contractsDirectory().resolveSibling("docker-compose.yml"), service);
	}

	@Override
	public synchronized String postgresDatabase(String name) {
		if (postgres == null) {
			postgres = new PostgreSQLContainer(image("postgres")).withUsername(postgresUser()).withPassword(postgresPassword())
				.withCommand("postgres", "-c", "max_connections=200");
			postgres.start();
		}
		String database = name.replaceAll("[^a-z0-9_-]", "_");
		if (databases.add(database)) {
			try (Connection c = DriverManager.getConnection(postgres.getJdbcUrl(), postgresUser(), postgresPassword());
					Statement s = c.createStatement()) {
				s.execute("CREATE DATABASE \"" + database + "\"");
			}
			catch (SQLException e) {
				throw new IllegalStateException("Could not create database " + database, e);
			}
		}
		return "jdbc:postgresql://" + postgres.getHost() + ":" + postgres.getMappedPort(5432) + "/" + database;
	}



	@Override
	public synchronized String kafkaBootstrapServers() {
		if (kafka == null) {
			// topics are created by the services (EventTopics), as in production
			kafka = new KafkaContainer(image("kafka")).withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
			kafka.start();
		}
		return kafka.getBootstrapServers();
	}

	@Override
	public synchronized URI s3Endpoint() {
		if (minio == null) {
			minio = new MinIOContainer(image("minio")).withUserName(s3AccessKey())
				.withPassword(s3SecretKey());
			minio.start();
		}
		return URI.create(minio.getS3URL());
	}


}
