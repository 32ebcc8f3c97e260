package app.mosaic.media.media;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What media-service publishes on {@code media.events}. Ids are strings, as everywhere in Mosaic's JSON. */
final class MediaEvents {

	static final String TOPIC = "media.events";

	private MediaEvents() {
	}

	record MediaProcessed(String mediaId, UUID ownerId, String type, int width, int height, String blurhash,
			List<VariantSummary> variants, long bytes, Instant processedAt) {
	}

	record VariantSummary(String name, int width, int height, List<String> formats) {
	}

	record MediaDeleted(String mediaId, UUID ownerId, String attachedTo, Instant deletedAt) {
	}
}
