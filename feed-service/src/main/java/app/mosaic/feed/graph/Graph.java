package app.mosaic.feed.graph;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * feed-service's replica of people and the social graph, kept from identity, user and graph events: approved
 * follows (with each person's follower count), blocks and mutes, and whether an account is private. Every
 * change is an upsert or a delete that reports whether it changed anything, so a redelivered or late event
 * changes nothing and the caller knows whether timelines need work. Runs in the consumers' transactions.
 */
@Service
public class Graph {

	/**
	 * The SQL condition that {@code author} (a column) is in no block with {@code :reader} either way and not muted
	 * by them: what every read of posts for a reader leaves out.
	 */
	public static String notHiddenFrom(String author) {
		return """
				NOT EXISTS (SELECT 1 FROM mute m WHERE m.muter_id = :reader AND m.muted_id = %1$s)
				  AND NOT EXISTS (SELECT 1 FROM block b WHERE (b.blocker_id = :reader AND b.blocked_id = %1$s)
				                                        OR (b.blocker_id = %1$s AND b.blocked_id = :reader))""".formatted(author);
	}

	private final JdbcClient jdbc;

	Graph(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void registered(UUID user, String username) {
		jdbc.sql("""
				INSERT INTO person (id, username) VALUES (?, ?)
				ON CONFLICT (id) DO UPDATE SET username = coalesce(person.username, excluded.username)""")
			.params(user, username).update();
	}

	/** A late, older ProfileUpdated changes nothing. */
	public void profileUpdated(UUID user, String username, boolean isPrivate, Instant updatedAt) {
		known(user);
		jdbc.sql("""
				UPDATE person SET username = ?, private = ?, profile_updated_at = ?
				WHERE id = ? AND (profile_updated_at IS NULL OR profile_updated_at < ?)""")
			.params(username, isPrivate, Timestamp.from(updatedAt), user, Timestamp.from(updatedAt)).update();
	}

	/** @return whether the follow is new (a redelivery or a follow already known is not) */
	public boolean followed(UUID follower, UUID followee, Instant at) {
		known(follower);
		known(followee);
		boolean added = jdbc.sql("""
				INSERT INTO follow (followee_id, follower_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING""")
			.params(followee, follower, Timestamp.from(at)).update() == 1;
		if (added) {
			jdbc.sql("UPDATE person SET follower_count = follower_count + 1 WHERE id = ?").param(followee).update();
		}
		return added;
	}

	/** @return whether there was such a follow */
	public boolean unfollowed(UUID follower, UUID followee) {
		boolean removed = jdbc.sql("DELETE FROM follow WHERE followee_id = ? AND follower_id = ?").params(followee, follower)
			.update() == 1;
		if (removed) {
			jdbc.sql("UPDATE person SET follower_count = greatest(0, follower_count - 1) WHERE id = ?").param(followee).update();
		}
		return removed;
	}

	public void blocked(UUID blocker, UUID blocked) {
		jdbc.sql("INSERT INTO block (blocker_id, blocked_id) VALUES (?, ?) ON CONFLICT DO NOTHING").params(blocker, blocked).update();
	}

	public void unblocked(UUID blocker, UUID blocked) {
		jdbc.sql("DELETE FROM block WHERE blocker_id = ? AND blocked_id = ?").params(blocker, blocked).update();
	}

	public void muted(UUID muter, UUID muted) {
		jdbc.sql("INSERT INTO mute (muter_id, muted_id) VALUES (?, ?) ON CONFLICT DO NOTHING").params(muter, muted).update();
	}

	/** @return whether there was such a mute */
	public boolean unmuted(UUID muter, UUID muted) {
		return jdbc.sql("DELETE FROM mute WHERE muter_id = ? AND muted_id = ?").params(muter, muted).update() == 1;
	}

	public boolean follows(UUID follower, UUID followee) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM follow WHERE followee_id = ? AND follower_id = ?)").params(followee, follower)
			.query(Boolean.class).single();
	}

	/** A deleted account leaves the graph: its follows both ways (with the counts they made), blocks and mutes. */
	public void erase(UUID user) {
		jdbc.sql("""
				UPDATE person p SET follower_count = greatest(0, p.follower_count - 1)
				FROM follow f WHERE f.follower_id = ? AND p.id = f.followee_id""").param(user).update();
		jdbc.sql("DELETE FROM follow WHERE follower_id = ? OR followee_id = ?").params(user, user).update();
		jdbc.sql("DELETE FROM block WHERE blocker_id = ? OR blocked_id = ?").params(user, user).update();
		jdbc.sql("DELETE FROM mute WHERE muter_id = ? OR muted_id = ?").params(user, user).update();
		jdbc.sql("DELETE FROM person WHERE id = ?").param(user).update();
	}

	/** Events of other topics can name someone before their UserRegistered arrives. */
	private void known(UUID user) {
		jdbc.sql("INSERT INTO person (id) VALUES (?) ON CONFLICT DO NOTHING").param(user).update();
	}
}
