package app.mosaic.testkit.events;

import app.mosaic.platform.events.EventTopic;
import app.mosaic.platform.events.EventType;

/** The sample's published events; the Java names differ from the wire names on purpose. */
@EventTopic(SampleEvents.TOPIC)
final class SampleEvents {

	static final String TOPIC = "sample.events";

	private SampleEvents() {
	}

	@EventType("ThingCounted")
	record CountRecorded(int count, String label) {
	}

	@EventType(value = "ThingIgnored", version = 2)
	record Ignored(String label) {
	}

	/** Not annotated: publishing it must fail. */
	record Undeclared(String label) {
	}
}
