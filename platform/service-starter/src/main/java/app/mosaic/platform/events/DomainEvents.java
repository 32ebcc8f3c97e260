package app.mosaic.platform.events;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes domain events through the transactional outbox: the event is stored by Spring Modulith's
 * publication registry in the caller's transaction and sent to Kafka after commit, retried until Kafka
 * acknowledges it. Call it inside the transaction that makes the change the event reports.
 * <p>
 * An event is a record annotated with {@link EventType}, nested in its producer's {@link EventTopic} class.
 */
public class DomainEvents {

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final ApplicationEventPublisher publisher;
	private final JsonMapper json;
	private final Clock clock;
	private final Map<Class<?>, Declared> declared = new ConcurrentHashMap<>();

	public DomainEvents(ApplicationEventPublisher publisher, JsonMapper json, Clock clock) {
		this.publisher = publisher;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * @param aggregateId the id of the aggregate the event is about (the record key, so its events stay in order)
	 * @param event an {@link EventType} record nested in an {@link EventTopic} class
	 */
	public EventEnvelope publish(String aggregateId, Object event) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			// outside a transaction the outbox would have nothing to commit with: the event could be lost
			throw new IllegalStateException("Domain events must be published inside the transaction of the change");
		}
		Declared d = declared.computeIfAbsent(event.getClass(), DomainEvents::declaration);
		EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), d.type(), d.topic(), aggregateId, clock.instant(),
				d.version(), json.convertValue(event, MAP));
		publisher.publishEvent(envelope);
		return envelope;
	}

	/** The topic, wire name and version an event class declares; fails for a class that declares none. */
	public static Declared declaration(Class<?> eventClass) {
		EventType type = eventClass.getAnnotation(EventType.class);
		Class<?> holder = eventClass.getEnclosingClass();
		EventTopic topic = holder == null ? null : holder.getAnnotation(EventTopic.class);
		if (type == null || topic == null) {
			throw new IllegalArgumentException(eventClass.getName()
					+ " is not an event: annotate it with @EventType and nest it in an @EventTopic class");
		}
		return new Declared(topic.value(), type.value(), type.version());
	}

	public record Declared(String topic, String type, int version) {
	}
}
