package app.mosaic.notification.inbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.mosaic.notification.people.People;
import app.mosaic.platform.ids.IdGenerator;

/**
 * The write side of notifications: an activity becomes a notification, or joins the group it belongs to and
 * moves it to the top, unread again; a take-back removes its actor and the notification once none is left.
 * <p>
 * Every write to a recipient's notifications holds that recipient's lock until its transaction commits, so their
 * versions commit in the order they were taken: a stream that has shown version n has seen everything below it.
 * Each write then {@code NOTIFY}s the recipient's streams, on every instance, at commit.
 */
@Service
public class Notifications {

	/** A removed notification stays this long, so a reconnecting stream learns that it went. */
	private static final java.time.Duration KEEP_REMOVED = java.time.Duration.ofDays(1);

	/**
	 * Something someone did that concerns the recipient.
	 *
	 * @param groupKey what activities of one type share a notification: likes of one post share {@code post:<id>}
	 */
	public record Activity(UUID recipient, NotificationType type, String groupKey, Long postId, Long commentId, UUID actor,
			Instant at) {
	}

	private final JdbcClient jdbc;
	private final People people;
	private final IdGenerator ids;
	private final NotificationProperties properties;
	private final Clock clock;

	Notifications(JdbcClient jdbc, People people, IdGenerator ids, NotificationProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.people = people;
		this.ids = ids;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * @return whether the recipient is notified: never of their own doing, never by someone in a block with them,
	 * never of a type they turned off
	 */
	public boolean add(Activity activity) {
		UUID recipient = activity.recipient();
		if (recipient == null || recipient.equals(activity.actor())) {
			return false;
		}
		lock(recipient);
		if (people.blockedEitherWay(recipient, activity.actor()) || turnedOff(recipient, activity.type())) {
			return false;
		}
		Optional<Long> group = live(recipient, activity.type(), activity.groupKey());
		if (group.isPresent()) {
			boolean newActor = jdbc.sql("""
					INSERT INTO notification_actor (notification_id, actor_id, acted_at) VALUES (?, ?, ?)
					ON CONFLICT (notification_id, actor_id) DO UPDATE SET acted_at = greatest(notification_actor.acted_at, excluded.acted_at)
					RETURNING xmax = 0""")
				.params(group.get(), activity.actor(), Timestamp.from(activity.at())).query(Boolean.class).single();
			jdbc.sql("""
					WITH v AS (SELECT nextval('notification_version') AS v)
					UPDATE notification SET actor_count = actor_count + ?, updated_at = greatest(updated_at, ?), position = v.v,
					       version = v.v, read = false
					FROM v WHERE id = ?""")
				.params(newActor ? 1 : 0, Timestamp.from(activity.at()), group.get()).update();
		}
		else {
			long id = ids.next();
			jdbc.sql("""
					WITH v AS (SELECT nextval('notification_version') AS v)
					INSERT INTO notification (id, recipient_id, type, group_key, post_id, comment_id, actor_count, created_at,
					                          updated_at, position, version)
					SELECT ?, ?, ?, ?, ?, ?, 1, ?, ?, v.v, v.v FROM v""")
				.params(id, recipient, activity.type().name(), activity.groupKey(), activity.postId(), activity.commentId(),
						Timestamp.from(activity.at()), Timestamp.from(activity.at()))
				.update();
			jdbc.sql("INSERT INTO notification_actor (notification_id, actor_id, acted_at) VALUES (?, ?, ?)")
				.params(id, activity.actor(), Timestamp.from(activity.at())).update();
		}
		notifyStreams(recipient);
		return true;
	}

	/** Follows of one person within the follow window are one notification. */
	public boolean followed(UUID followee, UUID follower, Instant at) {
		if (followee.equals(follower)) {
			return false;
		}
		lock(followee);
		String group = jdbc.sql("""
				SELECT group_key FROM notification
				WHERE recipient_id = ? AND type = 'FOLLOW' AND NOT removed AND created_at > ?
				ORDER BY position DESC LIMIT 1""")
			.params(followee, Timestamp.from(at.minus(properties.followWindow()))).query(String.class).optional()
			.orElse("follow:" + ids.next());
		return add(new Activity(followee, NotificationType.FOLLOW, group, null, null, follower, at));
	}

	/** An unlike, a cancelled request: the actor leaves the notification, which goes once none is left. */
	public void takeBack(UUID recipient, NotificationType type, String groupKey, UUID actor) {
		if (recipient == null) {
			return;
		}
		lock(recipient);
		live(recipient, type, groupKey).ifPresent(id -> leave(recipient, id, actor));
	}

	/** An unfollow soon after the follow takes the follow's notification back; a later one leaves it. */
	public void unfollowed(UUID followee, UUID follower, Instant at) {
		lock(followee);
		jdbc.sql("""
				SELECT n.id FROM notification n JOIN notification_actor a ON a.notification_id = n.id
				WHERE n.recipient_id = ? AND n.type = 'FOLLOW' AND NOT n.removed AND a.actor_id = ? AND a.acted_at > ?""")
			.params(followee, follower, Timestamp.from(at.minus(properties.unfollowTakesBack()))).query(Long.class).list()
			.forEach(id -> leave(followee, id, follower));
	}

	/** A deleted post takes every notification about it away. */
	public void postDeleted(long post) {
		removeWhere("post_id = ?", post);
	}

	/** A deleted comment takes its notifications away: the comment, reply and mentions, and its likes. */
	public void commentDeleted(long comment) {
		removeWhere("comment_id = ?", comment);
	}

	/** Blocking someone takes what either did out of the other's notifications. */
	public void blocked(UUID blocker, UUID blocked) {
		List<UUID> both = List.of(blocker, blocked).stream().sorted().toList();
		both.forEach(this::lock);
		record Part(long id, UUID recipient, UUID actor) {
		}
		jdbc.sql("""
				SELECT n.id, n.recipient_id AS recipient, a.actor_id AS actor FROM notification n JOIN notification_actor a ON a.notification_id = n.id
				WHERE NOT n.removed AND ((n.recipient_id = ? AND a.actor_id = ?) OR (n.recipient_id = ? AND a.actor_id = ?))""")
			.params(blocker, blocked, blocked, blocker).query(Part.class).list()
			.forEach(p -> leave(p.recipient(), p.id(), p.actor()));
	}

	/** A deleted account: its own notifications go, and it leaves everyone else's. */
	public void erase(UUID user) {
		lock(user);
		jdbc.sql("DELETE FROM notification WHERE recipient_id = ?").param(user).update();
		jdbc.sql("DELETE FROM muted_type WHERE user_id = ?").param(user).update();
		record Part(long id, UUID recipient) {
		}
		List<Part> parts = jdbc.sql("""
				SELECT n.id, n.recipient_id AS recipient FROM notification n JOIN notification_actor a ON a.notification_id = n.id
				WHERE a.actor_id = ? AND NOT n.removed ORDER BY n.recipient_id""")
			.param(user).query(Part.class).list();
		parts.stream().map(Part::recipient).distinct().forEach(this::lock);
		parts.forEach(p -> leave(p.recipient(), p.id(), user));
		jdbc.sql("DELETE FROM notification_actor WHERE actor_id = ?").param(user).update();
	}

	/** Marks some of the recipient's notifications read, or all of them; their streams hear the new unread count. */
	@Transactional
	public void markRead(UUID recipient, List<Long> only) {
		if (only == null) {
			jdbc.sql("UPDATE notification SET read = true WHERE recipient_id = ? AND NOT read AND NOT removed").param(recipient).update();
		}
		else if (!only.isEmpty()) {
			jdbc.sql("UPDATE notification SET read = true WHERE recipient_id = ? AND id = ANY(?) AND NOT read")
				.params(recipient, only.toArray(Long[]::new)).update();
		}
		notifyStreams(recipient);
	}

	/** Retention: notifications whose latest activity is older than the configured days, removed ones after a day. */
	@Scheduled(initialDelayString = "${mosaic.notifications.purge-interval:1h}", fixedDelayString = "${mosaic.notifications.purge-interval:1h}")
	@Transactional
	public void purge() {
		Instant now = clock.instant();
		jdbc.sql("DELETE FROM notification WHERE updated_at < ?").param(Timestamp.from(now.minus(properties.retention()))).update();
		jdbc.sql("DELETE FROM notification WHERE removed AND removed_at < ?").param(Timestamp.from(now.minus(KEEP_REMOVED))).update();
		jdbc.sql("DELETE FROM comment WHERE created_at < ?").param(Timestamp.from(now.minus(properties.retention()))).update();
	}

	private Optional<Long> live(UUID recipient, NotificationType type, String groupKey) {
		return jdbc.sql("SELECT id FROM notification WHERE recipient_id = ? AND type = ? AND group_key = ? AND NOT removed")
			.params(recipient, type.name(), groupKey).query(Long.class).optional();
	}

	/** The actor leaves notification {@code id}; the last one to leave removes it. */
	private void leave(UUID recipient, long id, UUID actor) {
		if (jdbc.sql("DELETE FROM notification_actor WHERE notification_id = ? AND actor_id = ?").params(id, actor).update() == 0) {
			return;
		}
		jdbc.sql("""
				UPDATE notification SET actor_count = actor_count - 1, version = nextval('notification_version'),
				       removed = actor_count <= 1, removed_at = CASE WHEN actor_count <= 1 THEN ?::timestamptz END
				WHERE id = ?""")
			.params(Timestamp.from(clock.instant()), id).update();
		notifyStreams(recipient);
	}

	private void removeWhere(String condition, long value) {
		List<UUID> recipients = jdbc.sql("SELECT DISTINCT recipient_id FROM notification WHERE NOT removed AND " + condition
				+ " ORDER BY recipient_id").param(value).query(UUID.class).list();
		recipients.forEach(this::lock);
		jdbc.sql("UPDATE notification SET removed = true, removed_at = ?, version = nextval('notification_version') WHERE NOT removed AND "
				+ condition).params(Timestamp.from(clock.instant()), value).update();
		recipients.forEach(this::notifyStreams);
	}

	private boolean turnedOff(UUID recipient, NotificationType type) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM muted_type WHERE user_id = ? AND type = ?)").params(recipient, type.name())
			.query(Boolean.class).single();
	}

	private void lock(UUID recipient) {
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))").param(recipient.toString()).query().listOfRows();
	}

	/** Delivered at commit, to every instance listening; a rolled-back write notifies no one. */
	private void notifyStreams(UUID recipient) {
		jdbc.sql("SELECT pg_notify('" + NotificationChannel.NAME + "', ?)").param(recipient.toString()).query().listOfRows();
	}
}
