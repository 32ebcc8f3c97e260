package app.mosaic.post.post;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import app.mosaic.post.people.Visibility;

/** Post rows, with their hashtag index and the counts of hashtags and places kept with them. */
@Repository
public class Posts {

	private static final TypeReference<List<Post.PostMedia>> MEDIA = new TypeReference<>() {
	};
	private static final TypeReference<List<Post.Mention>> MENTIONS = new TypeReference<>() {
	};

	/** A post with its place's name, in one read. */
	/** A post's like count: the sum of its counter's shards (see V2__like_counter_shards.sql), for a post {@code p}. */
	public static final String LIKE_COUNT = "(SELECT coalesce(sum(c.likes), 0) FROM post_like_counter c WHERE c.post_id = p.id) AS like_count";

	private static final String BY_ID = "SELECT p.*, " + LIKE_COUNT + ", pl.name AS place_name FROM post p LEFT JOIN place pl ON pl.id = p.place_id";

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final Places places;

	Posts(JdbcClient jdbc, JsonMapper json, Places places) {
		this.jdbc = jdbc;
		this.json = json;
		this.places = places;
	}

	void insert(Post post) {
		jdbc.sql("""
				INSERT INTO post (id, author_id, caption, media, hashtags, mentions, place_id, comments_disabled,
				  hide_like_count, created_at)
				VALUES (:id, :author, :caption, CAST(:media AS jsonb), string_to_array(:hashtags, chr(31)),
				  CAST(:mentions AS jsonb), :place, :commentsDisabled, :hideLikeCount, :at)""")
			.param("id", post.id()).param("author", post.authorId()).param("caption", post.caption().text())
			.param("media", json.writeValueAsString(post.media())).param("hashtags", tags(post.caption().hashtags()))
			.param("mentions", json.writeValueAsString(post.mentions()))
			.param("place", post.place() == null ? null : post.place().id())
			.param("commentsDisabled", post.commentsDisabled()).param("hideLikeCount", post.hideLikeCount())
			.param("at", Timestamp.from(post.createdAt()))
			.update();
		tag(post.id(), post.caption().hashtags(), post.createdAt());
		places.count(post.place(), 1);
	}

	/** Stores an edit, moving the hashtag and place counts with it. */
	void update(Post before, Post after) {
		jdbc.sql("""
				UPDATE post SET caption = :caption, media = CAST(:media AS jsonb), hashtags = string_to_array(:hashtags, chr(31)),
				  mentions = CAST(:mentions AS jsonb), place_id = :place, comments_disabled = :commentsDisabled,
				  hide_like_count = :hideLikeCount, edited_at = :editedAt
				WHERE id = :id""")
			.param("caption", after.caption().text()).param("media", json.writeValueAsString(after.media()))
			.param("hashtags", tags(after.caption().hashtags())).param("mentions", json.writeValueAsString(after.mentions()))
			.param("place", after.place() == null ? null : after.place().id())
			.param("commentsDisabled", after.commentsDisabled()).param("hideLikeCount", after.hideLikeCount())
			.param("editedAt", Timestamp.from(after.editedAt())).param("id", after.id())
			.update();
		Set<String> removed = new HashSet<>(before.caption().hashtags());
		after.caption().hashtags().forEach(removed::remove);
		List<String> added = after.caption().hashtags().stream().filter(t -> !before.caption().hashtags().contains(t)).toList();
		untag(after.id(), removed);
		tag(after.id(), added, after.editedAt());
		if (!samePlace(before.place(), after.place())) {
			places.count(before.place(), -1);
			places.count(after.place(), 1);
		}
	}

	/** Deletes the post; its likes, comments, saves and hashtag index go with it (foreign keys cascade). */
	void delete(Post post) {
		untag(post.id(), post.caption().hashtags());
		places.count(post.place(), -1);
		jdbc.sql("DELETE FROM post WHERE id = ?").param(post.id()).update();
	}

	/** How a read post stays until the transaction ends. */
	public enum Lock {
		NONE(""),
		/** Likes and saves of one post run side by side; the post cannot be deleted under them. */
		AGAINST_DELETION(" FOR KEY SHARE OF p"),
		/** Changes to the post's comments and counters run one at a time. */
		AGAINST_CHANGES(" FOR NO KEY UPDATE OF p"),
		/** Edits and deletion of one post serialize with everything else done to it. */
		EXCLUSIVE(" FOR UPDATE OF p");

		private final String clause;

		Lock(String clause) {
			this.clause = clause;
		}
	}

	/** The post, if the viewer may see it ({@link Visibility}), locked as asked; one read. */
	public Optional<Post> findVisible(UUID viewer, long id, Lock lock) {
		return jdbc.sql(BY_ID + " WHERE p.id = :id AND " + Visibility.seesPostsOf("p.author_id") + lock.clause)
			.param("id", id).param("viewer", viewer).query(this::map).optional();
	}

	/** The ids of an author's posts, newest first, below the cursor. */
	public List<Long> idsByAuthor(UUID author, long before, int limit) {
		return jdbc.sql("SELECT id FROM post WHERE author_id = ? AND id < ? ORDER BY id DESC LIMIT ?")
			.params(author, before, limit).query(Long.class).list();
	}

	/** All of an author's posts, locked, for erasing an account. */
	List<Post> allByAuthor(UUID author) {
		return jdbc.sql(BY_ID + " WHERE p.author_id = ? ORDER BY p.id" + Lock.EXCLUSIVE.clause).param(author).query(this::map).list();
	}

	private void tag(long postId, List<String> tags, java.time.Instant at) {
		// tags in a fixed order: concurrent posts with the same tags lock their counters without deadlock
		for (String tag : tags.stream().sorted().toList()) {
			jdbc.sql("""
					INSERT INTO hashtag (tag, post_count, last_used_at) VALUES (?, 1, ?)
					ON CONFLICT (tag) DO UPDATE SET post_count = hashtag.post_count + 1,
					  last_used_at = greatest(hashtag.last_used_at, excluded.last_used_at)""")
				.params(tag, Timestamp.from(at)).update();
			jdbc.sql("INSERT INTO post_hashtag (tag, post_id) VALUES (?, ?) ON CONFLICT DO NOTHING").params(tag, postId).update();
		}
	}

	private void untag(long postId, Set<String> tags) {
		for (String tag : tags.stream().sorted().toList()) {
			if (jdbc.sql("DELETE FROM post_hashtag WHERE tag = ? AND post_id = ?").params(tag, postId).update() == 1) {
				jdbc.sql("UPDATE hashtag SET post_count = greatest(0, post_count - 1) WHERE tag = ?").param(tag).update();
			}
		}
	}

	private void untag(long postId, List<String> tags) {
		untag(postId, new HashSet<>(tags));
	}

	private static boolean samePlace(Post.PlaceRef a, Post.PlaceRef b) {
		return a == null ? b == null : b != null && a.id() == b.id();
	}

	/** Tags joined by the unit separator, which no tag contains, and split again in SQL. */
	private static String tags(List<String> tags) {
		return String.join("\u001f", tags);
	}

	/** A post from a row of {@code post} joined with its place's name as {@code place_name}. */
	Post map(ResultSet rs, int row) throws SQLException {
		long placeId = rs.getLong("place_id");
		Post.PlaceRef place = rs.wasNull() ? null : new Post.PlaceRef(placeId, rs.getString("place_name"));
		List<String> hashtags = new ArrayList<>(Arrays.asList(strings(rs.getArray("hashtags"))));
		Caption caption = new Caption(rs.getString("caption"), hashtags, List.of());
		Timestamp edited = rs.getTimestamp("edited_at");
		return new Post(rs.getLong("id"), rs.getObject("author_id", UUID.class), caption,
				json.readValue(rs.getString("media"), MEDIA), json.readValue(rs.getString("mentions"), MENTIONS), place,
				rs.getBoolean("comments_disabled"), rs.getBoolean("hide_like_count"), rs.getInt("like_count"),
				rs.getInt("comment_count"), rs.getTimestamp("created_at").toInstant(), edited == null ? null : edited.toInstant());
	}

	private static String[] strings(Array array) throws SQLException {
		return array == null ? new String[0] : (String[]) array.getArray();
	}
}
