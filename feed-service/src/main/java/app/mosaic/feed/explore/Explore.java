package app.mosaic.feed.explore;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.mosaic.feed.graph.Graph;
import app.mosaic.feed.timeline.FeedProperties;
import app.mosaic.feed.timeline.FeedReads;
import app.mosaic.platform.web.PageRequest;

/**
 * The explore page and trending hashtags, from feed-service's own summaries and graph. Explore shows recent
 * posts of public accounts the reader does not follow, is not in a block with and has not muted, best score first
 * (V2__explore.sql: engagement with time decay); a like or comment arriving moves its post up at the next read.
 */
@Service
public class Explore {

	/** Trending compares the last day with the week before it. */
	static final Duration RECENT = Duration.ofDays(1);
	static final Duration USUAL = Duration.ofDays(7);

	private final JdbcClient jdbc;
	private final FeedReads reads;
	private final FeedProperties properties;
	private final Clock clock;

	Explore(JdbcClient jdbc, FeedReads reads, FeedProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.reads = reads;
		this.properties = properties;
		this.clock = clock;
	}

	/** Where a page of explore ends: the last post's score and id, since scores tie only by accident. */
	public record Cursor(double score, long id) {

		static final Cursor FIRST = new Cursor(Double.MAX_VALUE, Long.MAX_VALUE);

		/** The cursor as the API gives it out: opaque to clients, two numbers here. */
		public String token() {
			return Long.toString(Double.doubleToLongBits(score), 36) + "." + id;
		}

		public static Cursor parse(String token) {
			if (token == null || token.isBlank()) {
				return FIRST;
			}
			String[] parts = token.strip().split("\\.", -1);
			try {
				if (parts.length == 2) {
					double score = Double.longBitsToDouble(Long.parseLong(parts[0], 36));
					long id = Long.parseLong(parts[1]);
					if (Double.isFinite(score) && score >= 0 && id > 0) {
						return new Cursor(score, id);
					}
				}
			}
			catch (NumberFormatException e) {
				// answered below
			}
			throw new PageRequest.InvalidParameterException(PageRequest.CURSOR, "is not valid; use the nextCursor of the previous page");
		}
	}

	public FeedReads.FeedPage page(UUID reader, Cursor after, int limit) {
		record Ranked(long id, double score) {
		}
		List<Ranked> rows = jdbc.sql("""
				SELECT p.id, p.score FROM post p JOIN person a ON a.id = p.author_id
				WHERE p.deleted_at IS NULL AND p.created_at > :since AND NOT a.private AND p.author_id <> :reader
				  AND (p.score, p.id) < (:score, :id)
				  AND NOT EXISTS (SELECT 1 FROM follow f WHERE f.followee_id = p.author_id AND f.follower_id = :reader)
				  AND %s
				ORDER BY p.score DESC, p.id DESC
				LIMIT :fetch""".formatted(Graph.notHiddenFrom("p.author_id")))
			.param("since", Timestamp.from(clock.instant().minus(properties.exploreWindow()))).param("reader", reader)
			.param("score", after.score()).param("id", after.id()).param("fetch", limit + 1)
			.query((rs, row) -> new Ranked(rs.getLong("id"), rs.getDouble("score")))
			.list();
		boolean more = rows.size() > limit;
		List<Ranked> shown = more ? rows.subList(0, limit) : rows;
		String next = more ? new Cursor(shown.get(limit - 1).score(), shown.get(limit - 1).id()).token() : null;
		return reads.page(reader, shown.stream().map(Ranked::id).toList(), next);
	}

	/**
	 * @param recentPosts public posts that used the tag in the last day
	 * @param score how far that is above the tag's usual daily rate of the week before, in standard deviations of
	 * a Poisson count with that rate (one added, so a tag new today is not infinitely unusual)
	 */
	public record TrendingTag(String tag, long recentPosts, double score) {
	}

	public List<TrendingTag> trending(int limit) {
		Instant hour = clock.instant().truncatedTo(ChronoUnit.HOURS);
		Instant recent = hour.minus(RECENT).plus(Duration.ofHours(1)); // the current hour and the 23 before it
		return jdbc.sql("""
				WITH recent AS (
				    SELECT tag, sum(uses) AS n FROM hashtag_use WHERE hour >= :recent GROUP BY tag),
				usual AS (
				    SELECT tag, sum(uses) / :days::double precision AS per_day FROM hashtag_use
				    WHERE hour >= :usual AND hour < :recent AND tag IN (SELECT tag FROM recent) GROUP BY tag)
				SELECT r.tag, r.n, (r.n - coalesce(u.per_day, 0)) / sqrt(coalesce(u.per_day, 0) + 1) AS score
				FROM recent r LEFT JOIN usual u ON u.tag = r.tag
				WHERE r.n >= :min
				ORDER BY score DESC, r.n DESC, r.tag
				LIMIT :limit""")
			.param("recent", Timestamp.from(recent)).param("usual", Timestamp.from(recent.minus(USUAL)))
			.param("days", (double) USUAL.toDays()).param("min", properties.trendingMinPosts()).param("limit", limit)
			.query((rs, row) -> new TrendingTag(rs.getString("tag"), rs.getLong("n"), round(rs.getDouble("score"))))
			.list();
	}

	/** Hourly uses older than trending reads are deleted. */
	@Scheduled(fixedDelayString = "${mosaic.feed.trim-interval:5m}", initialDelayString = "${mosaic.feed.trim-interval:5m}")
	@Transactional
	public int forgetOldUses() {
		Instant oldest = clock.instant().truncatedTo(ChronoUnit.HOURS).minus(RECENT).minus(USUAL);
		return jdbc.sql("DELETE FROM hashtag_use WHERE hour < ?").param(Timestamp.from(oldest)).update();
	}

	private static double round(double score) {
		return Math.round(score * 100) / 100.0;
	}
}
