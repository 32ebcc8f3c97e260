package app.mosaic.notification.inbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.mosaic.platform.media.MediaUrls;
import app.mosaic.platform.web.Page;
import app.mosaic.platform.web.PageRequest;

/**
 * Notifications as clients draw them without another call: the latest three actors with their avatars, the
 * post's thumbnail (a signed URL), the comment's excerpt. A few queries per page, never one per notification.
 */
@Service
@Transactional(readOnly = true)
public class NotificationReads {

	/** Actors a notification names ("ana, ben and 12 others"); {@code actorCount} tells the rest. */
	static final int ACTORS_SHOWN = 3;

	public record ActorView(String id, String username, String avatarUrl) {
	}

	public record PostView(String id, String thumbUrl) {
	}

	public record CommentView(String id, String text) {
	}

	/** {@code createdAt} is the first activity, {@code updatedAt} the latest (what "2 h" counts from). */
	public record NotificationView(String id, String type, List<ActorView> actors, int actorCount, PostView post,
			CommentView comment, Instant createdAt, Instant updatedAt, boolean read) {
	}

	/** A change a stream announces: the notification as it is now, or its removal. */
	public record Change(long version, long id, NotificationView notification) {

		public boolean removed() {
			return notification == null;
		}
	}

	private record Row(long id, String type, Long postId, Long commentId, int actorCount, Instant createdAt, Instant updatedAt,
			long position, long version, boolean read, boolean removed) {
	}

	private static final String COLUMNS = "id, type, post_id, comment_id, actor_count, created_at, updated_at, position, version, read, removed ";

	private final JdbcClient jdbc;
	private final MediaUrls urls;

	NotificationReads(JdbcClient jdbc, MediaUrls urls) {
		this.jdbc = jdbc;
		this.urls = urls;
	}

	/** Newest activity first. */
	public Page<NotificationView> page(UUID recipient, PageRequest page) {
		List<Row> rows = jdbc.sql("SELECT " + COLUMNS + """
				 FROM notification WHERE recipient_id = ? AND NOT removed AND position < ?
				ORDER BY position DESC LIMIT ?""")
			.params(recipient, page.before(), page.fetch()).query(NotificationReads::row).list();
		Map<Long, NotificationView> views = views(rows);
		return page.page(rows, r -> views.get(r.id()), Row::position);
	}

	public int unreadCount(UUID recipient) {
		return jdbc.sql("SELECT count(*) FROM notification WHERE recipient_id = ? AND NOT removed AND NOT read").param(recipient)
			.query(Integer.class).single();
	}

	/** The version a new stream starts after: it is told of changes from the next one on. */
	public long latestVersion(UUID recipient) {
		return jdbc.sql("SELECT coalesce(max(version), 0) FROM notification WHERE recipient_id = ?").param(recipient)
			.query(Long.class).single();
	}

	/** What changed after {@code version}, oldest change first. */
	public List<Change> changesSince(UUID recipient, long version, int limit) {
		List<Row> rows = jdbc.sql("SELECT " + COLUMNS + """
				 FROM notification WHERE recipient_id = ? AND version > ? ORDER BY version LIMIT ?""")
			.params(recipient, version, limit).query(NotificationReads::row).list();
		Map<Long, NotificationView> views = views(rows.stream().filter(r -> !r.removed()).toList());
		return rows.stream().map(r -> new Change(r.version(), r.id(), r.removed() ? null : views.get(r.id()))).toList();
	}

	private Map<Long, NotificationView> views(List<Row> rows) {
		if (rows.isEmpty()) {
			return Map.of();
		}
		Long[] ids = rows.stream().map(Row::id).toArray(Long[]::new);
		Map<Long, List<ActorView>> actors = new HashMap<>();
		jdbc.sql("""
				SELECT a.notification_id, a.actor_id, p.username, p.avatar_media_id FROM (
				    SELECT notification_id, actor_id, row_number() OVER (PARTITION BY notification_id ORDER BY acted_at DESC) AS n
				    FROM notification_actor WHERE notification_id = ANY(?)) a
				LEFT JOIN person p ON p.id = a.actor_id
				WHERE a.n <= ? ORDER BY a.notification_id, a.n""")
			.params(ids, ACTORS_SHOWN).query((rs, i) -> {
				long avatar = rs.getLong("avatar_media_id");
				String avatarUrl = rs.wasNull() ? null : urls.variantUrl(avatar, "thumb");
				actors.computeIfAbsent(rs.getLong("notification_id"), k -> new ArrayList<>())
					.add(new ActorView(rs.getString("actor_id"), rs.getString("username"), avatarUrl));
				return null;
			}).list();
		Map<Long, PostView> posts = posts(rows.stream().map(Row::postId).filter(java.util.Objects::nonNull).distinct().toList());
		Map<Long, CommentView> comments = comments(
				rows.stream().map(Row::commentId).filter(java.util.Objects::nonNull).distinct().toList());
		Map<Long, NotificationView> views = new HashMap<>();
		for (Row r : rows) {
			PostView post = r.postId() == null ? null : posts.getOrDefault(r.postId(), new PostView(r.postId().toString(), null));
			CommentView comment = r.commentId() == null ? null
					: comments.getOrDefault(r.commentId(), new CommentView(r.commentId().toString(), null));
			views.put(r.id(), new NotificationView(Long.toString(r.id()), r.type(), actors.getOrDefault(r.id(), List.of()),
					r.actorCount(), post, comment, r.createdAt(), r.updatedAt(), r.read()));
		}
		return views;
	}

	private Map<Long, PostView> posts(Collection<Long> ids) {
		Map<Long, PostView> posts = new HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql("SELECT id, thumb_media_id FROM post WHERE id = ANY(?)").param(ids.toArray(Long[]::new)).query((rs, i) -> {
				long thumb = rs.getLong("thumb_media_id");
				String url = rs.wasNull() ? null : urls.variantUrl(thumb, "thumb");
				return posts.put(rs.getLong("id"), new PostView(rs.getString("id"), url));
			}).list();
		}
		return posts;
	}

	private Map<Long, CommentView> comments(Collection<Long> ids) {
		Map<Long, CommentView> comments = new HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql("SELECT id, excerpt FROM comment WHERE id = ANY(?)").param(ids.toArray(Long[]::new))
				.query((rs, i) -> comments.put(rs.getLong("id"), new CommentView(rs.getString("id"), rs.getString("excerpt")))).list();
		}
		return comments;
	}

	private static Row row(ResultSet rs, int i) throws SQLException {
		long post = rs.getLong("post_id");
		Long postId = rs.wasNull() ? null : post;
		long comment = rs.getLong("comment_id");
		Long commentId = rs.wasNull() ? null : comment;
		return new Row(rs.getLong("id"), rs.getString("type"), postId, commentId, rs.getInt("actor_count"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(), rs.getLong("position"),
				rs.getLong("version"), rs.getBoolean("read"), rs.getBoolean("removed"));
	}
}
