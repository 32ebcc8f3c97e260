package app.mosaic.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;

/** How each consumer's container is configured; what it then does with records is EventsIT's. */
class EventConsumersTests {

	record Seen(String id) {
	}

	final EventConsumer patient = EventConsumer.named("patient").topics("busy.events")
		.on("Rare", Seen.class, s -> { })
		.fetchingAtMostEvery(Duration.ofMillis(750))
		.build();

	final EventConsumer eager = EventConsumer.named("eager").topics("busy.events")
		.on("Rare", Seen.class, s -> { })
		.build();

	final EventConsumers consumers = new EventConsumers(List.of(patient, eager), factory(), null, null);

	@Test
	void aConsumerThatFetchesAtMostEverySoOftenWaitsForAFullerFetch() {
		ContainerProperties properties = consumers.containerFor(patient).getContainerProperties();

		assertThat(properties.getGroupId()).isEqualTo("patient");
		assertThat(properties.getKafkaConsumerProperties())
			.containsEntry(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 750)
			.containsEntry(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 256 * 1024);
	}

	@Test
	void anyOtherConsumerKeepsTheBrokersDefaultsAndIsAnsweredAsSoonAsARecordArrives() {
		ContainerProperties properties = consumers.containerFor(eager).getContainerProperties();

		assertThat(properties.getGroupId()).isEqualTo("eager");
		assertThat(properties.getKafkaConsumerProperties())
			.doesNotContainKeys(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, ConsumerConfig.FETCH_MIN_BYTES_CONFIG);
	}

	private static ConcurrentKafkaListenerContainerFactory<String, String> factory() {
		ConcurrentKafkaListenerContainerFactory<String, String> factory = new ConcurrentKafkaListenerContainerFactory<>();
		factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(Map.of()));
		return factory;
	}
}
