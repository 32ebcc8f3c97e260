package app.mosaic.platform.events;

import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Processes each event at most once per consumer: a processed-event row keyed by (consumer, eventId) is
 * written in the handler's own transaction, so a redelivery after a crash or rebalance changes nothing,
 * and a handler that fails leaves no row and is retried.
 */
public class IdempotentConsumer {

	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;

	public IdempotentConsumer(JdbcClient jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	/** @return whether the handler ran (false when this consumer had already processed the event) */
	public boolean process(String consumer, InboundEvent event, Consumer<InboundEvent> handler) {
		Boolean processed = transactions.execute(status -> {
			int inserted = jdbc.sql("""
					INSERT INTO processed_event (consumer, event_id, event_type, processed_at)
					VALUES (:consumer, :eventId, :eventType, now())
					ON CONFLICT DO NOTHING""")
				.param("consumer", consumer)
				.param("eventId", event.eventId())
				.param("eventType", event.eventType())
				.update();
			if (inserted == 0) {
				return false;
			}
			handler.accept(event);
			return true;
		});
		return Boolean.TRUE.equals(processed);
	}
}
