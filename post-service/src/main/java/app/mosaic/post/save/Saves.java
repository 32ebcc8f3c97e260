package app.mosaic.post.save;

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
import app.mosaic.post.post.Post;
import app.mosaic.post.post.PostManagement;
import app.mosaic.post.post.Posts;

/** Saved posts: private to the person who saved them. Saving twice is one save; unsaving takes a post out of every collection. */
@Service
public class Saves {

	private final JdbcClient jdbc;
	private final Posts posts;
	private final DomainEvents events;
	private final IdGenerator ids;
	private final Clock clock;

	Saves(JdbcClient jdbc, Posts posts, DomainEvents events, IdGenerator ids, Clock clock) {
		this.jdbc = jdbc;
		this.posts = posts;
		this.events = events;
		this.ids = ids;
		this.clock = clock;
	}

	/** A saved post and its place in the saved list, for the cursor. */
	public record Saved(long postId, long position) {
	}

	@Transactional
	public void save(UUID user, long postId) {
		Post post = visible(user, postId);
		Instant now = clock.instant();
		if (insert(user, postId, now)) {
			events.publish(Long.toString(postId), new SaveEvents.PostSaved(Long.toString(postId), post.authorId(), user, now));
		}
	}

	@Transactional
	public void unsave(UUID user, long postId) {
		visible(user, postId);
		jdbc.sql("DELETE FROM saved_post WHERE user_id = ? AND post_id = ?").params(user, postId).update();
	}

	/** The user's saved posts, newest saved first (those they may no longer see are left out when shown). */
	public List<Saved> saved(UUID user, long before, int limit) {
		return jdbc.sql("SELECT post_id, id FROM saved_post WHERE user_id = ? AND id < ? ORDER BY id DESC LIMIT ?")
			.params(user, before, limit)
			.query((rs, row) -> new Saved(rs.getLong("post_id"), rs.getLong("id"))).list();
	}

	/** The post, which the user may see, or 404. */
	Post visible(UUID user, long postId) {
		return posts.findVisible(user, postId, Posts.Lock.AGAINST_DELETION).orElseThrow(PostManagement::notFound);
	}

	/** @return whether the save is new */
	boolean insert(UUID user, long postId, Instant at) {
		return jdbc.sql("INSERT INTO saved_post (user_id, post_id, id, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
			.params(user, postId, ids.next(), Timestamp.from(at)).update() == 1;
	}

	/** An erased account's saves and collections. Runs in the consumer's transaction. */
	public void eraseBy(UUID user) {
		jdbc.sql("DELETE FROM collection WHERE owner_id = ?").param(user).update();
		jdbc.sql("DELETE FROM saved_post WHERE user_id = ?").param(user).update();
	}
}
