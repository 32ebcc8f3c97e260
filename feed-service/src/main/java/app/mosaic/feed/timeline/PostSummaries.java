package app.mosaic.feed.timeline;

import java.sql.Timestamp;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * What feed-service keeps of each post, from post events: enough to fan it out, rank it on explore, and show it
 * when post-service cannot be asked; and the hourly uses of the hashtags of public posts, which trending reads.
 * Runs in the consumers' transactions.
 */
@Service
public class PostSummaries {

	/** A post as PostCreated describes it. */
	public record NewPost(long id, UUID authorId, boolean isPublic, String caption, List<String> hashtags, List<Media> media,
			Instant createdAt) {
	}

	public record Media(String mediaId, int width, int height, String blurhash, String altText) {
	}

	private final JdbcClient jdbc;
	private final JsonMapper json;

	PostSummaries(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** @return whether the post is new and not deleted already (a PostDeleted can overtake its PostCreated) */
	public boolean created(NewPost post) {
		boolean created = jdbc.sql("""
				INSERT INTO post (id, author_id, public, caption, hashtags, media, created_at)
				VALUES (?, ?, ?, ?, ?, ?::jsonb, ?) ON CONFLICT DO NOTHING""")
			.params(post.id(), post.authorId(), post.isPublic(), post.caption() == null ? "" : post.caption(),
					post.hashtags().toArray(String[]::new), json.writeValueAsString(post.media()), Timestamp.from(post.createdAt()))
			.update() == 1;
		if (created && post.isPublic()) {
			uses(post.hashtags(), post.createdAt(), 1);
		}
		return created;
	}

	/** A new caption: hashtags taken out or added count against the hour the post was made in. */
	public void updated(long id, String caption, List<String> hashtags) {
		jdbc.sql("""
				WITH old AS (SELECT id, hashtags FROM post WHERE id = :id AND deleted_at IS NULL FOR UPDATE)
				UPDATE post p SET caption = :caption, hashtags = :hashtags FROM old WHERE p.id = old.id
				RETURNING old.hashtags AS old_hashtags, p.public, p.created_at""")
			.param("id", id).param("caption", caption == null ? "" : caption).param("hashtags", hashtags.toArray(String[]::new))
			.query((rs, row) -> {
				if (rs.getBoolean("public")) {
					Instant created = rs.getTimestamp("created_at").toInstant();
					List<String> old = List.of((String[]) rs.getArray("old_hashtags").getArray());
					uses(old.stream().filter(tag -> !hashtags.contains(tag)).toList(), created, -1);
					uses(hashtags.stream().filter(tag -> !old.contains(tag)).toList(), created, 1);
				}
				return row;
			}).list();
	}

	/** Marks the post deleted, or leaves a tombstone for a PostCreated still on its way. */
	public void deleted(long id, UUID authorId, Instant at) {
		jdbc.sql("""
				INSERT INTO post (id, author_id, created_at, deleted_at) VALUES (?, ?, ?, ?)
				ON CONFLICT (id) DO UPDATE SET deleted_at = excluded.deleted_at WHERE post.deleted_at IS NULL
				RETURNING hashtags, public, created_at""")
			.params(id, authorId, Timestamp.from(at), Timestamp.from(at))
			.query(this::unused).list();
	}

	/** Counts as the events state them after the change (they carry the new total), never below zero. */
	public void likeCount(long id, int count) {
		jdbc.sql("UPDATE post SET like_count = greatest(0, ?) WHERE id = ?").params(count, id).update();
	}

	public void commentCountChanged(long id, int delta) {
		jdbc.sql("UPDATE post SET comment_count = greatest(0, comment_count + ?) WHERE id = ?").params(delta, id).update();
	}

	/** An erased account's posts are deleted here too. */
	public void eraseBy(UUID author, Instant at) {
		jdbc.sql("UPDATE post SET deleted_at = ? WHERE author_id = ? AND deleted_at IS NULL RETURNING hashtags, public, created_at")
			.params(Timestamp.from(at), author).query(this::unused).list();
	}

	/** A deleted post's hashtags stop counting (a tombstone has none). */
	private int unused(ResultSet rs, int row) throws SQLException {
		if (rs.getBoolean("public")) {
			uses(List.of((String[]) rs.getArray("hashtags").getArray()), rs.getTimestamp("created_at").toInstant(), -1);
		}
		return row;
	}

	/** One statement for all of a post's tags; sorted, so concurrent batches lock the rows in one order. */
	private void uses(List<String> tags, Instant at, int delta) {
		if (tags.isEmpty()) {
			return;
		}
		String change = delta > 0 ? """
				INSERT INTO hashtag_use (tag, hour, uses)
				SELECT tag, :hour, 1 FROM unnest(:tags) AS tag ORDER BY tag
				ON CONFLICT (hour, tag) DO UPDATE SET uses = hashtag_use.uses + 1"""
				: "UPDATE hashtag_use SET uses = greatest(0, uses - 1) WHERE hour = :hour AND tag = ANY (:tags)";
		jdbc.sql(change).param("hour", Timestamp.from(at.truncatedTo(ChronoUnit.HOURS)))
			.param("tags", tags.stream().distinct().sorted().toArray(String[]::new)).update();
	}

	/** The summaries of these posts that are not deleted, for a degraded page. */
	List<Summary> find(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT p.id, p.author_id, a.username, p.caption, p.hashtags, p.media::text AS media, p.like_count,
				       p.comment_count, p.created_at
				FROM post p LEFT JOIN person a ON a.id = p.author_id
				WHERE p.id IN (:ids) AND p.deleted_at IS NULL""")
			.param("ids", ids)
			.query((rs, row) -> new Summary(rs.getLong("id"), rs.getObject("author_id", UUID.class), rs.getString("username"),
					rs.getString("caption"), List.of((String[]) rs.getArray("hashtags").getArray()),
					List.of(json.readValue(rs.getString("media"), Media[].class)), rs.getInt("like_count"),
					rs.getInt("comment_count"), rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	record Summary(long id, UUID authorId, String username, String caption, List<String> hashtags, List<Media> media,
			int likeCount, int commentCount, Instant createdAt) {
	}
}
