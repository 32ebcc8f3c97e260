package app.mosaic.post.people;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * post-service's copy of people and of the graph between them, kept from identity, user and graph events. It
 * decides who sees a post without a call to user-service on every read (see {@link Visibility}). Every write
 * is an upsert or a no-op when repeated, as event replays require.
 */
@Repository
public class People {

	private final JdbcClient jdbc;

	People(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A person shown with a post or comment: who, and their avatar. */
	public record Person(UUID id, String username, String fullName, Long avatarMediaId, boolean isPrivate) {
	}

	/** From UserRegistered: known from now on, unless a profile change arrived first. */
	public void registered(UUID id, String username, String fullName, Instant at) {
		jdbc.sql("""
				INSERT INTO person (id, username, full_name, updated_at) VALUES (?, ?, ?, ?)
				ON CONFLICT (id) DO NOTHING""")
			.params(id, username, fullName, Timestamp.from(at)).update();
	}

	/** From ProfileUpdated: applied unless a newer version is already here. */
	public void profileUpdated(UUID id, String username, String fullName, Long avatarMediaId, boolean isPrivate, Instant at) {
		jdbc.sql("""
				INSERT INTO person (id, username, full_name, avatar_media_id, private, updated_at)
				VALUES (:id, :username, :fullName, :avatar, :private, :at)
				ON CONFLICT (id) DO UPDATE SET username = excluded.username, full_name = excluded.full_name,
				  avatar_media_id = excluded.avatar_media_id, private = excluded.private, updated_at = excluded.updated_at
				WHERE person.updated_at <= excluded.updated_at""")
			.param("id", id).param("username", username).param("fullName", fullName).param("avatar", avatarMediaId)
			.param("private", isPrivate).param("at", Timestamp.from(at))
			.update();
	}

	/**
	 * Someone who posts before their UserRegistered reached this service (seconds after signing up) is known by
	 * the name in their token; the event fills in the rest when it comes.
	 */
	public void knownFromToken(UUID id, String username) {
		jdbc.sql("INSERT INTO person (id, username, updated_at) VALUES (?, ?, 'epoch') ON CONFLICT (id) DO NOTHING")
			.params(id, username).update();
	}

	public void followed(UUID follower, UUID followee) {
		jdbc.sql("INSERT INTO follow (follower_id, followee_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
			.params(follower, followee).update();
	}

	public void unfollowed(UUID follower, UUID followee) {
		jdbc.sql("DELETE FROM follow WHERE follower_id = ? AND followee_id = ?").params(follower, followee).update();
	}

	public void blocked(UUID blocker, UUID blocked) {
		jdbc.sql("INSERT INTO block (blocker_id, blocked_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
			.params(blocker, blocked).update();
	}

	public void unblocked(UUID blocker, UUID blocked) {
		jdbc.sql("DELETE FROM block WHERE blocker_id = ? AND blocked_id = ?").params(blocker, blocked).update();
	}

	/** The person and every edge they are part of. */
	public void forget(UUID id) {
		jdbc.sql("DELETE FROM follow WHERE follower_id = :id OR followee_id = :id").param("id", id).update();
		jdbc.sql("DELETE FROM block WHERE blocker_id = :id OR blocked_id = :id").param("id", id).update();
		jdbc.sql("DELETE FROM person WHERE id = ?").param(id).update();
	}

	public Optional<Person> find(UUID id) {
		return jdbc.sql("SELECT * FROM person WHERE id = ?").param(id).query(People::map).optional();
	}

	/** The person of this username whom the viewer may see (not blocked either way). */
	public Optional<Person> findVisible(UUID viewer, String username) {
		return jdbc.sql("SELECT * FROM person a WHERE a.username = :username AND " + Visibility.notBlocked("a.id"))
			.param("username", username).param("viewer", viewer)
			.query(People::map).optional();
	}

	/** Whether the viewer may see what this author posts: themselves, or not blocked and public or followed. */
	public boolean maySee(UUID viewer, UUID author) {
		return jdbc.sql("SELECT " + Visibility.seesPostsOf(":author"))
			.param("viewer", viewer).param("author", author).query(Boolean.class).single();
	}

	/**
	 * The people of these usernames whom {@code author} may mention: they exist, and neither blocked the other.
	 * Names nobody has, or of people in a block with the author, stay plain text.
	 */
	public Map<String, Person> mentionable(UUID author, Collection<String> usernames) {
		if (usernames.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("SELECT * FROM person a WHERE a.username IN (:names) AND " + Visibility.notBlocked("a.id"))
			.param("names", usernames).param("viewer", author)
			.query(People::map).list().stream()
			.collect(Collectors.toMap(Person::username, Function.identity(), (first, second) -> first));
	}

	static Person map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return map(rs, "id");
	}

	/** A person from a row joined with {@code person}, whose id is in the column named. */
	public static Person map(java.sql.ResultSet rs, String idColumn) throws java.sql.SQLException {
		return new Person(rs.getObject(idColumn, UUID.class), rs.getString("username"), rs.getString("full_name"),
				rs.getObject("avatar_media_id", Long.class), rs.getBoolean("private"));
	}
}
