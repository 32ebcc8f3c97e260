package app.mosaic.platform.events;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An event as a consumer receives it: the envelope, with the payload still as JSON so that each consumer
 * reads it into its own record of just the fields it needs (unknown fields are ignored).
 */
public record InboundEvent(UUID eventId, String eventType, String topic, String aggregateId, Instant occurredAt,
		int schemaVersion, JsonNode payload) {

	private static final JsonMapper READER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	/** Parses a record value; a value that is not an envelope fails, and goes to the dead-letter topic. */
	public static InboundEvent parse(String json) {
		InboundEvent event = READER.readValue(json, InboundEvent.class);
		if (event.eventId() == null || event.eventType() == null || event.payload() == null) {
			throw new MalformedEventException("Not an event envelope: eventId, eventType and payload are required");
		}
		return event;
	}

	public <T> T payloadAs(Class<T> type) {
		return READER.treeToValue(payload, type);
	}

	/** A record that can never be processed: retrying it is pointless. */
	public static class MalformedEventException extends RuntimeException {
		public MalformedEventException(String message) {
			super(message);
		}
	}
}
