package app.mosaic.post.comment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import app.mosaic.post.people.People;
import app.mosaic.post.people.Visibility;
import app.mosaic.post.post.Post;

/** Comment rows and the counters kept with them: the post's comment count, a comment's replies and likes. */
@Repository
public class Comments {

	private static final TypeReference<List<Post.Mention>> MENTIONS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final JsonMapper json;

	Comments(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** A comment with what a viewer needs to draw it. */
	public record Shown(Comment comment, People.Person author, boolean liked) {
	}

	void insert(Comment c) {
		jdbc.sql("""
				INSERT INTO comment (id, post_id, author_id, parent_id, text, mentions, created_at)
				VALUES (:id, :post, :author, :parent, :text, CAST(:mentions AS jsonb), :at)""")
			.param("id", c.id()).param("post", c.postId()).param("author", c.authorId()).param("parent", c.parentId())
			.param("text", c.text()).param("mentions", json.writeValueAsString(c.mentions()))
			.param("at", Timestamp.from(c.createdAt()))
			.update();
		countOnPost(c.postId(), 1);
		if (c.parentId() != null) {
			jdbc.sql("UPDATE comment SET reply_count = reply_count + 1 WHERE id = ?").param(c.parentId()).update();
		}
	}

	void updateText(long id, String text, List<Post.Mention> mentions, Instant at) {
		jdbc.sql("UPDATE comment SET text = ?, mentions = CAST(? AS jsonb), edited_at = ? WHERE id = ?")
			.params(text, json.writeValueAsString(mentions), Timestamp.from(at), id).update();
	}

	/** Deletes the comment with its replies. @return the replies that went with it */
	List<Comment> delete(Comment c) {
		List<Comment> replies = c.isReply() ? List.of()
				: jdbc.sql("SELECT * FROM comment WHERE parent_id = ? ORDER BY id").param(c.id()).query(this::map).list();
		jdbc.sql("DELETE FROM comment WHERE id = ?").param(c.id()).update();
		countOnPost(c.postId(), -(1 + replies.size()));
		if (c.parentId() != null) {
			jdbc.sql("UPDATE comment SET reply_count = greatest(0, reply_count - 1) WHERE id = ?").param(c.parentId()).update();
		}
		return replies;
	}

	public Optional<Comment> find(long id) {
		return jdbc.sql("SELECT * FROM comment WHERE id = ?").param(id).query(this::map).optional();
	}

	/** The comment, if the viewer may see it: they see its post, and neither blocked its author. */
	Optional<Comment> findVisible(UUID viewer, long id) {
		return jdbc.sql("""
				SELECT c.* FROM comment c JOIN post p ON p.id = c.post_id
				WHERE c.id = :id AND %s AND %s""".formatted(Visibility.seesPostsOf("p.author_id"), Visibility.notBlocked("c.author_id")))
			.param("id", id).param("viewer", viewer)
			.query(this::map).optional();
	}

	/** Top-level comments of a post, newest first, without those of people in a block with the viewer. */
	List<Shown> topLevel(UUID viewer, long postId, long before, int limit) {
		return shown(viewer, "c.post_id = :owner AND c.parent_id IS NULL", postId, before, limit);
	}

	List<Shown> replies(UUID viewer, long commentId, long before, int limit) {
		return shown(viewer, "c.parent_id = :owner", commentId, before, limit);
	}

	Optional<Shown> shown(UUID viewer, long id) {
		return shown(viewer, "c.id = :owner", id, Long.MAX_VALUE, 1).stream().findFirst();
	}

	private List<Shown> shown(UUID viewer, String which, long owner, long before, int limit) {
		return jdbc.sql("""
				SELECT c.*, a.username, a.full_name, a.avatar_media_id, a.private,
				  EXISTS (SELECT 1 FROM comment_like l WHERE l.comment_id = c.id AND l.user_id = :viewer) AS liked
				FROM comment c JOIN person a ON a.id = c.author_id
				WHERE %s AND c.id < :before AND %s
				ORDER BY c.id DESC LIMIT :limit""".formatted(which, Visibility.notBlocked("c.author_id")))
			.param("owner", owner).param("before", before).param("limit", limit).param("viewer", viewer)
			.query((rs, row) -> new Shown(map(rs, row), People.map(rs, "author_id"), rs.getBoolean("liked")))
			.list();
	}

	/** @return whether the like is new */
	boolean like(long commentId, UUID user, Instant at) {
		return jdbc.sql("INSERT INTO comment_like (comment_id, user_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
			.params(commentId, user, Timestamp.from(at)).update() == 1;
	}

	boolean unlike(long commentId, UUID user) {
		return jdbc.sql("DELETE FROM comment_like WHERE comment_id = ? AND user_id = ?").params(commentId, user).update() == 1;
	}

	int countLikes(long commentId, int delta) {
		return jdbc.sql("UPDATE comment SET like_count = greatest(0, like_count + ?) WHERE id = ? RETURNING like_count")
			.params(delta, commentId).query(Integer.class).single();
	}

	/**
	 * Removes an erased account's comments (with the replies to them) and comment likes, correcting every count
	 * they were part of. Runs in the consumer's transaction.
	 */
	public void eraseBy(UUID user) {
		jdbc.sql("""
				WITH doomed AS (
				  SELECT id, post_id, parent_id FROM comment WHERE author_id = :user
				  UNION
				  SELECT r.id, r.post_id, r.parent_id FROM comment r JOIN comment c ON r.parent_id = c.id
				  WHERE c.author_id = :user AND c.parent_id IS NULL
				), per_post AS (
				  SELECT post_id, count(*) AS n FROM doomed GROUP BY post_id
				), per_parent AS (
				  SELECT parent_id, count(*) AS n FROM doomed
				  WHERE parent_id IS NOT NULL AND parent_id NOT IN (SELECT id FROM doomed) GROUP BY parent_id
				), posts AS (
				  UPDATE post SET comment_count = greatest(0, comment_count - per_post.n) FROM per_post WHERE post.id = per_post.post_id
				), parents AS (
				  UPDATE comment SET reply_count = greatest(0, reply_count - per_parent.n) FROM per_parent
				  WHERE comment.id = per_parent.parent_id
				)
				DELETE FROM comment WHERE id IN (SELECT id FROM doomed)""")
			.param("user", user).update();
		jdbc.sql("""
				UPDATE comment c SET like_count = greatest(0, c.like_count - 1)
				FROM comment_like l WHERE l.user_id = ? AND l.comment_id = c.id""").param(user).update();
		jdbc.sql("DELETE FROM comment_like WHERE user_id = ?").param(user).update();
	}

	private void countOnPost(long postId, int delta) {
		jdbc.sql("UPDATE post SET comment_count = greatest(0, comment_count + ?) WHERE id = ?").params(delta, postId).update();
	}

	Comment map(ResultSet rs, int row) throws SQLException {
		long parent = rs.getLong("parent_id");
		Long parentId = rs.wasNull() ? null : parent;
		Timestamp edited = rs.getTimestamp("edited_at");
		return new Comment(rs.getLong("id"), rs.getLong("post_id"), rs.getObject("author_id", UUID.class), parentId,
				rs.getString("text"), json.readValue(rs.getString("mentions"), MENTIONS), rs.getInt("like_count"),
				rs.getInt("reply_count"), rs.getTimestamp("created_at").toInstant(), edited == null ? null : edited.toInstant());
	}
}
