package app.mosaic.load;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.gatling.javaapi.core.Simulation;

/**
 * Fan-out of one post to 10 000 followers (issue 13), end to end: the post is created through the gateway,
 * travels post-service's outbox and Kafka, and feed-service writes it into every follower's timeline. The
 * clock runs from the create's answer until feed-service's database holds all 10 001 entries (the author's
 * and each follower's), polled every 10 ms.
 * <p>
 * Signing 10 000 people up would take most of an hour of Keycloak's password hashing, and fan-out reads only
 * feed-service's own replica of the graph: so the followers are written straight into that replica (active
 * readers, as the people fan-out writes to are), and removed again at the end. Everything the post goes
 * through is the real path. Figures go to target/load/fan-out.md.
 *
 * <pre>
 * ./mvnw -Pload -pl load-tests gatling:test -Dsimulation=app.mosaic.load.FanOutSimulation -Drounds=10
 * </pre>
 */
public class FanOutSimulation extends Simulation {

	static final String GATEWAY = System.getProperty("gateway", "http://127.0.0.1:8080");
	static final String AUTH = System.getProperty("auth", "http://127.0.0.1:8081");
	static final String FEED_DB = System.getProperty("feedDb", "jdbc:postgresql://127.0.0.1:5433/feed-service");
	static final String DB_USER = System.getProperty("dbUser", "postgres");
	static final String DB_PASSWORD = System.getProperty("dbPassword", "postgres");
	static final int FOLLOWERS = Integer.getInteger("followers", 10_000);
	static final int ROUNDS = Integer.getInteger("rounds", 10);

	private final long[] millis = new long[ROUNDS];

	{
		People.Person author = People.signUp(GATEWAY, AUTH, 1).getFirst();
		List<Photos.Photo> photos = Photos.upload(GATEWAY, List.of(author), ROUNDS);
		String marker = UUID.randomUUID().toString().substring(0, 8);
		try (Connection db = DriverManager.getConnection(FEED_DB, DB_USER, DB_PASSWORD)) {
			addFollowers(db, UUID.fromString(author.id()), marker);
			try {
				for (int round = 0; round < ROUNDS; round++) {
					String body = """
							{"caption":"Fan-out %d","mediaIds":["%s"]}""".formatted(round, photos.get(round).mediaId());
					String post = Api.field(Api.postJson(GATEWAY + "/api/v1/posts", author.token(), body, 201), "id");
					long created = System.nanoTime();
					awaitEntries(db, Long.parseLong(post));
					millis[round] = (System.nanoTime() - created) / 1_000_000;
					System.out.printf("round %d: %d timelines in %d ms%n", round, FOLLOWERS + 1, millis[round]);
					Api.sleep(1000);
				}
			}
			finally {
				removeFollowers(db, UUID.fromString(author.id()), marker);
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("feed-service's database at " + FEED_DB + ": " + e.getMessage(), e);
		}
		// Gatling needs a scenario: one request that shows the author's feed holds the last post
		setUp(scenario("feed").exec(http("feed").get(GATEWAY + "/api/v1/feed").header("Authorization", "Bearer " + author.token()))
			.injectOpen(atOnceUsers(1)));
	}

	/** Active followers with ids of their own kind ("fan..." in their username), and the author's count to match. */
	private static void addFollowers(Connection db, UUID author, String marker) throws SQLException {
		try (PreparedStatement people = db.prepareStatement("""
				INSERT INTO person (id, username, feed_read_at)
				SELECT gen_random_uuid(), 'fanout.' || ? || '.' || n, now() FROM generate_series(1, ?) n""");
				PreparedStatement follows = db.prepareStatement("""
						INSERT INTO follow (followee_id, follower_id, created_at)
						SELECT ?, id, now() FROM person WHERE username LIKE 'fanout.' || ? || '.%'""");
				PreparedStatement count = db.prepareStatement("UPDATE person SET follower_count = follower_count + ? WHERE id = ?")) {
			people.setString(1, marker);
			people.setInt(2, FOLLOWERS);
			people.executeUpdate();
			follows.setObject(1, author);
			follows.setString(2, marker);
			follows.executeUpdate();
			count.setInt(1, FOLLOWERS);
			count.setObject(2, author);
			if (count.executeUpdate() != 1) {
				throw new IllegalStateException("feed-service does not know the author yet");
			}
		}
	}

	private static void removeFollowers(Connection db, UUID author, String marker) throws SQLException {
		try (PreparedStatement timelines = db.prepareStatement("""
				DELETE FROM timeline WHERE user_id IN (SELECT id FROM person WHERE username LIKE 'fanout.' || ? || '.%')""");
				PreparedStatement follows = db.prepareStatement("DELETE FROM follow WHERE followee_id = ?");
				PreparedStatement people = db.prepareStatement("DELETE FROM person WHERE username LIKE 'fanout.' || ? || '.%'");
				PreparedStatement count = db.prepareStatement("UPDATE person SET follower_count = 0 WHERE id = ?")) {
			timelines.setString(1, marker);
			timelines.executeUpdate();
			follows.setObject(1, author);
			follows.executeUpdate();
			people.setString(1, marker);
			people.executeUpdate();
			count.setObject(1, author);
			count.executeUpdate();
		}
	}

	private static void awaitEntries(Connection db, long post) throws SQLException {
		long deadline = System.nanoTime() + 60_000_000_000L;
		try (PreparedStatement entries = db.prepareStatement("SELECT count(*) FROM timeline WHERE post_id = ?")) {
			entries.setLong(1, post);
			while (true) {
				try (ResultSet rs = entries.executeQuery()) {
					rs.next();
					if (rs.getLong(1) >= FOLLOWERS + 1) {
						return;
					}
				}
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("post " + post + " did not reach every timeline in a minute");
				}
				Api.sleep(10);
			}
		}
	}

	@Override
	public void after() {
		long[] sorted = millis.clone();
		Arrays.sort(sorted);
		List<String> rows = new ArrayList<>();
		for (int round = 0; round < ROUNDS; round++) {
			rows.add("| %d | %d ms |".formatted(round + 1, millis[round]));
		}
		Steps.write("fan-out.md", """
				One post by an author with %d active followers, created through the gateway, until all %d timelines hold it:

				| round | time |
				|---|---|
				%s

				median %d ms, slowest %d ms (target <= 2 000 ms)
				""".formatted(FOLLOWERS, FOLLOWERS + 1, String.join("\n", rows), sorted[ROUNDS / 2], sorted[ROUNDS - 1]));
	}
}
