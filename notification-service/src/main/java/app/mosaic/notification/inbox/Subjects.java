package app.mosaic.notification.inbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** What notifications are about, as they show it: a post's thumbnail, a comment's excerpt. From post events. */
@Service
public class Subjects {

	/** What a notification shows of a comment, as Instagram cuts it in its list. */
	static final int EXCERPT = 100;

	public record Post(long id, UUID authorId, boolean isPublic) {
	}

	private final JdbcClient jdbc;

	Subjects(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void post(long id, UUID author, boolean isPublic, Long thumbMediaId) {
		jdbc.sql("""
				INSERT INTO post (id, author_id, public, thumb_media_id) VALUES (?, ?, ?, ?)
				ON CONFLICT (id) DO NOTHING""").params(id, author, isPublic, thumbMediaId).update();
	}

	public Optional<Post> post(long id) {
		return jdbc.sql("SELECT id, author_id, public AS is_public FROM post WHERE id = ?").param(id).query(Post.class).optional();
	}

	public void comment(long id, long post, UUID author, String text, Instant at) {
		jdbc.sql("""
				INSERT INTO comment (id, post_id, author_id, excerpt, created_at) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (id) DO NOTHING""").params(id, post, author, excerpt(text), Timestamp.from(at)).update();
	}

	public void commentDeleted(long id) {
		jdbc.sql("DELETE FROM comment WHERE id = ?").param(id).update();
	}

	public void postDeleted(long id) {
		jdbc.sql("DELETE FROM comment WHERE post_id = ?").param(id).update();
		jdbc.sql("DELETE FROM post WHERE id = ?").param(id).update();
	}

	/** A deleted account's posts and comments: what notifications about them showed goes with them. */
	public void erase(UUID user) {
		jdbc.sql("DELETE FROM comment WHERE author_id = ? OR post_id IN (SELECT id FROM post WHERE author_id = ?)").params(user, user)
			.update();
		jdbc.sql("DELETE FROM post WHERE author_id = ?").param(user).update();
	}

	/** Cut at a code point, never inside a surrogate pair (an emoji stays whole or goes). */
	static String excerpt(String text) {
		if (text == null) {
			return "";
		}
		if (text.codePointCount(0, text.length()) <= EXCERPT) {
			return text;
		}
		return text.substring(0, text.offsetByCodePoints(0, EXCERPT - 1)) + "…";
	}
}
