package app.mosaic.feed.timeline;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.mosaic.feed.graph.Graph;

/**
 * The precomputed home timelines: written at fan-out (a new post into its author's and each active follower's
 * timeline, one set-based insert per post), by backfills (a new follow or unmute) and rebuilds (a reader back
 * after a while), and cleaned by unfollows, blocks, mutes and deletions. Writes run in the consumers'
 * transactions and are idempotent: an entry is inserted at most once, and removals remove what is there.
 */
@Service
public class Timelines {

	/** A read is a write only this often: the inactivity window is days, a minute's precision is plenty. */
	private static final Duration RECORD_READS_EVERY = Duration.ofMinutes(1);

	private final JdbcClient jdbc;
	private final TransactionTemplate transaction;
	private final TransactionTemplate savepoint;
	private final FeedProperties properties;
	private final Clock clock;
	private final Timer fanOutLag;
	private final Counter fannedOut;
	private final Counter entriesWritten;
	private final Counter mergedAtRead;

	Timelines(JdbcClient jdbc, PlatformTransactionManager transactions, FeedProperties properties, Clock clock,
			MeterRegistry meters) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.properties = properties;
		this.clock = clock;
		this.fanOutLag = Timer.builder("feed.fanout.lag").description("From a post's creation to its last timeline written")
			.publishPercentileHistogram().register(meters);
		this.fannedOut = Counter.builder("feed.fanout.posts").description("Posts fanned out to their followers").register(meters);
		this.entriesWritten = Counter.builder("feed.fanout.entries").description("Timeline entries written by fan-out")
			.register(meters);
		this.mergedAtRead = Counter.builder("feed.fanout.skipped").description("Posts of authors above the fan-out limit, merged at read time")
			.register(meters);
	}

	/**
	 * A new post goes into its author's timeline and, unless the author has more followers than the fan-out
	 * limit, into the timeline of every follower who reads their feed and has not muted the author.
	 * <p>
	 * The caller writes it only when the post's summary is new, in the same transaction, so no other writer can
	 * have put this post in a timeline before: the rows go in by a plain insert, at half the cost of one that
	 * checks each for a conflict (docs/benchmarks/feed.md). Should one be there all the same, a savepoint undoes
	 * the plain insert and the checking one runs instead, so a redelivery is never stuck on a duplicate.
	 */
	public void fanOut(long postId, UUID author, Instant createdAt) {
		boolean everyone = followerCount(author) <= properties.fanOutLimit();
		lockAuthor(author);
		int written;
		try {
			written = savepoint.execute(status -> fanOutInsert(postId, author, everyone, ""));
		}
		catch (DuplicateKeyException alreadyThere) {
			written = fanOutInsert(postId, author, everyone, "ON CONFLICT DO NOTHING");
		}
		if (everyone) {
			fannedOut.increment();
		}
		else {
			mergedAtRead.increment();
		}
		entriesWritten.increment(written);
		afterCommit(() -> fanOutLag.record(Duration.between(createdAt, clock.instant()).abs()));
	}

	private int fanOutInsert(long postId, UUID author, boolean everyone, String onConflict) {
		return jdbc.sql("""
				INSERT INTO timeline (user_id, post_id, author_id)
				SELECT :author, :post, :author
				UNION ALL
				SELECT f.follower_id, :post, :author FROM follow f JOIN person r ON r.id = f.follower_id
				WHERE :everyone AND f.followee_id = :author AND r.feed_read_at >= :activeSince
				  AND NOT EXISTS (SELECT 1 FROM mute m WHERE m.muter_id = f.follower_id AND m.muted_id = :author)
				""" + onConflict)
			.param("author", author).param("post", postId).param("everyone", everyone).param("activeSince", activeSince())
			.update();
	}

	/** A new follow brings the followee's recent posts in, if the follower reads their feed (else the rebuild will). */
	public void backfill(UUID follower, UUID followee) {
		lockAuthor(followee);
		jdbc.sql("""
				INSERT INTO timeline (user_id, post_id, author_id)
				SELECT :follower, p.id, p.author_id FROM post p
				WHERE p.author_id = :followee AND p.deleted_at IS NULL
				  AND EXISTS (SELECT 1 FROM person r WHERE r.id = :follower AND r.feed_read_at >= :activeSince)
				ORDER BY p.id DESC LIMIT :backfill
				ON CONFLICT DO NOTHING""")
			.param("follower", follower).param("followee", followee).param("activeSince", activeSince())
			.param("backfill", properties.backfill()).update();
	}

	/** An unfollow, a block or a mute: what {@code author} posted leaves {@code reader}'s timeline. */
	public void removeAuthor(UUID reader, UUID author) {
		lockAuthor(author);
		jdbc.sql("DELETE FROM timeline WHERE user_id = ? AND author_id = ?").params(reader, author).update();
	}

	/** A deleted post leaves every timeline that holds it: its author's and its followers'. */
	public void removePost(long postId, UUID author) {
		jdbc.sql("""
				DELETE FROM timeline WHERE post_id = :post
				  AND (user_id = :author OR user_id IN (SELECT follower_id FROM follow WHERE followee_id = :author))""")
			.param("post", postId).param("author", author).update();
	}

	/** A deleted account: its timeline, and its posts in its followers' timelines. Before the graph forgets it. */
	public void erase(UUID user) {
		jdbc.sql("""
				DELETE FROM timeline WHERE author_id = :user
				  AND user_id IN (SELECT follower_id FROM follow WHERE followee_id = :user)""").param("user", user).update();
		jdbc.sql("DELETE FROM timeline WHERE user_id = ?").param(user).update();
	}

	/**
	 * Marks a read. Someone who has not read for longer than the inactivity window (or never) was skipped at
	 * fan-out: their timeline is built again first from the posts of the people they follow, so the read is
	 * exactly what fan-out would have written. A read is recorded at most once a minute, so most reads (someone
	 * scrolling, or back within the minute) are one plain select: no transaction, no lock, no write.
	 */
	public void read(UUID reader) {
		Instant now = clock.instant();
		Instant seen = jdbc.sql("SELECT feed_read_at FROM person WHERE id = ?").param(reader).query(Timestamp.class)
			.optional().map(Timestamp::toInstant).orElse(null);
		if (seen != null && !seen.isBefore(now.minus(RECORD_READS_EVERY))) {
			return;
		}
		transaction.executeWithoutResult(status -> {
			jdbc.sql("INSERT INTO person (id) VALUES (?) ON CONFLICT DO NOTHING").param(reader).update();
			Timestamp lastRead = jdbc.sql("SELECT feed_read_at FROM person WHERE id = ? FOR UPDATE").param(reader)
				.query(Timestamp.class).optional().orElse(null);
			if (lastRead == null || lastRead.toInstant().isBefore(activeSince(now))) {
				rebuild(reader);
			}
			if (lastRead == null || lastRead.toInstant().isBefore(now.minus(RECORD_READS_EVERY))) {
				jdbc.sql("UPDATE person SET feed_read_at = ? WHERE id = ?").params(Timestamp.from(now), reader).update();
			}
		});
	}

	private void rebuild(UUID reader) {
		jdbc.sql("DELETE FROM timeline WHERE user_id = ?").param(reader).update();
		jdbc.sql("""
				INSERT INTO timeline (user_id, post_id, author_id)
				SELECT :reader, p.id, p.author_id FROM post p
				WHERE p.deleted_at IS NULL
				  AND (p.author_id = :reader OR p.author_id IN (
				      SELECT f.followee_id FROM follow f JOIN person a ON a.id = f.followee_id
				      WHERE f.follower_id = :reader AND a.follower_count <= :limit
				        AND NOT EXISTS (SELECT 1 FROM mute m WHERE m.muter_id = :reader AND m.muted_id = f.followee_id)))
				ORDER BY p.id DESC LIMIT :size""")
			.param("reader", reader).param("limit", properties.fanOutLimit()).param("size", properties.timelineSize()).update();
	}

	/** One timeline entry shown: the post and its author. */
	public record Entry(long postId, UUID authorId) {
	}

	/**
	 * A page of the reader's home feed below {@code before}, newest first: the precomputed entries merged with
	 * the recent posts of followed authors above the fan-out limit. Deleted posts and authors in a block or mute
	 * with the reader are left out here too, in case an event that removes them is still on its way. The authors
	 * above the limit are found from the index on follower counts (the limit is a literal, so every plan can use
	 * it), not from the reader's follows: a page costs the same for 10 followees or 5 000.
	 */
	public List<Entry> page(UUID reader, long before, int fetch) {
		return jdbc.sql("""
				SELECT e.post_id, e.author_id FROM (
				    (SELECT t.post_id, t.author_id FROM timeline t
				     WHERE t.user_id = :reader AND t.post_id < :before ORDER BY t.post_id DESC LIMIT :fetch)
				    UNION
				    (SELECT p.id, p.author_id FROM person a JOIN follow f ON f.followee_id = a.id AND f.follower_id = :reader
				     CROSS JOIN LATERAL (SELECT id, author_id FROM post
				                         WHERE author_id = a.id AND deleted_at IS NULL AND id < :before
				                         ORDER BY id DESC LIMIT :fetch) p
				     WHERE a.follower_count > %d)
				) e
				JOIN post p ON p.id = e.post_id AND p.deleted_at IS NULL
				WHERE %s
				ORDER BY e.post_id DESC LIMIT :fetch""".formatted(properties.fanOutLimit(), Graph.notHiddenFrom("e.author_id")))
			.param("reader", reader).param("before", before).param("fetch", fetch)
			.query((rs, row) -> new Entry(rs.getLong("post_id"), rs.getObject("author_id", UUID.class)))
			.list();
	}

	/** Keeps each timeline to its newest entries; older ones are what nobody scrolls to. */
	@Scheduled(fixedDelayString = "${mosaic.feed.trim-interval:5m}", initialDelayString = "${mosaic.feed.trim-interval:5m}")
	@Transactional
	public int trim() {
		return jdbc.sql("""
				DELETE FROM timeline t USING (
				    SELECT user_id, post_id FROM (
				        SELECT user_id, post_id, row_number() OVER (PARTITION BY user_id ORDER BY post_id DESC) AS n
				        FROM timeline
				        WHERE user_id IN (SELECT user_id FROM timeline GROUP BY user_id HAVING count(*) > :size)) ranked
				    WHERE n > :size) old
				WHERE t.user_id = old.user_id AND t.post_id = old.post_id""")
			.param("size", properties.timelineSize()).update();
	}

	/**
	 * A follow and a post of the same moment run in two transactions, neither seeing the other's uncommitted
	 * rows: the backfill would miss the post and the fan-out the follow (and an unfollow's removal would miss a
	 * fan-out's entry). Whoever writes an author's entries holds this lock to the end of its transaction, so the
	 * second one waits for the first to commit, and its next statement sees what the first wrote.
	 */
	private void lockAuthor(UUID author) {
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?::text, 0))").param(author.toString()).query(rs -> {
		});
	}

	private int followerCount(UUID author) {
		return jdbc.sql("SELECT follower_count FROM person WHERE id = ?").param(author).query(Integer.class).optional().orElse(0);
	}

	private Timestamp activeSince() {
		return Timestamp.from(activeSince(clock.instant()));
	}

	private Instant activeSince(Instant now) {
		return now.minus(properties.inactiveAfter());
	}

	private static void afterCommit(Runnable action) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					action.run();
				}
			});
		}
		else {
			action.run();
		}
	}
}
