package app.mosaic.media.media;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import app.mosaic.media.image.Variant;

/**
 * One uploaded image and its stored variants.
 *
 * @param attachedTo what uses it, such as {@code post:7402938475629999} or {@code avatar:<user id>}; null while loose
 */
public record Media(long id, UUID ownerId, State state, int width, int height, String blurhash, long bytes,
		String attachedTo, Instant createdAt, List<StoredVariant> variants) {

	public enum State {
		/** Row written, objects being stored. */
		PROCESSING,
		/** Every object stored; may be served and attached. */
		READY,
		/** Its objects are being removed; then the row goes. */
		DELETING
	}

	public boolean isReady() {
		return state == State.READY;
	}

	public boolean isOwnedBy(UUID user) {
		return ownerId.equals(user);
	}

	public Optional<StoredVariant> variant(Variant variant, String format) {
		return variants.stream().filter(v -> v.name().equals(variant.key()) && v.format().equals(format)).findFirst();
	}

	/** The S3 key of a variant: everything of one media item shares the prefix {@code media/{id}/}. */
	public static String objectKey(long id, String variant, String format) {
		return prefix(id) + variant + "." + ("jpeg".equals(format) ? "jpg" : format);
	}

	public static String prefix(long id) {
		return "media/" + id + "/";
	}

	/** @param etag a strong entity tag: the SHA-256 of the stored bytes */
	public record StoredVariant(String name, String format, int width, int height, int bytes, String etag) {
	}
}
