package app.mosaic.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The event contracts under {@code contracts/events/} (on the test classpath through mosaic-event-contracts):
 * producers check what they send against the schemas, consumers read the examples.
 */
public final class EventContracts {

	private static final ObjectMapper JSON = new ObjectMapper();
	private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
	private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

	private EventContracts() {
	}

	/** The example record value of an event type, as its producer would send it. */
	public static String example(String topic, String eventType) {
		return read(topic + "/" + eventType + ".example.json");
	}

	/**
	 * The example with values swapped (such as the example's user id for a test's own) and a fresh event id,
	 * so a consumer sees it as a new event.
	 */
	public static String example(String topic, String eventType, java.util.Map<String, String> replacements) {
		String value = example(topic, eventType);
		for (var r : replacements.entrySet()) {
			value = value.replace(r.getKey(), r.getValue());
		}
		try {
			com.fasterxml.jackson.databind.node.ObjectNode node = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(value);
			node.put("eventId", java.util.UUID.randomUUID().toString());
			return JSON.writeValueAsString(node);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Fails unless the record value is a valid envelope of that type whose payload matches the type's schema.
	 */
	public static void assertValid(String topic, String eventType, String recordValue) {
		try {
			JsonNode value = JSON.readTree(recordValue);
			check("envelope", schema("envelope.schema.json").validate(value));
			if (!eventType.equals(value.path("eventType").asText()) || !topic.equals(value.path("topic").asText())) {
				throw new AssertionError("Expected a " + eventType + " on " + topic + " but was " + recordValue);
			}
			check(eventType, schema(topic + "/" + eventType + ".schema.json").validate(value.path("payload")));
		}
		catch (IOException e) {
			throw new AssertionError("Not JSON: " + recordValue, e);
		}
	}

	/**
	 * Every event a service declares (an {@link app.mosaic.platform.events.EventType} record in an
	 * {@link app.mosaic.platform.events.EventTopic} class of these packages) has a schema and an example under
	 * its wire name, so a renamed record or a new event without a contract fails the build.
	 */
	public static void assertDeclaredEventsHaveContracts(java.util.List<String> basePackages) {
		for (Class<?> event : app.mosaic.platform.events.EventTopics.declaredEvents(basePackages)) {
			var declared = app.mosaic.platform.events.DomainEvents.declaration(event);
			assertValid(declared.topic(), declared.type(), example(declared.topic(), declared.type()));
		}
	}

	/**
	 * Every event type a consumer handles has a contract, and the contract's example reads into the consumer's own
	 * record with every field the record declares present: a consumer can never wait for a type nobody sends.
	 */
	public static void assertConsumersReadTheirContracts(java.util.Collection<app.mosaic.platform.events.EventConsumer> consumers) {
		for (var consumer : consumers) {
			for (String type : consumer.eventTypes()) {
				var topics = consumer.topics().stream().filter(t -> exists(t + "/" + type + ".example.json")).toList();
				if (topics.isEmpty()) {
					throw new AssertionError(consumer.name() + " handles " + type + ", which no contract of "
							+ consumer.topics() + " describes");
				}
				topics.forEach(topic -> assertReads(consumer.name(), topic, type, consumer.payloadType(type)));
			}
		}
	}

	private static void assertReads(String consumer, String topic, String type, Class<?> record) {
		app.mosaic.platform.events.InboundEvent event = app.mosaic.platform.events.InboundEvent.parse(example(topic, type));
		Object read = event.payloadAs(record);
		if (record.isRecord()) {
			for (var component : record.getRecordComponents()) {
				if (!component.getType().isPrimitive() && !event.payload().has(component.getName())) {
					throw new AssertionError(consumer + " reads " + component.getName() + " of " + type
							+ ", which its contract's example does not have: " + read);
				}
			}
		}
	}

	private static boolean exists(String path) {
		return EventContracts.class.getClassLoader().getResource("contracts/events/" + path) != null;
	}

	private static void check(String what, Set<ValidationMessage> errors) {
		if (!errors.isEmpty()) {
			throw new AssertionError(what + " breaks its contract: "
					+ errors.stream().map(ValidationMessage::getMessage).collect(Collectors.joining("; ")));
		}
	}

	private static JsonSchema schema(String path) {
		return SCHEMAS.getSchema(read(path), CONFIG);
	}

	private static String read(String path) {
		String resource = "contracts/events/" + path;
		try (InputStream in = EventContracts.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new AssertionError("No contract " + resource + " (is mosaic-event-contracts a test dependency?)");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
