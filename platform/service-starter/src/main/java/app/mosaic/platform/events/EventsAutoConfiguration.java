package app.mosaic.platform.events;

import java.time.Clock;
import java.time.Duration;
import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.FixedBackOff;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event backbone every service shares: outbox publishing through Spring Modulith with Kafka
 * externalization, periodic resubmission of what Kafka has not acknowledged yet, idempotent consumption,
 * and bounded retries followed by a dead-letter topic ({@code <topic>-dlt}).
 */
@AutoConfiguration
@EnableScheduling
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
	IdempotentConsumer idempotentConsumer(JdbcClient jdbc, TransactionTemplate transactions) {
		return new IdempotentConsumer(jdbc, transactions);
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
	OutboxResubmitter outboxResubmitter(IncompleteEventPublications publications,
			@Value("${mosaic.events.resubmit-older-than:PT30S}") Duration olderThan) {
		return new OutboxResubmitter(publications, olderThan);
	}

	@Bean
	@ConditionalOnMissingBean(CommonErrorHandler.class)
	DefaultErrorHandler kafkaErrorHandler(KafkaOperations<Object, Object> kafka,
			@Value("${mosaic.events.consumer-retries:3}") long retries,
			@Value("${mosaic.events.consumer-retry-interval:PT1S}") Duration interval) {
		DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafka,
				(record, ex) -> new org.apache.kafka.common.TopicPartition(record.topic() + "-dlt", -1));
		DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, new FixedBackOff(interval.toMillis(), retries));
		handler.addNotRetryableExceptions(JacksonException.class, InboundEvent.MalformedEventException.class);
		return handler;
	}

	/**
	 * Sends again what was stored but not acknowledged (Kafka was down, the process died before the send):
	 * the outbox's guarantee that events are delayed, never lost.
	 */
	public static class OutboxResubmitter {

		private final IncompleteEventPublications publications;
		private final Duration olderThan;

		OutboxResubmitter(IncompleteEventPublications publications, Duration olderThan) {
			this.publications = publications;
			this.olderThan = olderThan;
		}

		@Scheduled(initialDelayString = "${mosaic.events.resubmit-interval:PT10S}",
				fixedDelayString = "${mosaic.events.resubmit-interval:PT10S}")
		public void resubmit() {
			try {
				publications.resubmitIncompletePublicationsOlderThan(olderThan);
			}
			catch (KafkaException | IllegalStateException e) {
				log.warn("Outbox resubmission deferred: {}", e.getMessage());
			}
		}
	}
}
