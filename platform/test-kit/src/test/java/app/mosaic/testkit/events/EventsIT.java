package app.mosaic.testkit.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import app.mosaic.platform.events.DomainEvents;
import app.mosaic.platform.events.EventEnvelope;
import app.mosaic.platform.events.EventRetention;
import app.mosaic.platform.events.EventTopics;
import app.mosaic.testkit.TestInfrastructure;
import app.mosaic.testkit.KafkaTestConsumer;
import app.mosaic.testkit.MosaicServiceTest;
import app.mosaic.testkit.ProcessedEvents;

/** The platform's event pattern end to end: outbox, wire names, typed and batch handlers, dead letters, topics, purge. */
@MosaicServiceTest
class EventsIT {

	private static final String TOPIC = SampleEvents.TOPIC;

	@Autowired
	DomainEvents events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	JdbcClient jdbcClient;

	@Autowired
	EventRetention retention;

	@Autowired
	EventTopics topics;

	@Test
	void publishesUnderTheDeclaredWireNameNotTheJavaName() {
		EventEnvelope sent = transactions.execute(s -> events.publish("counter-1", new SampleEvents.CountRecorded(7, "seven")));

		ConsumerRecord<String, String> record = KafkaTestConsumer.await(TOPIC,
				r -> r.value().contains(sent.eventId().toString()), Duration.ofSeconds(20));
		assertThat(record.key()).isEqualTo("counter-1");
		assertThat(new String(record.headers().lastHeader("event-type").value(), StandardCharsets.UTF_8)).isEqualTo("ThingCounted");
		assertThat(record.value()).contains("\"eventType\":\"ThingCounted\"").contains("\"schemaVersion\":1")
			.contains("\"count\":7").doesNotContain("CountRecorded");
		// the sample's own consumers read it like any other service's event
		ProcessedEvents.awaitAll(jdbcClient, SampleApplication.SINGLE, List.of(record.value()));
	}

	@Test
	void refusesEventsThatDeclareNoWireNameAndEventsOutsideATransaction() {
		assertThatThrownBy(() -> transactions.execute(s -> events.publish("x", new SampleEvents.Undeclared("x"))))
			.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("@EventType");
		assertThatThrownBy(() -> events.publish("x", new SampleEvents.CountRecorded(1, "x")))
			.isInstanceOf(IllegalStateException.class).hasMessageContaining("inside the transaction");
	}

	@Test
	void handlesEachEventOnceAndSkipsTypesNobodyHandles() {
		String counted = envelope("ThingCounted", 5);
		String ignored = envelope("ThingIgnored", 6);
		String last = envelope("ThingCounted", 8);

		KafkaTestConsumer.send(TOPIC, "k", "ThingCounted", counted);
		KafkaTestConsumer.send(TOPIC, "k", "ThingIgnored", ignored);
		KafkaTestConsumer.send(TOPIC, "k", "ThingCounted", counted); // redelivered
		KafkaTestConsumer.send(TOPIC, "k", "ThingCounted", last);

		// one key, so once the last is processed everything before it was
		ProcessedEvents.awaitAll(jdbcClient, SampleApplication.SINGLE, List.of(last));
		ProcessedEvents.awaitAll(jdbcClient, SampleApplication.BATCH, List.of(last));
		for (String consumer : List.of(SampleApplication.SINGLE, SampleApplication.BATCH)) {
			assertThat(handled(consumer, counted)).as(consumer).isEqualTo(1);
			assertThat(ProcessedEvents.count(jdbcClient, consumer, ignored)).as("skipped, not recorded").isZero();
		}
	}

	@Test
	void aFailingEventIsDeadLetteredWhileTheRestOfItsBatchIsHandledOnce() {
		String before = envelope("ThingCounted", 1);
		String poison = envelope("ThingCounted", -1);
		String after = envelope("ThingCounted", 2);
		UUID poisonId = ProcessedEvents.eventId(poison);

		KafkaTestConsumer.send(TOPIC, "p", "ThingCounted", before);
		KafkaTestConsumer.send(TOPIC, "p", "ThingCounted", poison);
		KafkaTestConsumer.send(TOPIC, "p", "ThingCounted", after);

		ProcessedEvents.awaitAll(jdbcClient, SampleApplication.SINGLE, List.of(after));
		ProcessedEvents.awaitAll(jdbcClient, SampleApplication.BATCH, List.of(after));
		for (String consumer : List.of(SampleApplication.SINGLE, SampleApplication.BATCH)) {
			assertThat(handled(consumer, before)).as(consumer).isEqualTo(1);
			assertThat(handled(consumer, after)).as(consumer).isEqualTo(1);
			assertThat(handled(consumer, poison)).as(consumer).isZero();
			assertThat(ProcessedEvents.count(jdbcClient, consumer, poison)).as("a failed handler leaves no claim").isZero();
			ConsumerRecord<String, String> dead = KafkaTestConsumer.await(TOPIC + "-dlt",
					r -> r.value().contains(poisonId.toString()) && consumer.equals(header(r, "kafka_dlt-original-consumer-group")),
					Duration.ofSeconds(20));
			assertThat(header(dead, "kafka_dlt-exception-message")).contains("negative count");
		}
	}

	@Test
	void aRecordThatIsNoEnvelopeGoesStraightToTheDeadLetterTopicUnlessItsHeaderNamesASkippedType() {
		String skipped = "{\"skipped\":\"" + UUID.randomUUID() + "\"}";
		String garbage = "{\"hello\":\"" + UUID.randomUUID() + "\"}";
		// one key: the skipped record is read before the garbage, so it would reach the dead letters first
		KafkaTestConsumer.send(TOPIC, "g", "ThingIgnored", skipped);
		KafkaTestConsumer.send(TOPIC, "g", "ThingCounted", garbage);
		for (String consumer : List.of(SampleApplication.SINGLE, SampleApplication.BATCH)) {
			List<String> deadBefore = new ArrayList<>();
			KafkaTestConsumer.await(TOPIC + "-dlt", r -> {
				deadBefore.add(r.value());
				return r.value().equals(garbage) && consumer.equals(header(r, "kafka_dlt-original-consumer-group"));
			}, Duration.ofSeconds(20));
			assertThat(deadBefore).as("a type the consumer skips is not even parsed").doesNotContain(skipped);
		}
	}

	@Test
	void createsItsTopicsWithPartitionsRetentionAndDeadLetterTwins() throws Exception {
		assertThat(topics.created()).isTrue();
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.current().kafkaBootstrapServers()))) {
			Map<String, TopicDescription> described = admin.describeTopics(List.of(TOPIC, TOPIC + "-dlt")).allTopicNames().get();
			assertThat(described.get(TOPIC).partitions()).hasSize(2);
			assertThat(described.get(TOPIC + "-dlt").partitions()).hasSize(1);
			var main = new ConfigResource(ConfigResource.Type.TOPIC, TOPIC);
			var dlt = new ConfigResource(ConfigResource.Type.TOPIC, TOPIC + "-dlt");
			var configs = admin.describeConfigs(List.of(main, dlt)).all().get();
			assertThat(configs.get(main).get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo(Long.toString(Duration.ofDays(7).toMillis()));
			assertThat(configs.get(dlt).get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo(Long.toString(Duration.ofDays(30).toMillis()));
		}
	}

	@Test
	void purgesCompletedPublicationsAndProcessedEventsPastTheirRetention() {
		Instant now = Instant.now();
		UUID oldProcessed = UUID.randomUUID();
		UUID recentProcessed = UUID.randomUUID();
		jdbc.update("INSERT INTO processed_event VALUES ('purge-test', ?, 'X', ?)", oldProcessed, Timestamp.from(now.minus(Duration.ofDays(15))));
		jdbc.update("INSERT INTO processed_event VALUES ('purge-test', ?, 'X', ?)", recentProcessed, Timestamp.from(now.minus(Duration.ofDays(13))));
		UUID oldPublication = publication(now.minus(Duration.ofDays(8)), "COMPLETED");
		UUID recentPublication = publication(now.minus(Duration.ofDays(6)), "COMPLETED");
		UUID incomplete = publication(null, "PUBLISHED");

		assertThat(retention.purge()).isGreaterThanOrEqualTo(1);

		assertThat(jdbc.queryForList("SELECT event_id FROM processed_event WHERE consumer = 'purge-test'", UUID.class))
			.containsExactly(recentProcessed);
		assertThat(jdbc.queryForList("SELECT id FROM event_publication WHERE id IN (?, ?, ?)", UUID.class,
				oldPublication, recentPublication, incomplete)).containsExactlyInAnyOrder(recentPublication, incomplete);
	}

	private UUID publication(Instant completed, String status) {
		UUID id = UUID.randomUUID();
		Instant published = completed == null ? Instant.now().minus(Duration.ofDays(9)) : completed.minusSeconds(1);
		jdbc.update("""
				INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date, completion_date, status, completion_attempts)
				VALUES (?, 'purge-test', 'X', '{}', ?, ?, ?, 1)""",
				id, Timestamp.from(published), completed == null ? null : Timestamp.from(completed), status);
		return id;
	}

	private int handled(String consumer, String recordValue) {
		return jdbc.queryForObject("SELECT count(*) FROM sample_handled WHERE consumer = ? AND event_id = ?", Integer.class,
				consumer, ProcessedEvents.eventId(recordValue));
	}

	private static String header(ConsumerRecord<String, String> record, String name) {
		var header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

	private static String envelope(String type, int count) {
		return """
				{"eventId":"%s","eventType":"%s","topic":"%s","aggregateId":"a","occurredAt":"%s","schemaVersion":1,
				 "payload":{"count":%d,"label":"l","unknownFieldsAreIgnored":true}}"""
			.formatted(UUID.randomUUID(), type, TOPIC, Instant.now(), count);
	}
}
