package app.mosaic.platform.events;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * What every Mosaic event looks like on the wire: the envelope fields, then the payload. Only this
 * envelope is shared between services; each consumer declares its own record of the payload it reads.
 *
 * @param eventId unique per event: consumers de-duplicate on it
 * @param eventType the past-tense short name, also sent as the {@code event-type} header
 * @param topic the domain topic, such as {@code identity.events}
 * @param aggregateId the record key, so events of one aggregate stay in order
 */
public record EventEnvelope(UUID eventId, String eventType, String topic, String aggregateId, Instant occurredAt,
		int schemaVersion, Map<String, Object> payload) {

	public static final String EVENT_TYPE_HEADER = "event-type";
}
