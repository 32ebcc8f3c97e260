package app.mosaic.post.like;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.mosaic.platform.events.DomainEvents;
import app.mosaic.platform.ids.IdGenerator;
import app.mosaic.post.people.People;
import app.mosaic.post.people.Visibility;
import app.mosaic.post.post.Post;
import app.mosaic.post.post.PostManagement;
import app.mosaic.post.post.Posts;

/**
 * Likes of posts. The like row and the post's counter change in one transaction, so counts stay exact however
 * many people like at once; liking twice is one like. The counter is sharded by liker: likes of one post
 * change 16 rows, not queue on one (V2__like_counter_shards.sql).
 */
@Service
public class PostLikes {

	/** The liker's shard of a post's counter, of {@code :user}; the migration moved old likes with the same. */
	private static final String SHARD = "((hashtextextended(CAST(:user AS text), 0) % 16 + 16) % 16)::smallint";

	private final JdbcClient jdbc;
	private final Posts posts;
	private final DomainEvents events;
	private final IdGenerator ids;
	private final Clock clock;

	PostLikes(JdbcClient jdbc, Posts posts, DomainEvents events, IdGenerator ids, Clock clock) {
		this.jdbc = jdbc;
		this.posts = posts;
		this.events = events;
		this.ids = ids;
		this.clock = clock;
	}

	/** @param likeCount null when the author hides it from the viewer */
	public record Liked(boolean liked, Integer likeCount) {
	}

	@Transactional
	public Liked like(UUID viewer, long postId) {
		Post post = visible(viewer, postId);
		Instant now = clock.instant();
		boolean added = jdbc.sql("""
				INSERT INTO post_like (post_id, user_id, id, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""")
			.params(postId, viewer, ids.next(), Timestamp.from(now)).update() == 1;
		if (!added) {
			return new Liked(true, post.likeCountFor(viewer));
		}
		jdbc.sql("""
				INSERT INTO post_like_counter (post_id, shard, likes) VALUES (:post, %s, 1)
				ON CONFLICT (post_id, shard) DO UPDATE SET likes = post_like_counter.likes + 1""".formatted(SHARD))
			.param("post", postId).param("user", viewer).update();
		int count = count(postId);
		events.publish(Long.toString(postId), new LikeEvents.PostLiked(Long.toString(postId), post.authorId(), viewer, count, now));
		return new Liked(true, shown(post, viewer, count));
	}

	@Transactional
	public Liked unlike(UUID viewer, long postId) {
		Post post = visible(viewer, postId);
		boolean removed = jdbc.sql("DELETE FROM post_like WHERE post_id = ? AND user_id = ?").params(postId, viewer).update() == 1;
		if (!removed) {
			return new Liked(false, post.likeCountFor(viewer));
		}
		jdbc.sql("UPDATE post_like_counter SET likes = likes - 1 WHERE post_id = :post AND shard = " + SHARD)
			.param("post", postId).param("user", viewer).update();
		int count = count(postId);
		events.publish(Long.toString(postId),
				new LikeEvents.PostUnliked(Long.toString(postId), post.authorId(), viewer, count, clock.instant()));
		return new Liked(false, shown(post, viewer, count));
	}

	/** A like in a list: who, and the like's position for the cursor. */
	public record Liker(People.Person person, long position) {
	}

	/** Who liked a post the viewer may see, newest first; people in a block with the viewer are left out. */
	public List<Liker> likers(UUID viewer, long postId, long before, int limit) {
		visible(viewer, postId);
		return jdbc.sql("""
				SELECT a.*, l.id AS position FROM post_like l JOIN person a ON a.id = l.user_id
				WHERE l.post_id = :post AND l.id < :before AND %s
				ORDER BY l.id DESC LIMIT :limit""".formatted(Visibility.notBlocked("a.id")))
			.param("post", postId).param("before", before).param("limit", limit).param("viewer", viewer)
			.query((rs, row) -> new Liker(People.map(rs, "id"), rs.getLong("position")))
			.list();
	}

	/** Takes an erased account's likes back from every post, counts included. Runs in the consumer's transaction. */
	public void eraseBy(UUID user) {
		jdbc.sql("""
				UPDATE post_like_counter c SET likes = c.likes - 1
				FROM post_like l WHERE l.user_id = :user AND c.post_id = l.post_id AND c.shard = """ + SHARD)
			.param("user", user).update();
		jdbc.sql("DELETE FROM post_like WHERE user_id = ?").param(user).update();
	}

	private Post visible(UUID viewer, long postId) {
		// the post cannot be deleted under the like, while likes of it still run side by side
		return posts.findVisible(viewer, postId, Posts.Lock.AGAINST_DELETION).orElseThrow(PostManagement::notFound);
	}

	/** The count as this transaction sees it: its own like and every committed one. */
	private int count(long postId) {
		return jdbc.sql("SELECT coalesce(sum(likes), 0) FROM post_like_counter WHERE post_id = ?").param(postId)
			.query(Integer.class).single();
	}

	private static Integer shown(Post post, UUID viewer, int count) {
		return post.hideLikeCount() && !post.isAuthoredBy(viewer) ? null : count;
	}
}
