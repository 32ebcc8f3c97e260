package app.mosaic.feed.timeline;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * What feed-service keeps of each post, from post events: enough to fan it out, rank it on explore, and show it
 * when post-service cannot be asked. Runs in the consumers' transactions.
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
		return jdbc.sql("""
				INSERT INTO post (id, author_id, public, caption, hashtags, media, created_at)
				VALUES (?, ?, ?, ?, ?, ?::jsonb, ?) ON CONFLICT DO NOTHING""")
			.params(post.id(), post.authorId(), post.isPublic(), post.caption() == null ? "" : post.caption(),
					post.hashtags().toArray(String[]::new), json.writeValueAsString(post.media()), Timestamp.from(post.createdAt()))
			.update() == 1;
	}

	public void updated(long id, String caption, List<String> hashtags) {
		jdbc.sql("UPDATE post SET caption = ?, hashtags = ? WHERE id = ?")
			.params(caption == null ? "" : caption, hashtags.toArray(String[]::new), id).update();
	}

	/** Marks the post deleted, or leaves a tombstone for a PostCreated still on its way. */
	public void deleted(long id, UUID authorId, Instant at) {
		jdbc.sql("""
				INSERT INTO post (id, author_id, created_at, deleted_at) VALUES (?, ?, ?, ?)
				ON CONFLICT (id) DO UPDATE SET deleted_at = excluded.deleted_at WHERE post.deleted_at IS NULL""")
			.params(id, authorId, Timestamp.from(at), Timestamp.from(at)).update();
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
		jdbc.sql("UPDATE post SET deleted_at = ? WHERE author_id = ? AND deleted_at IS NULL").params(Timestamp.from(at), author).update();
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
