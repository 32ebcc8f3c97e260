package app.mosaic.notification.people;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * notification-service's replica of people and the parts of the graph its rules need, kept from identity, user
 * and graph events: usernames and avatars (what a notification shows of its actors), approved follows and blocks.
 * Every change is an upsert or a delete, so a redelivered or late event changes nothing. Runs in the consumers'
 * transactions.
 */
@Service
public class People {

	private final JdbcClient jdbc;

	People(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void registered(UUID user, String username) {
		jdbc.sql("""
				INSERT INTO person (id, username) VALUES (?, ?)
				ON CONFLICT (id) DO UPDATE SET username = coalesce(person.username, excluded.username)""")
			.params(user, username).update();
	}

	/** A late, older ProfileUpdated changes nothing. */
	public void profileUpdated(UUID user, String username, Long avatarMediaId, Instant updatedAt) {
		known(user);
		jdbc.sql("""
				UPDATE person SET username = ?, avatar_media_id = ?, profile_updated_at = ?
				WHERE id = ? AND (profile_updated_at IS NULL OR profile_updated_at < ?)""")
			.params(username, avatarMediaId, Timestamp.from(updatedAt), user, Timestamp.from(updatedAt)).update();
	}

	public void followed(UUID follower, UUID followee) {
		jdbc.sql("INSERT INTO follow (followee_id, follower_id) VALUES (?, ?) ON CONFLICT DO NOTHING").params(followee, follower)
			.update();
	}

	public void unfollowed(UUID follower, UUID followee) {
		jdbc.sql("DELETE FROM follow WHERE followee_id = ? AND follower_id = ?").params(followee, follower).update();
	}

	public boolean follows(UUID follower, UUID followee) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM follow WHERE followee_id = ? AND follower_id = ?)").params(followee, follower)
			.query(Boolean.class).single();
	}

	public void blocked(UUID blocker, UUID blocked) {
		jdbc.sql("INSERT INTO block (blocker_id, blocked_id) VALUES (?, ?) ON CONFLICT DO NOTHING").params(blocker, blocked).update();
	}

	public void unblocked(UUID blocker, UUID blocked) {
		jdbc.sql("DELETE FROM block WHERE blocker_id = ? AND blocked_id = ?").params(blocker, blocked).update();
	}

	/** Whether either blocked the other: nothing of one reaches the other. */
	public boolean blockedEitherWay(UUID one, UUID other) {
		return jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM block WHERE (blocker_id = ? AND blocked_id = ?) OR (blocker_id = ? AND blocked_id = ?))""")
			.params(one, other, other, one).query(Boolean.class).single();
	}

	/** A deleted account leaves the replica: its profile, follows both ways and blocks. */
	public void erase(UUID user) {
		jdbc.sql("DELETE FROM follow WHERE follower_id = ? OR followee_id = ?").params(user, user).update();
		jdbc.sql("DELETE FROM block WHERE blocker_id = ? OR blocked_id = ?").params(user, user).update();
		jdbc.sql("DELETE FROM person WHERE id = ?").param(user).update();
	}

	/** Events of other topics can name someone before their UserRegistered arrives. */
	private void known(UUID user) {
		jdbc.sql("INSERT INTO person (id) VALUES (?) ON CONFLICT DO NOTHING").param(user).update();
	}
}
