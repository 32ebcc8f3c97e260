package app.mosaic.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.springframework.boot.SpringApplication;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Real PostgreSQL, Kafka and S3 servers for tests, each started at most once per JVM on first use and
 * stopped when the JVM exits, so every test class of a module shares them (and its Spring context).
 */
public final class EmbeddedInfrastructure {

	public static final String S3_ACCESS_KEY = "mosaic-test";
	public static final String S3_SECRET_KEY = "mosaic-test-secret";

	private static EmbeddedPostgres postgres;
	private static EmbeddedKafkaKraftBroker kafka;
	private static S3Proxy s3;
	private static final Set<String> databases = new HashSet<>();

	/** The embedded servers as the {@link TestInfrastructure} tests use by default. */
	static final TestInfrastructure INSTANCE = new TestInfrastructure() {

		@Override
		public String postgresDatabase(String name) {
			return EmbeddedInfrastructure.postgresDatabase(name);
		}



		@Override
		public String kafkaBootstrapServers() {
			return EmbeddedInfrastructure.kafkaBootstrapServers();
		}

		@Override
		public URI s3Endpoint() {
			return EmbeddedInfrastructure.s3Endpoint();
		}


	};

	private EmbeddedInfrastructure() {
	}

	/** A JDBC URL of a database of this name, created on first use, on the shared server. */
	public static synchronized String postgresDatabase(String name) {
		if (postgres == null) {
			try {
				// stopped by stopAfterSpring, not by its own JVM hook, which would run while contexts still close
				postgres = EmbeddedPostgres.builder()
					.setOverrideWorkingDirectory(buildOwnedDirectory("postgres"))
					.setServerConfig("max_connections", "200")
					.setRegisterShutdownHook(false)
					.start();
			}
			catch (IOException e) {
				throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
			}
			stopAfterSpring(() -> closeQuietly(postgres));
		}
		String database = name.replaceAll("[^a-z0-9_-]", "_");
		if (databases.add(database)) {
			try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
				s.execute("CREATE DATABASE \"" + database + "\"");
			}
			catch (SQLException e) {
				throw new IllegalStateException("Could not create database " + database, e);
			}
		}
		return postgres.getJdbcUrl("postgres", database);
	}

	public static synchronized String kafkaBootstrapServers() {
		if (kafka == null) {
			kafka = new EmbeddedKafkaKraftBroker(1, 3);
			// topics are created by the services (EventTopics), as in production
			kafka.brokerProperty("auto.create.topics.enable", "false");
			kafka.afterPropertiesSet();
			stopAfterSpring(kafka::destroy);
		}
		return kafka.getBrokersAsString();
	}

	/** The endpoint of an in-memory S3 server that checks AWS v2/v4 signatures with the test keys. */
	public static synchronized URI s3Endpoint() {
		if (s3 == null) {
			s3 = S3Proxy.builder()
				.blobStore(new TransientNio2BlobStore())
				.endpoint(URI.create("http://127.0.0.1:0"))
				.awsAuthentication(AuthenticationType.AWS_V2_OR_V4, S3_ACCESS_KEY, S3_SECRET_KEY)
				.build();
			try {
				s3.start();
				while (!s3.getState().equals("STARTED")) {
					Thread.sleep(10);
				}
			}
			catch (Exception e) {
				throw new IllegalStateException("S3Proxy did not start", e);
			}
			stopAfterSpring(() -> {
				try {
					s3.stop();
				}
				catch (Exception ignored) {
					// the JVM is exiting
				}
			});
		}
		return URI.create("http://127.0.0.1:" + s3.getPort());
	}

	/**
	 * Where embedded servers unpack their binaries: under the build's own target directory, never the machine's
	 * temp directory, so every clean clone takes the first-run path a new machine takes.
	 */
	private static File buildOwnedDirectory(String name) {
		File dir = new File(System.getProperty("mosaic.embedded.dir", "target/embedded"), name);
		if (!dir.isDirectory() && !dir.mkdirs()) {
			throw new UncheckedIOException(new IOException("Cannot create " + dir.getAbsolutePath()));
		}
		return dir;
	}

	private static void closeQuietly(EmbeddedPostgres pg) {
		try {
			pg.close();
		}
		catch (IOException ignored) {
			// the JVM is exiting
		}
	}

	/**
	 * Stops a server at JVM exit, but only after Spring has closed the test contexts: a context closing after
	 * PostgreSQL stopped waits out the connection timeout (Modulith's registry reads the outbox on close).
	 */
	private static void stopAfterSpring(Runnable stop) {
		SpringApplication.getShutdownHandlers().add(stop);
	}
}
