package app.mosaic.platform.events;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes domain events through the transactional outbox: the event is stored by Spring Modulith's
 * publication registry in the caller's transaction and sent to Kafka after commit, retried until Kafka
 * acknowledges it. Call it inside the transaction that makes the change the event reports.
 */
public class DomainEvents {

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final ApplicationEventPublisher publisher;
	private final JsonMapper json;
	private final Clock clock;

	public DomainEvents(ApplicationEventPublisher publisher, JsonMapper json, Clock clock) {
		this.publisher = publisher;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * @param topic the domain topic
	 * @param aggregateId the id of the aggregate the event is about (the record key)
	 * @param event a record named for what happened; its simple class name is the event type
	 */
	public EventEnvelope publish(String topic, String aggregateId, Object event) {
		return publish(topic, aggregateId, event.getClass().getSimpleName(), 1, event);
	}

	public EventEnvelope publish(String topic, String aggregateId, String eventType, int schemaVersion, Object event) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			// outside a transaction the outbox would have nothing to commit with: the event could be lost
			throw new IllegalStateException("Domain events must be published inside the transaction of the change");
		}
		EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), eventType, topic, aggregateId, clock.instant(),
				schemaVersion, json.convertValue(event, MAP));
		publisher.publishEvent(envelope);
		return envelope;
	}
}
