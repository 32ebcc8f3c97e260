package app.mosaic.testkit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Events as other services publish them, for a consumer's tests: a contract's example with the test's own values
 * in its payload and a fresh event id, sent through the embedded broker; {@link #settle} waits until the named
 * consumers have processed them all.
 */
public final class ContractEvents {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private record Sent(String consumer, String topic, String type, String key, String value) {
	}

	private final JdbcClient jdbc;
	private final List<Sent> sent = new ArrayList<>();

	public ContractEvents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Sends the example of {@code type} with these payload fields (UUIDs and instants as strings) for {@code consumer}. */
	public ContractEvents send(String consumer, String topic, String type, Object key, Map<String, Object> payload) {
		ObjectNode value = (ObjectNode) JSON.readTree(EventContracts.example(topic, type));
		value.put("eventId", UUID.randomUUID().toString());
		value.put("aggregateId", key.toString());
		ObjectNode fields = (ObjectNode) value.get("payload");
		payload.forEach((name, v) -> fields.set(name, JSON.valueToTree(v instanceof UUID || v instanceof Instant ? v.toString() : v)));
		String json = JSON.writeValueAsString(value);
		KafkaTestConsumer.send(topic, key.toString(), type, json);
		sent.add(new Sent(consumer, topic, type, key.toString(), json));
		return this;
	}

	/** The same record value once more, as Kafka redelivers after a rebalance. */
	public ContractEvents again() {
		Sent last = sent.get(sent.size() - 1);
		KafkaTestConsumer.send(last.topic(), last.key(), last.type(), last.value());
		return this;
	}

	/** Waits until every event sent so far is processed. */
	public void settle() {
		for (Sent s : sent) {
			ProcessedEvents.awaitAll(jdbc, s.consumer(), List.of(s.value()));
		}
		sent.clear();
	}
}
