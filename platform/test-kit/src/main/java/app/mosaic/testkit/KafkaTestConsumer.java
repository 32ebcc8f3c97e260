package app.mosaic.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Reads and writes records on the embedded broker as another service would, for event tests. */
public final class KafkaTestConsumer {

	private KafkaTestConsumer() {
	}

	/** Waits for the first record on the topic that matches, reading the topic from its beginning. */
	public static ConsumerRecord<String, String> await(String topic, Predicate<ConsumerRecord<String, String>> match,
			Duration timeout) {
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
				ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.current().kafkaBootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			Instant deadline = Instant.now().plus(timeout);
			List<String> seen = new ArrayList<>();
			while (Instant.now().isBefore(deadline)) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
					if (match.test(record)) {
						return record;
					}
					seen.add(record.value());
				}
			}
			throw new AssertionError("No matching record on " + topic + " within " + timeout + "; saw " + seen);
		}
	}

	/** Sends a record value as the producing service would, with its key and event-type header. */
	public static void send(String topic, String key, String eventType, String value) {
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.current().kafkaBootstrapServers()),
				new StringSerializer(), new StringSerializer())) {
			ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
			record.headers().add("event-type", eventType.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			producer.send(record).get();
		}
		catch (Exception e) {
			throw new IllegalStateException("Could not send to " + topic, e);
		}
	}
}
