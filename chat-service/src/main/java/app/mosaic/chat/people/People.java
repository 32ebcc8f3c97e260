package app.mosaic.chat.people;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import app.mosaic.platform.media.MediaUrls;

/**
 * chat-service's replica of people and of the graph its rules need, kept from identity, user and graph events:
 * usernames (to start a conversation by) and avatars, approved follows (a first message from a stranger is a
 * request) and blocks. Every change is an upsert or a delete, so a redelivered or late event changes nothing.
 */
@Service
public class People {

	/** What a conversation shows of a person. */
	public record PersonView(UUID id, String username, String avatarUrl) {
	}

	private final JdbcClient jdbc;
	private final MediaUrls urls;

	People(JdbcClient jdbc, MediaUrls urls) {
		this.jdbc = jdbc;
		this.urls = urls;
	}

	public void registered(UUID user, String username) {
		jdbc.sql("""
				INSERT INTO person (id, username) VALUES (?, ?)
				ON CONFLICT (id) DO UPDATE SET username = coalesce(person.username, excluded.username)""")
			.params(user, username).update();
	}

	/** The caller's token names them before their UserRegistered may have arrived. */
	public void knownFromToken(UUID user, String username) {
		jdbc.sql("""
				INSERT INTO person (id, username) VALUES (?, ?)
				ON CONFLICT (id) DO UPDATE SET username = coalesce(person.username, excluded.username)
				WHERE person.username IS NULL""")
			.params(user, username).update();
	}

	/** A late, older ProfileUpdated changes nothing. */
	public void profileUpdated(UUID user, String username, Long avatarMediaId, Instant updatedAt) {
		jdbc.sql("INSERT INTO person (id) VALUES (?) ON CONFLICT DO NOTHING").param(user).update();
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

	/** Whether either blocked the other: neither may message the other. */
	public boolean blockedEitherWay(UUID one, UUID other) {
		return jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM block WHERE (blocker_id = ? AND blocked_id = ?) OR (blocker_id = ? AND blocked_id = ?))""")
			.params(one, other, other, one).query(Boolean.class).single();
	}

	/** The people of these usernames (any case), by lower-cased username; unknown names are left out. */
	public Map<String, UUID> byUsernames(Collection<String> usernames) {
		Map<String, UUID> found = new LinkedHashMap<>();
		if (usernames.isEmpty()) {
			return found;
		}
		jdbc.sql("SELECT id, lower(username) AS name FROM person WHERE lower(username) IN (:names)")
			.param("names", usernames.stream().map(String::toLowerCase).toList())
			.query((rs, row) -> found.put(rs.getString("name"), rs.getObject("id", UUID.class))).list();
		return found;
	}

	/** The views of these people, in the order asked; someone not known yet shows with their id only. */
	public List<PersonView> views(List<UUID> ids) {
		Map<UUID, PersonView> known = new LinkedHashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql("SELECT id, username, avatar_media_id FROM person WHERE id IN (:ids)").param("ids", ids)
				.query((rs, row) -> {
					UUID id = rs.getObject("id", UUID.class);
					long avatar = rs.getLong("avatar_media_id");
					// wasNull speaks of the last column read: ask before reading the username
					String url = rs.wasNull() ? null : urls.variantUrl(avatar, "thumb");
					return known.put(id, new PersonView(id, rs.getString("username"), url));
				}).list();
		}
		return ids.stream().map(id -> known.getOrDefault(id, new PersonView(id, null, null))).toList();
	}

	/** A deleted account leaves the replica: its profile, follows both ways and blocks. */
	public void erase(UUID user) {
		jdbc.sql("DELETE FROM follow WHERE follower_id = ? OR followee_id = ?").params(user, user).update();
		jdbc.sql("DELETE FROM block WHERE blocker_id = ? OR blocked_id = ?").params(user, user).update();
		jdbc.sql("DELETE FROM person WHERE id = ?").param(user).update();
	}
}
