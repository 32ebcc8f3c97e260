package app.mosaic.platform.events;

import java.sql.Timestamp;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.CompletedEventPublications;

/**
 * Keeps the outbox and the idempotency records from growing forever: completed publications older than the
 * outbox retention and processed-event rows older than the processed retention are deleted.
 */
public class EventRetention {

	private static final Logger log = LoggerFactory.getLogger(EventRetention.class);
	private static final int CHUNK = 10_000;

	private final CompletedEventPublications completed;
	private final JdbcTemplate jdbc;
	private final EventsProperties properties;
	private final Clock clock;

	EventRetention(CompletedEventPublications completed, JdbcTemplate jdbc, EventsProperties properties, Clock clock) {
		this.completed = completed;
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/** @return the processed-event rows deleted */
	public long purge() {
		completed.deletePublicationsOlderThan(properties.outboxRetention());
		Timestamp before = Timestamp.from(clock.instant().minus(properties.processedRetention()));
		long deleted = 0;
		int chunk;
		do {
			// in chunks, so a large backlog never holds one long lock or a huge transaction
			chunk = jdbc.update("""
					DELETE FROM processed_event WHERE ctid IN (
					  SELECT ctid FROM processed_event WHERE processed_at < ? LIMIT ?)""", before, CHUNK);
			deleted += chunk;
		}
		while (chunk == CHUNK);
		if (deleted > 0) {
			log.info("Deleted {} processed-event records older than {}", deleted, properties.processedRetention());
		}
		return deleted;
	}
}
