package app.mosaic.runner;

import java.io.File;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The local PostgreSQL server of {@code ./mosaic up}: real PostgreSQL binaries from Maven Central, data kept
 * in a directory so users and posts survive a restart, one database per service.
 * Arguments: port, data directory, then the database names. Runs until the process is told to stop.
 */
public final class PostgresServer {

	private PostgresServer() {
	}

	public static void main(String[] args) throws Exception {
		int port = Integer.parseInt(args[0]);
		File data = new File(args[1]);
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			// binaries unpack beside the data (the runner's state), never into the machine's temp directory
			.setOverrideWorkingDirectory(new File(data.getParentFile(), "postgres-binaries"))
			.setPort(port)
			.setDataDirectory(data)
			.setCleanDataDirectory(false)
			.setServerConfig("listen_addresses", "127.0.0.1")
			.setServerConfig("max_connections", "300")
			.setServerConfig("shared_buffers", "64MB")
			.start();
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				postgres.close();
			}
			catch (Exception e) {
				System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
			}
			stopped.countDown();
		}));
		try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
			for (int i = 2; i < args.length; i++) {
				try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + args[i].replace("'", "") + "'")) {
					if (!rs.next()) {
						s.execute("CREATE DATABASE \"" + args[i].replace("\"", "") + "\"");
					}
				}
			}
		}
		System.out.println("PostgreSQL ready on 127.0.0.1:" + port + ", data in " + data.getAbsolutePath());
		stopped.await();
	}
}
