package app.mosaic.platform.events;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The event backbone's settings ({@code mosaic.events.*}; defaults in mosaic-service-defaults.yml).
 *
 * @param resubmitOlderThan outbox entries Kafka has not acknowledged for this long are sent again
 * @param consumerRetries attempts after the first before a record goes to {@code <topic>-dlt}
 * @param outboxRetention how long completed outbox publications are kept (for inspection), then deleted
 * @param processedRetention how long a consumer remembers an event id; longer than {@code topicRetention}, so
 *        even a replay of a whole topic is recognised
 * @param partitions partitions of each topic a service creates, unless {@code topicPartitions} names it
 * @param replicationFactor replicas per topic partition (1 on a single local broker, 3 in production)
 */
@ConfigurationProperties("mosaic.events")
public record EventsProperties(Duration resubmitOlderThan, long consumerRetries, Duration consumerRetryInterval,
		Duration outboxRetention, Duration processedRetention, int partitions, short replicationFactor,
		Duration topicRetention, Duration deadLetterRetention, Map<String, Integer> topicPartitions) {

	public EventsProperties {
		topicPartitions = topicPartitions == null ? Map.of() : Map.copyOf(topicPartitions);
	}

	int partitionsOf(String topic) {
		return topicPartitions.getOrDefault(topic, partitions);
	}
}
