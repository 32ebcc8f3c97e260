package app.mosaic.feed.timeline;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.flywaydb.core.Flyway;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;

import app.mosaic.testkit.EmbeddedInfrastructure;

/**
 * The home timeline against the query the Java clones run at read time, and fan-out against a raw COPY, on a real
 * PostgreSQL with feed-service's own schema and code (issue 13, docs/benchmarks/feed.md).
 * <ul>
 * <li>{@code precomputed}: {@link Timelines#page}, the query behind {@code GET /api/v1/feed} (a page of 20
 * and one to know there is more), for a reader following {@code followees} of the 100 000 authors;</li>
 * <li>{@code readTime}: the same page as the clones build it, the posts of everyone followed, newest first,
 * limit 21, on the same tables and an index made for it;</li>
 * <li>{@code fanOut}: {@link Timelines#fanOut} of one post by an author with 10 000 active followers;
 * {@code copy}: the same 10 001 rows into the same table by {@code COPY FROM STDIN}.</li>
 * </ul>
 * Each fork makes its own database: 100 000 authors of 10 posts on average, four readers, 10 000 followers of one
 * author.
 */
@BenchmarkMode(Mode.AverageTime) // the reads; fan-out and COPY are single shots
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TimelineBenchmark {

	static final int AUTHORS = 100_000;
	static final int POSTS_PER_AUTHOR = 10;
	static final int FOLLOWERS = 10_000;
	static final UUID CELEBRITY = new UUID(7, 7);

	static final String READ_TIME = """
			SELECT p.id, p.author_id FROM post p
			WHERE p.author_id IN (SELECT followee_id FROM follow WHERE follower_id = ?) AND p.deleted_at IS NULL
			ORDER BY p.id DESC LIMIT 21""";

	@State(Scope.Benchmark)
	public static class Database {

		Connection connection;
		JdbcClient jdbc;
		Timelines timelines;

		@Setup(Level.Trial)
		public void create() throws SQLException {
			String url = EmbeddedInfrastructure.postgresDatabase("feed-benchmark");
			Flyway.configure().dataSource(url, "postgres", "postgres").load().migrate();
			connection = DriverManager.getConnection(url, "postgres", "postgres");
			connection.setAutoCommit(true);
			SingleConnectionDataSource dataSource = new SingleConnectionDataSource(connection, true);
			jdbc = JdbcClient.create(dataSource);
			timelines = new Timelines(jdbc, new JdbcTransactionManager(dataSource), new FeedProperties(800, 10_000, 20, Duration.ofDays(30), Duration.ofDays(7), 3),
					Clock.systemUTC(), new SimpleMeterRegistry());
			// 100 000 authors and a million posts, one every 5 s over two months, each by a random author (10 each on
			// average), ids time-ordered as Snowflakes; seeded so every fork has the same data
			jdbc.sql("SELECT setseed(0.42)").query(String.class).single();
			jdbc.sql("""
					INSERT INTO person (id, username, follower_count)
					SELECT ('00000000-0000-0000-0000-' || lpad(to_hex(a), 12, '0'))::uuid, 'author' || a, 4
					FROM generate_series(1, :authors) a""").param("authors", AUTHORS).update();
			jdbc.sql("""
					INSERT INTO post (id, author_id, caption, created_at)
					SELECT n::bigint << 22, ('00000000-0000-0000-0000-' || lpad(to_hex(1 + floor(random() * :authors)::int), 12, '0'))::uuid,
					       'post ' || n, now() - make_interval(secs => (:total - n) * 5)
					FROM generate_series(1, :total) n""").param("authors", AUTHORS).param("total", AUTHORS * POSTS_PER_AUTHOR)
				.update();
			// readers following 10, 100, 1 000 and 5 000 random authors
			for (int followees : new int[] { 10, 100, 1000, 5000 }) {
				UUID reader = reader(followees);
				jdbc.sql("""
						INSERT INTO follow (followee_id, follower_id, created_at)
						SELECT id, :reader, now() FROM person WHERE username LIKE 'author%' ORDER BY random() LIMIT :n""")
					.param("reader", reader).param("n", followees).update();
				timelines.read(reader); // the first read builds the timeline, as the service does
			}
			// an author with 10 000 followers who all read their feed
			jdbc.sql("INSERT INTO person (id, username, follower_count) VALUES (?, 'celebrity', ?)").params(CELEBRITY, FOLLOWERS)
				.update();
			jdbc.sql("""
					INSERT INTO person (id, feed_read_at)
					SELECT ('00000000-0000-0002-0000-' || lpad(to_hex(f), 12, '0'))::uuid, now() FROM generate_series(1, :n) f""")
				.param("n", FOLLOWERS).update();
			jdbc.sql("""
					INSERT INTO follow (followee_id, follower_id, created_at)
					SELECT :celebrity, ('00000000-0000-0002-0000-' || lpad(to_hex(f), 12, '0'))::uuid, now()
					FROM generate_series(1, :n) f""").param("celebrity", CELEBRITY).param("n", FOLLOWERS).update();
			jdbc.sql("VACUUM ANALYZE").update();
		}

		@TearDown(Level.Trial)
		public void close() throws SQLException {
			connection.close();
		}

		static UUID reader(int followees) {
			return new UUID(1, followees);
		}
	}

	@State(Scope.Thread)
	public static class Reader {

		@Param({ "10", "100", "1000", "5000" })
		int followees;

		UUID id;

		@Setup(Level.Trial)
		public void pick() {
			id = Database.reader(followees);
		}
	}

	@Benchmark
	public List<Timelines.Entry> precomputed(Database db, Reader reader) {
		return db.timelines.page(reader.id, Long.MAX_VALUE, 21);
	}

	@Benchmark
	public List<Timelines.Entry> readTime(Database db, Reader reader) {
		return db.jdbc.sql(READ_TIME).param(reader.id)
			.query((rs, row) -> new Timelines.Entry(rs.getLong(1), rs.getObject(2, UUID.class)))
			.list();
	}

	/** A new post id for each invocation (above every seeded one), and the COPY input of its 10 001 rows. */
	@State(Scope.Thread)
	public static class NewPost {

		static final AtomicLong next = new AtomicLong(1L << 50);

		long id;
		String rows;

		@Setup(Level.Invocation)
		public void next() {
			id = next.incrementAndGet();
			StringBuilder copy = new StringBuilder(FOLLOWERS * 80);
			copy.append(CELEBRITY).append('\t').append(id).append('\t').append(CELEBRITY).append('\n');
			for (int f = 1; f <= FOLLOWERS; f++) {
				copy.append("00000000-0000-0002-0000-%012x".formatted(f)).append('\t').append(id).append('\t').append(CELEBRITY).append('\n');
			}
			rows = copy.toString();
		}

		/** The rows go again, so every invocation writes into a table of the same size. */
		@TearDown(Level.Invocation)
		public void remove(Database db) {
			db.jdbc.sql("DELETE FROM timeline WHERE post_id = ?").param(id).update();
		}
	}

	@Benchmark
	@BenchmarkMode(Mode.SingleShotTime)
	@OutputTimeUnit(TimeUnit.MILLISECONDS)
	@Warmup(iterations = 10)
	@Measurement(iterations = 30)
	public void fanOut(Database db, NewPost post) {
		db.timelines.fanOut(post.id, CELEBRITY, Instant.now());
	}

	@Benchmark
	@BenchmarkMode(Mode.SingleShotTime)
	@OutputTimeUnit(TimeUnit.MILLISECONDS)
	@Warmup(iterations = 10)
	@Measurement(iterations = 30)
	public long copy(Database db, NewPost post) throws Exception {
		return db.connection.unwrap(PGConnection.class).getCopyAPI()
			.copyIn("COPY timeline (user_id, post_id, author_id) FROM STDIN", new StringReader(post.rows));
	}
}
