package app.mosaic.user.profile;

import java.time.Instant;
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

	/** @return whether a profile was created (false when it already existed) */
	public boolean createIfAbsent(UUID id, String username, String email, String fullName, Instant at) {
		return jdbc.sql("""
				INSERT INTO profile (id, username, email, full_name, created_at, updated_at)
				VALUES (:id, :username, :email, :fullName, :at, :at)
				ON CONFLICT (id) DO NOTHING""")
			.param("id", id).param("username", username).param("email", email).param("fullName", fullName)
			.param("at", java.sql.Timestamp.from(at))
			.update() == 1;
	}

	public boolean delete(UUID id) {
		return jdbc.sql("DELETE FROM profile WHERE id = ?").param(id).update() == 1;
	}

	private static Profile map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Profile(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("email"),
				rs.getString("full_name"), rs.getString("bio"), rs.getString("website"), rs.getObject("avatar_media_id", Long.class),
				rs.getBoolean("private"), Profile.AccountType.valueOf(rs.getString("account_type")),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}
}
