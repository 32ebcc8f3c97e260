package app.mosaic.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.AbstractKafkaListenerContainerFactory;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.FixedBackOff;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event backbone every service shares: outbox publishing through Spring Modulith with Kafka
 * externalization, periodic resubmission of what Kafka has not acknowledged yet, the services' typed
 * {@link EventConsumer}s with idempotent handling, bounded retries followed by a dead-letter topic
 * ({@code <topic>-dlt}), explicitly created topics, and the purge of what the outbox and the idempotency
 * records no longer need.
 */
@AutoConfiguration
@EnableScheduling
@EnableConfigurationProperties(EventsProperties.class)
public class EventsAutoConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EventsAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	DomainEvents domainEvents(ApplicationEventPublisher publisher, JsonMapper json, Clock clock) {
		return new DomainEvents(publisher, json, clock);
	}

	@Bean
	@SuppressWarnings("unchecked")
	EventConsumers eventConsumers(List<EventConsumer> consumers, ConcurrentKafkaListenerContainerFactory<?, ?> factory,
			JdbcTemplate jdbc, TransactionTemplate transactions) {
		// Boot's factory, so the consumers get its settings and the dead-letter error handler below
		return new EventConsumers(consumers, (AbstractKafkaListenerContainerFactory<?, String, String>) factory, jdbc,
				transactions);
	}

	@Bean
	EventTopics eventTopics(KafkaAdmin admin, BeanFactory beans, List<EventConsumer> consumers,
			EventsProperties properties) {
		List<String> packages = AutoConfigurationPackages.has(beans) ? AutoConfigurationPackages.get(beans) : List.of();
		return new EventTopics(admin, packages, consumers, properties);
	}

	/** Topics exist before the first send or subscription, when Kafka is up at start-up. */
	@Bean
	SmartInitializingSingleton eventTopicsAtStartup(EventTopics topics) {
		return topics::ensureCreated;
	}

	@Bean
	EventRetention eventRetention(CompletedEventPublications completed, JdbcTemplate jdbc, EventsProperties properties,
			Clock clock) {
		return new EventRetention(completed, jdbc, properties, clock);
	}

	@Bean
	EventMaintenance eventMaintenance(EventTopics topics, EventRetention retention) {
		return new EventMaintenance(topics, retention);
	}

	/** Envelopes go to their topic, keyed by aggregate id, as JSON text with an event-type header. */
	@Bean
	EventExternalizationConfiguration eventExternalizationConfiguration(ObjectProvider<JsonMapper> json) {
		// resolved lazily: this bean is needed while bean factory post-processors run, before Jackson is ready
		return EventExternalizationConfiguration.externalizing()
			.selectByType(EventEnvelope.class)
			.route(EventEnvelope.class, e -> RoutingTarget.forTarget(e.topic()).andKey(e.aggregateId()))
			// a Message carries its own headers through the Kafka externalizer; raw bytes keep them plain text
			.mapping(EventEnvelope.class, e -> MessageBuilder.withPayload(json.getObject().writeValueAsString(e))
				.setHeader(EventEnvelope.EVENT_TYPE_HEADER, e.eventType().getBytes(StandardCharsets.UTF_8))
				.build())
			.build();
	}

	@Bean
	OutboxResubmitter outboxResubmitter(IncompleteEventPublications publications, EventsProperties properties) {
		return new OutboxResubmitter(publications, properties);
	}

	@Bean
	@ConditionalOnMissingBean(CommonErrorHandler.class)
	DefaultErrorHandler kafkaErrorHandler(KafkaOperations<Object, Object> kafka, EventsProperties properties) {
		DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafka,
				(record, ex) -> new TopicPartition(record.topic() + EventTopics.DEAD_LETTER_SUFFIX, -1));
		DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters,
				new FixedBackOff(properties.consumerRetryInterval().toMillis(), properties.consumerRetries()));
		handler.addNotRetryableExceptions(JacksonException.class, InboundEvent.MalformedEventException.class);
		return handler;
	}

	/**
	 * Sends again what was stored but not acknowledged (Kafka was down, the process died before the send):
	 * the outbox's guarantee that events are delayed, never lost.
	 */
	public static class OutboxResubmitter {

		private final IncompleteEventPublications publications;
		private final EventsProperties properties;

		OutboxResubmitter(IncompleteEventPublications publications, EventsProperties properties) {
			this.publications = publications;
			this.properties = properties;
		}

		@Scheduled(initialDelayString = "${mosaic.events.resubmit-interval}", fixedDelayString = "${mosaic.events.resubmit-interval}")
		public void resubmit() {
			try {
				publications.resubmitIncompletePublicationsOlderThan(properties.resubmitOlderThan());
			}
			catch (KafkaException | IllegalStateException e) {
				log.warn("Outbox resubmission deferred: {}", e.getMessage());
			}
		}
	}

	/** Topics not created at start-up (Kafka was down) are created later; old records are purged. */
	public static class EventMaintenance {

		private final EventTopics topics;
		private final EventRetention retention;

		EventMaintenance(EventTopics topics, EventRetention retention) {
			this.topics = topics;
			this.retention = retention;
		}

		@Scheduled(initialDelayString = "${mosaic.events.resubmit-interval}", fixedDelayString = "${mosaic.events.resubmit-interval}")
		public void createTopics() {
			topics.ensureCreated();
		}

		@Scheduled(initialDelayString = "${mosaic.events.purge-interval}", fixedDelayString = "${mosaic.events.purge-interval}")
		public void purge() {
			try {
				retention.purge();
			}
			catch (RuntimeException e) {
				log.warn("Purge of old event records deferred: {}", e.getMessage());
			}
		}
	}
}
