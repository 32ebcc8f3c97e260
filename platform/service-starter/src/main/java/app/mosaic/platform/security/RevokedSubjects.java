package app.mosaic.platform.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Accounts deleted while their access tokens may still be valid: every service learns them from UserDeleted
 * (its own consumer group, so each service hears every deletion) and refuses their tokens from then on. The
 * list lives in the service's database, shared by its replicas, which each re-read it every two seconds;
 * an entry is kept for {@code mosaic.security.revocation-window}, longer than any access token lives.
 */
public class RevokedSubjects {

	private static final Logger log = LoggerFactory.getLogger(RevokedSubjects.class);

	private final JdbcTemplate jdbc;
	private final Duration window;
	private final Clock clock;
	private volatile Set<UUID> revoked = Set.of();

	public RevokedSubjects(JdbcTemplate jdbc, Duration window, Clock clock) {
		this.jdbc = jdbc;
		this.window = window;
		this.clock = clock;
	}

	/**
	 * Idempotent: a redelivered deletion changes nothing, and one older than the window (a replayed topic, a new
	 * service reading history) is past every token it could concern and is not stored.
	 */
	public void revoke(UUID user, Instant at) {
		Instant now = clock.instant();
		Instant deleted = at == null || at.isAfter(now) ? now : at;
		Instant until = deleted.plus(window);
		if (until.isBefore(now)) {
			return;
		}
		jdbc.update("""
				INSERT INTO revoked_subject (user_id, revoked_at, until) VALUES (?, ?, ?)
				ON CONFLICT (user_id) DO NOTHING""", user, Timestamp.from(deleted), Timestamp.from(until));
		refresh();
	}

	public boolean isRevoked(Jwt jwt) {
		try {
			return jwt.getSubject() != null && revoked.contains(UUID.fromString(jwt.getSubject()));
		}
		catch (IllegalArgumentException e) {
			return false; // not a user's token (a service's client credentials)
		}
	}

	@Scheduled(initialDelayString = "${mosaic.security.revocation-refresh}", fixedDelayString = "${mosaic.security.revocation-refresh}")
	public void refresh() {
		try {
			Timestamp now = Timestamp.from(clock.instant());
			jdbc.update("DELETE FROM revoked_subject WHERE until < ?", now);
			revoked = Set.copyOf(jdbc.queryForList("SELECT user_id FROM revoked_subject", UUID.class));
		}
		catch (RuntimeException e) {
			// keep refusing what was known: a database hiccup must not let a deleted account back in
			log.warn("Revoked accounts not re-read: {}", e.getMessage());
		}
	}
}
