package app.mosaic.media.media;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.mosaic.platform.events.EventTopic;
import app.mosaic.platform.events.EventType;

/** What media-service publishes on {@code media.events}. Ids are strings, as everywhere in Mosaic's JSON. */
@EventTopic(MediaEvents.TOPIC)
final class MediaEvents {

	static final String TOPIC = "media.events";

	private MediaEvents() {
	}

	@EventType("MediaProcessed")
	record MediaProcessed(String mediaId, UUID ownerId, String type, int width, int height, String blurhash,
			List<VariantSummary> variants, long bytes, Instant processedAt) {
	}

	record VariantSummary(String name, int width, int height, List<String> formats) {
	}

	@EventType("MediaDeleted")
	record MediaDeleted(String mediaId, UUID ownerId, String attachedTo, Instant deletedAt) {
	}
}
