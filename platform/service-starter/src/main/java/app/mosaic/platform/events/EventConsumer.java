package app.mosaic.platform.events;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * What a service consumes from Kafka, declared as a bean: the topics, and for each event type it handles the
 * consumer's own record of the payload and the handler. The platform subscribes, parses, skips types nobody
 * handles, records each processed event once (in the handler's transaction) and dispatches:
 *
 * <pre>{@code
 * @Bean
 * EventConsumer identityEvents(Profiles profiles) {
 *     return EventConsumer.named("user-service.identity").topics("identity.events")
 *         .on("UserRegistered", UserRegistered.class, r -> profiles.createIfAbsent(...))
 *         .build();
 * }
 * }</pre>
 *
 * The name is the Kafka consumer group and the key of the idempotency records: never change it for a running
 * consumer. High-volume consumers declare the types they {@link Builder#accept accept} and handle
 * {@link Builder#inBatches in batches}: one transaction per polled batch, each event still processed once.
 */
public final class EventConsumer {

	private final String name;
	private final List<String> topics;
	private final Map<String, Handled<?>> types;
	private final Consumer<List<Received<?>>> batchHandler;
	private final Duration fetchWait;

	private EventConsumer(String name, List<String> topics, Map<String, Handled<?>> types,
			Consumer<List<Received<?>>> batchHandler, Duration fetchWait) {
		this.name = name;
		this.topics = topics;
		this.types = Map.copyOf(types);
		this.batchHandler = batchHandler;
		this.fetchWait = fetchWait;
	}

	public static Builder named(String name) {
		return new Builder(name);
	}

	public String name() {
		return name;
	}

	public List<String> topics() {
		return topics;
	}

	/** The wire names this consumer handles; every other type on its topics is skipped. */
	public Set<String> eventTypes() {
		return types.keySet();
	}

	/** The consumer's own record type for an event type it handles. */
	public Class<?> payloadType(String eventType) {
		Handled<?> handled = types.get(eventType);
		return handled == null ? null : handled.payload();
	}

	/** How long the broker may hold a fetch to fill it, or null to answer as soon as a record arrives. */
	Duration fetchWait() {
		return fetchWait;
	}

	boolean batched() {
		return batchHandler != null;
	}

	boolean handles(InboundEvent event) {
		return handles(event.eventType());
	}

	boolean handles(String eventType) {
		return types.containsKey(eventType);
	}

	/** Reads the payload into the consumer's record; a payload that does not fit is a poison message. */
	Received<?> read(InboundEvent event) {
		return types.get(event.eventType()).read(event);
	}

	/** One event, already claimed in the current transaction. */
	void handle(Received<?> received) {
		if (batchHandler != null) {
			batchHandler.accept(List.of(received));
		}
		else {
			types.get(received.event().eventType()).dispatch(received);
		}
	}

	/** Events new to this consumer, in the order Kafka delivered them, claimed in the current transaction. */
	void handleBatch(List<Received<?>> received) {
		batchHandler.accept(received);
	}

	/**
	 * An event as a handler sees it: the consumer's record of the payload, and the envelope (id, time, key).
	 */
	public record Received<T>(T payload, InboundEvent event) {
	}

	private record Handled<T>(Class<T> payload, BiConsumer<T, InboundEvent> handler) {

		Received<T> read(InboundEvent event) {
			T value;
			try {
				value = event.payloadAs(payload);
			}
			catch (RuntimeException e) {
				throw new InboundEvent.MalformedEventException(
						event.eventType() + " " + event.eventId() + " does not fit " + payload.getSimpleName() + ": " + e.getMessage());
			}
			return new Received<>(value, event);
		}

		@SuppressWarnings("unchecked")
		void dispatch(Received<?> received) {
			handler.accept((T) received.payload(), received.event());
		}
	}

	public static final class Builder {

		private final String name;
		private List<String> topics = List.of();
		private final Map<String, Handled<?>> types = new LinkedHashMap<>();
		private Duration fetchWait;

		private Builder(String name) {
			this.name = Objects.requireNonNull(name);
		}

		public Builder topics(String... topics) {
			this.topics = List.of(topics);
			return this;
		}

		/** Handles one event type with the payload only. */
		public <T> Builder on(String eventType, Class<T> payload, Consumer<T> handler) {
			return on(eventType, payload, (T p, InboundEvent e) -> handler.accept(p));
		}

		/** Handles one event type with the payload and its envelope. */
		public <T> Builder on(String eventType, Class<T> payload, BiConsumer<T, InboundEvent> handler) {
			if (types.putIfAbsent(eventType, new Handled<>(payload, handler)) != null) {
				throw new IllegalArgumentException(name + " handles " + eventType + " twice");
			}
			return this;
		}

		/** With {@link #inBatches}: an event type the batch handler receives, read into this record. */
		public <T> Builder accept(String eventType, Class<T> payload) {
			return on(eventType, payload, (T p, InboundEvent e) -> {
				throw new IllegalStateException("dispatched by the batch handler");
			});
		}

		/**
		 * For a consumer whose readers can wait: the broker holds each fetch until it has filled or this long has
		 * passed, instead of answering (and this consumer committing) once per record. Meant for consumers that
		 * skip most of a busy topic, such as one that only counts posts on post.events, which carries every like.
		 */
		public Builder fetchingAtMostEvery(Duration wait) {
			this.fetchWait = Objects.requireNonNull(wait);
			return this;
		}

		public EventConsumer build() {
			check();
			return new EventConsumer(name, topics, types, null, fetchWait);
		}

		/** Handles every accepted event of a polled batch at once, in one transaction. */
		public EventConsumer inBatches(Consumer<List<Received<?>>> handler) {
			check();
			return new EventConsumer(name, topics, types, Objects.requireNonNull(handler), fetchWait);
		}

		private void check() {
			if (topics.isEmpty() || types.isEmpty()) {
				throw new IllegalArgumentException(name + " needs topics and at least one event type");
			}
		}
	}
}
