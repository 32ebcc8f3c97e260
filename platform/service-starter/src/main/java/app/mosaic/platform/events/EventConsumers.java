package app.mosaic.platform.events;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.AbstractKafkaListenerContainerFactory;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs every {@link EventConsumer} bean: one Kafka listener container each, whose group is the consumer's name.
 * Each event is claimed with a {@code processed_event} row in the transaction that handles it, so a redelivery
 * changes nothing and a handler that fails leaves no row and is retried (then dead-lettered by the error handler).
 */
class EventConsumers implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(EventConsumers.class);
	private static final String CLAIM = """
			INSERT INTO processed_event (consumer, event_id, event_type, processed_at)
			VALUES (?, ?, ?, now())
			ON CONFLICT DO NOTHING""";

	/** A fetch this full is answered at once, even before a consumer's fetch wait has passed. */
	private static final int FILLED_FETCH_BYTES = 256 * 1024;

	private final List<EventConsumer> consumers;
	private final AbstractKafkaListenerContainerFactory<?, String, String> factory;
	private final JdbcTemplate jdbc;
	private final TransactionTemplate transactions;
	private final List<MessageListenerContainer> containers = new ArrayList<>();
	private volatile boolean running;

	EventConsumers(List<EventConsumer> consumers, AbstractKafkaListenerContainerFactory<?, String, String> factory,
			JdbcTemplate jdbc, TransactionTemplate transactions) {
		this.consumers = consumers;
		this.factory = factory;
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	@Override
	public synchronized void start() {
		for (EventConsumer consumer : consumers) {
			AbstractMessageListenerContainer<String, String> container = containerFor(consumer);
			container.start();
			containers.add(container);
		}
		running = true;
	}

	/** The consumer's listener container, configured and not yet started. */
	AbstractMessageListenerContainer<String, String> containerFor(EventConsumer consumer) {
		AbstractMessageListenerContainer<String, String> container = factory.createContainer(consumer.topics().toArray(String[]::new));
		container.getContainerProperties().setGroupId(consumer.name());
		container.getContainerProperties().setClientId(consumer.name());
		container.setBeanName(consumer.name());
		if (consumer.fetchWait() != null) {
			Properties fetch = new Properties();
			fetch.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, FILLED_FETCH_BYTES);
			fetch.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) consumer.fetchWait().toMillis());
			container.getContainerProperties().setKafkaConsumerProperties(fetch);
		}
		container.setupMessageListener(consumer.batched()
				? (BatchMessageListener<String, String>) records -> onBatch(consumer, records)
				: (MessageListener<String, String>) record -> onRecord(consumer, record));
		return container;
	}

	@Override
	public synchronized void stop() {
		containers.forEach(MessageListenerContainer::stop);
		containers.clear();
		running = false;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		// with the annotated listeners' containers: after the database and the outbox, stopped before them
		return AbstractMessageListenerContainer.DEFAULT_PHASE;
	}

	/** @return whether the handler ran (false for a type this consumer skips, or an event it already processed) */
	boolean onRecord(EventConsumer consumer, ConsumerRecord<String, String> record) {
		if (skipsByHeader(consumer, record)) {
			return false;
		}
		InboundEvent event = InboundEvent.parse(record.value());
		if (!consumer.handles(event)) {
			return false;
		}
		EventConsumer.Received<?> received = consumer.read(event);
		return Boolean.TRUE.equals(transactions.execute(status -> {
			if (jdbc.update(CLAIM, consumer.name(), event.eventId(), event.eventType()) == 0) {
				return false;
			}
			consumer.handle(received);
			return true;
		}));
	}

	/**
	 * Whether the record's event-type header names a type this consumer does not handle. Most records on a topic
	 * are of types a given consumer skips (every like on post.events, for media-service), and the header spares
	 * parsing them. A record without the header is parsed and judged by its envelope.
	 */
	private static boolean skipsByHeader(EventConsumer consumer, ConsumerRecord<String, String> record) {
		Header type = record.headers().lastHeader(EventEnvelope.EVENT_TYPE_HEADER);
		return type != null && !consumer.handles(new String(type.value(), StandardCharsets.UTF_8));
	}

	/**
	 * One transaction for the whole batch: the events new to this consumer are claimed together and handed over
	 * at once. If anything fails, the batch is settled one record at a time so that only a poison record is
	 * retried and dead-lettered, and the records before it are not handled twice.
	 */
	void onBatch(EventConsumer consumer, List<ConsumerRecord<String, String>> records) {
		try {
			List<EventConsumer.Received<?>> accepted = new ArrayList<>();
			for (ConsumerRecord<String, String> record : records) {
				if (skipsByHeader(consumer, record)) {
					continue;
				}
				InboundEvent event = InboundEvent.parse(record.value());
				if (consumer.handles(event)) {
					accepted.add(consumer.read(event));
				}
			}
			if (accepted.isEmpty()) {
				return;
			}
			transactions.executeWithoutResult(status -> {
				int[] claimed = jdbc.batchUpdate(CLAIM, accepted.stream()
					.map(r -> new Object[] { consumer.name(), r.event().eventId(), r.event().eventType() })
					.toList());
				List<EventConsumer.Received<?>> fresh = new ArrayList<>();
				for (int i = 0; i < claimed.length; i++) {
					if (claimed[i] > 0) {
						fresh.add(accepted.get(i));
					}
				}
				if (!fresh.isEmpty()) {
					consumer.handleBatch(fresh);
				}
			});
		}
		catch (RuntimeException batchFailed) {
			log.warn("{}: a batch of {} failed ({}); settling it record by record", consumer.name(), records.size(),
					batchFailed.toString());
			for (int i = 0; i < records.size(); i++) {
				try {
					onRecord(consumer, records.get(i));
				}
				catch (RuntimeException e) {
					throw new BatchListenerFailedException(consumer.name() + " could not process a record: " + e.getMessage(), e, i);
				}
			}
		}
	}
}
