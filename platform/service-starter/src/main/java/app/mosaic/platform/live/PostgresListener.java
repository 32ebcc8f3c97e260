package app.mosaic.platform.live;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A dedicated PostgreSQL connection that {@code LISTEN}s on one channel: what any instance of a service sends
 * there with {@code pg_notify} in a committed transaction reaches every instance. It connects again after a
 * failure, and calls {@code onListening} each time it (re)starts listening, so that what was sent while it was
 * not can be caught up. Driven by its owner's lifecycle: {@link #start}, {@link #stop}.
 */
public final class PostgresListener {

	private static final Logger log = LoggerFactory.getLogger(PostgresListener.class);

	private final String channel;
	private final String url;
	private final String username;
	private final String password;
	private final Consumer<String> onPayload;
	private final Runnable onListening;
	private volatile boolean running;
	private volatile Connection listening;

	/** @param channel a fixed identifier, never user input: LISTEN takes no bind parameter */
	public PostgresListener(String channel, String url, String username, String password, Consumer<String> onPayload,
			Runnable onListening) {
		if (!channel.matches("[a-z_]+")) {
			throw new IllegalArgumentException("channel: lower-case letters and underscores only");
		}
		this.channel = channel;
		this.url = url;
		this.username = username;
		this.password = password;
		this.onPayload = onPayload;
		this.onListening = onListening;
	}

	public void start() {
		running = true;
		Thread.ofPlatform().name(channel + "-listener").daemon().start(this::listen);
	}

	public void stop() {
		running = false;
		Connection c = listening;
		if (c != null) {
			try {
				c.close();
			}
			catch (SQLException e) {
				// closing anyway
			}
		}
	}

	private void listen() {
		while (running) {
			try (Connection connection = DriverManager.getConnection(url, username, password);
					Statement statement = connection.createStatement()) {
				listening = connection;
				statement.execute("LISTEN " + channel);
				onListening.run();
				PGConnection pg = connection.unwrap(PGConnection.class);
				while (running) {
					PGNotification[] notifications = pg.getNotifications(10_000);
					if (notifications != null) {
						for (PGNotification n : notifications) {
							deliver(n.getParameter());
						}
					}
				}
			}
			catch (SQLException | RuntimeException e) {
				if (running) {
					log.warn("Listening on {} failed; listening again in a second", channel, e);
					sleep();
				}
			}
		}
	}

	/** One bad payload must not stop the others. */
	private void deliver(String payload) {
		try {
			onPayload.accept(payload);
		}
		catch (RuntimeException e) {
			log.warn("A notification on {} could not be handled", channel, e);
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(1000);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
