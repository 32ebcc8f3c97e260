package app.mosaic.testkit;

import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a service's idempotent consumers have processed (the starter's {@code processed_event} table): tests
 * wait for events sent with {@link KafkaTestConsumer#send} to be handled before they check the outcome.
 */
public final class ProcessedEvents {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ProcessedEvents() {
	}

	public static UUID eventId(String recordValue) {
		return UUID.fromString(JSON.readTree(recordValue).path("eventId").asString());
	}

	/** How many times {@code consumer} recorded the event of this record value: 0, or 1 once processed. */
	public static long count(JdbcClient jdbc, String consumer, String recordValue) {
		return jdbc.sql("SELECT count(*) FROM processed_event WHERE consumer = ? AND event_id = ?")
			.params(consumer, eventId(recordValue)).query(Long.class).single();
	}

	/** Waits (20 s at most) until {@code consumer} has processed every one of these record values. */
	public static void awaitAll(JdbcClient jdbc, String consumer, List<String> recordValues) {
		Awaitility.await().atMost(Duration.ofSeconds(20))
			.until(() -> recordValues.stream().allMatch(v -> count(jdbc, consumer, v) > 0));
	}
}
