package app.mosaic.user.profile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Profile rows. Writes are upserts or no-ops when repeated, as event replays require. */
@Repository
public class Profiles {

	private final JdbcClient jdbc;

	Profiles(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Profile> findById(UUID id) {
		return jdbc.sql("SELECT * FROM profile WHERE id = ?").param(id).query(Profiles::map).optional();
	}

	/** The profile, locked until the transaction ends. */
	public Optional<Profile> findByIdForUpdate(UUID id) {
		return jdbc.sql("SELECT * FROM profile WHERE id = ? FOR NO KEY UPDATE").param(id).query(Profiles::map).optional();
	}

	public Optional<Profile> findByUsername(String username) {
		return jdbc.sql("SELECT * FROM profile WHERE username = ?").param(username).query(Profiles::map).optional();
	}

	/** @return whether a profile was created (false when it already existed) */
	public boolean createIfAbsent(UUID id, String username, String email, String fullName, Instant at) {
		return jdbc.sql("""
				INSERT INTO profile (id, username, email, full_name, created_at, updated_at)
				VALUES (:id, :username, :email, :fullName, :at, :at)
				ON CONFLICT (id) DO NOTHING""")
			.param("id", id).param("username", username).param("email", email).param("fullName", fullName)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	/** @return the profile as updated */
	public Profile update(UUID id, String fullName, String bio, String website, Long avatarMediaId, boolean isPrivate,
			Profile.AccountType accountType, Instant at) {
		return jdbc.sql("""
				UPDATE profile SET full_name = :fullName, bio = :bio, website = :website, avatar_media_id = :avatar,
				  private = :private, account_type = :type, updated_at = :at
				WHERE id = :id RETURNING *""")
			.param("fullName", fullName).param("bio", bio).param("website", website).param("avatar", avatarMediaId)
			.param("private", isPrivate).param("type", accountType.name()).param("at", Timestamp.from(at)).param("id", id)
			.query(Profiles::map).single();
	}

	/**
	 * Locks the profiles in id order until the transaction ends. Every change to the graph between people locks
	 * them first, so concurrent follows, blocks and deletions between the same people serialize without deadlock.
	 */
	public void lock(Collection<UUID> ids) {
		jdbc.sql("SELECT id FROM profile WHERE id IN (:ids) ORDER BY id FOR NO KEY UPDATE").param("ids", ids)
			.query(UUID.class).list();
	}

	/** Adds {@code delta} to the followee's follower count and the follower's following count. */
	public void countFollow(UUID follower, UUID followee, int delta) {
		jdbc.sql("UPDATE profile SET following_count = greatest(0, following_count + ?) WHERE id = ?").params(delta, follower)
			.update();
		jdbc.sql("UPDATE profile SET follower_count = greatest(0, follower_count + ?) WHERE id = ?").params(delta, followee)
			.update();
	}

	/** Adds {@code delta} to the author's post count; nothing when the profile is gone. */
	public void countPosts(UUID author, int delta) {
		jdbc.sql("UPDATE profile SET post_count = greatest(0, post_count + ?) WHERE id = ?").params(delta, author).update();
	}

	public boolean delete(UUID id) {
		return jdbc.sql("DELETE FROM profile WHERE id = ?").param(id).update() == 1;
	}

	public static Profile map(ResultSet rs, int row) throws SQLException {
		return new Profile(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("email"),
				rs.getString("full_name"), rs.getString("bio"), rs.getString("website"), rs.getObject("avatar_media_id", Long.class),
				rs.getBoolean("private"), Profile.AccountType.valueOf(rs.getString("account_type")),
				new Profile.Counts(rs.getInt("post_count"), rs.getInt("follower_count"), rs.getInt("following_count")),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}
}
