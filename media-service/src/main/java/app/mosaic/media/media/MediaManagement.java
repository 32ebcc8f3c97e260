package app.mosaic.media.media;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import app.mosaic.media.config.MediaProperties;
import app.mosaic.media.image.Edits;
import app.mosaic.media.image.ImageProcessor;
import app.mosaic.media.image.ImageRejected;
import app.mosaic.media.image.ProcessedImage;
import app.mosaic.media.storage.ObjectStore;
import app.mosaic.platform.events.DomainEvents;
import app.mosaic.platform.ids.IdGenerator;
import app.mosaic.platform.web.ApiProblem;

/**
 * Uploads, attachment and deletion of media. Objects are written only under a row that already exists
 * (state PROCESSING), and a row goes only after its objects: whatever step a crash interrupts, the purge
 * finishes the job and nothing is orphaned in S3.
 */
@Service
public class MediaManagement {

	private static final Logger log = LoggerFactory.getLogger(MediaManagement.class);
	private static final Duration QUEUE_WAIT = Duration.ofSeconds(20);

	private final MediaRepository media;
	private final ObjectStore objects;
	private final ImageProcessor processor;
	private final MediaProperties properties;
	private final DomainEvents events;
	private final IdGenerator ids;
	private final TransactionTemplate tx;
	private final Clock clock;
	/** Decoding is memory-hungry: at most this many at once per instance. */
	private final Semaphore processing;

	MediaManagement(MediaRepository media, ObjectStore objects, ImageProcessor processor, MediaProperties properties,
			DomainEvents events, IdGenerator ids, TransactionTemplate tx, Clock clock) {
		this.media = media;
		this.objects = objects;
		this.processor = processor;
		this.properties = properties;
		this.events = events;
		this.ids = ids;
		this.tx = tx;
		this.clock = clock;
		this.processing = new Semaphore(Math.max(1, properties.maxConcurrentProcessing()), true);
	}

	public Media upload(UUID owner, byte[] bytes, Edits edits) {
		if (bytes.length > properties.maxFileSize().toBytes()) {
			throw ApiProblem.tooLarge("The file is %d MB; at most %d MB are accepted."
				.formatted(Math.ceilDiv(bytes.length, 1 << 20), properties.maxFileSize().toMegabytes()));
		}
		countUpload(owner);
		ProcessedImage image = process(bytes, edits);
		long id = ids.next();
		Instant now = clock.instant();
		tx.executeWithoutResult(status -> {
			media.lockOwner(owner);
			long quota = properties.storageQuota().toBytes();
			if (media.storedBytes(owner) + image.totalBytes() > quota) {
				throw ApiProblem.tooLarge("Your storage quota of %d MB is used up. Delete media you no longer need."
					.formatted(properties.storageQuota().toMegabytes()));
			}
			media.insertProcessing(id, owner, image.sourceFormat().name(), image.width(), image.height(), image.blurhash(),
					image.totalBytes(), now);
		});
		List<Media.StoredVariant> stored = store(id, image);
		boolean ready = Boolean.TRUE.equals(tx.execute(status -> {
			if (!media.markReady(id, clock.instant())) {
				return false;
			}
			stored.forEach(v -> media.insertVariant(id, v));
			events.publish(Long.toString(id), processed(id, owner, image, clock.instant()));
			return true;
		}));
		if (!ready) {
			// cleaned up as stalled while we were storing: nothing may stay behind
			objects.deletePrefix(Media.prefix(id));
			throw ApiProblem.unavailable("The upload took too long and was abandoned. Try again.", 1);
		}
		return new Media(id, owner, Media.State.READY, image.width(), image.height(), image.blurhash(), image.totalBytes(),
				null, now, stored);
	}

	public Optional<Media> find(long id) {
		return media.find(id).filter(Media::isReady);
	}

	/** The owner deletes a loose media item; attached ones go with what they are attached to. */
	public void delete(UUID caller, long id) {
		Media item = find(id).filter(m -> m.isOwnedBy(caller)).orElseThrow(MediaManagement::notFound);
		if (item.attachedTo() != null) {
			throw ApiProblem.conflict("This media is part of a post or profile. Delete or change that instead.");
		}
		markDeleting(() -> media.markDeleting(id, clock.instant()));
	}

	/**
	 * Attaches all the media, or none, to {@code target}. Repeating the same call succeeds (idempotent).
	 *
	 * @throws ApiProblem 404 when an id does not exist or is not the owner's; 409 when one is attached elsewhere
	 */
	public List<Media> attach(UUID owner, Collection<Long> ids, String target) {
		Set<Long> unique = new TreeSet<>(ids);
		return tx.execute(status -> {
			int attached = media.attach(unique, owner, target, clock.instant());
			if (attached != unique.size()) {
				status.setRollbackOnly();
				List<Media> found = media.findAll(unique);
				for (Long id : unique) {
					Media m = found.stream().filter(f -> f.id() == id).findFirst().orElse(null);
					if (m == null || !m.isOwnedBy(owner) || m.state() == Media.State.DELETING) {
						throw ApiProblem.notFound("Media " + id + " does not exist or is not yours.");
					}
					if (!m.isReady()) {
						throw ApiProblem.conflict("Media " + id + " is still processing.");
					}
					if (m.attachedTo() != null && !m.attachedTo().equals(target)) {
						throw ApiProblem.conflict("Media " + id + " is already in use elsewhere.");
					}
				}
				throw ApiProblem.conflict("The media changed meanwhile. Try again.");
			}
			return ordered(media.findAll(unique), ids);
		});
	}

	/** Makes media attached to {@code target} loose again; they are deleted after the orphan period unless reused. */
	public int detach(Collection<Long> ids, String target) {
		return tx.execute(status -> media.detach(new TreeSet<>(ids), target, clock.instant()));
	}

	/**
	 * A profile now shows {@code avatar} (or none): earlier avatars become loose and go after the orphan period.
	 * One claimed after {@code editedAt} stays, for the edit that will name it is still on its way.
	 */
	public int releaseAvatarsBut(UUID userId, Long avatar, Instant editedAt) {
		return tx.execute(status -> media.detachAllBut("avatar:" + userId, avatar == null ? -1 : avatar, editedAt,
				clock.instant()));
	}

	public void deleteAllOf(UUID owner) {
		markDeleting(() -> media.markDeletingOwnedBy(owner, clock.instant()));
	}

	public void deleteAttachedTo(String target) {
		markDeleting(() -> media.markDeletingAttachedTo(target, clock.instant()));
	}

	/** Marks loose media past the orphan period for deletion. @return how many */
	public int markOrphans() {
		Instant now = clock.instant();
		return media.markOrphansDeleting(now.minus(properties.orphanAfter()), now);
	}

	/** Upload counts of past hours are no longer needed. */
	public void forgetPastUploadWindows() {
		media.forgetUploadWindowsBefore(clock.instant().minus(Duration.ofHours(1)));
	}

	/**
	 * Removes the objects, then the row, of every media marked for deletion or stalled in processing; publishes
	 * MediaDeleted in the transaction that deletes the row. Safe to repeat and to run on several instances.
	 *
	 * @return how many were removed
	 */
	public int purge() {
		int removed = 0;
		List<Long> batch;
		do {
			batch = media.toPurge(clock.instant().minus(properties.stalledAfter()), 50);
			for (long id : batch) {
				objects.deletePrefix(Media.prefix(id));
				boolean deleted = Boolean.TRUE.equals(tx.execute(status -> media.deleteRow(id).map(row -> {
					events.publish(Long.toString(id),
							new MediaEvents.MediaDeleted(Long.toString(id), row.ownerId(), row.attachedTo(), clock.instant()));
					return true;
				}).orElse(false)));
				removed += deleted ? 1 : 0;
			}
		}
		while (batch.size() == 50);
		return removed;
	}

	private void markDeleting(Runnable mark) {
		tx.executeWithoutResult(status -> mark.run());
	}

	private void countUpload(UUID owner) {
		Instant now = clock.instant();
		Instant window = now.truncatedTo(ChronoUnit.HOURS);
		int uploads = tx.execute(status -> media.countUpload(owner, window));
		if (uploads > properties.uploadsPerHour()) {
			long retryAfter = Math.max(1, Duration.between(now, window.plus(Duration.ofHours(1))).toSeconds());
			throw ApiProblem.tooManyRequests("At most %d uploads an hour. Try again in %d minutes."
				.formatted(properties.uploadsPerHour(), Math.ceilDiv(retryAfter, 60)), retryAfter);
		}
	}

	private ProcessedImage process(byte[] bytes, Edits edits) {
		boolean acquired = false;
		try {
			acquired = processing.tryAcquire(QUEUE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
			if (!acquired) {
				throw ApiProblem.unavailable("Too many uploads are being processed. Try again in a moment.", 5);
			}
			return processor.process(bytes, edits);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw ApiProblem.unavailable("The upload was interrupted. Try again.", 1);
		}
		catch (ImageRejected e) {
			throw switch (e.reason()) {
				case UNSUPPORTED -> ApiProblem.unsupportedMediaType(e.getMessage());
				case TOO_LARGE -> ApiProblem.tooLarge(e.getMessage());
				case INVALID -> ApiProblem.badRequest(e.getMessage());
			};
		}
		finally {
			if (acquired) {
				processing.release();
			}
		}
	}

	private List<Media.StoredVariant> store(long id, ProcessedImage image) {
		List<Media.StoredVariant> stored = new ArrayList<>();
		try {
			for (ProcessedImage.Rendition r : image.renditions()) {
				stored.add(put(id, r, "jpeg", r.jpeg(), "image/jpeg"));
				if (r.webp() != null) {
					stored.add(put(id, r, "webp", r.webp(), "image/webp"));
				}
			}
			return stored;
		}
		catch (RuntimeException e) {
			// the purge removes whatever was written, with the row
			tx.executeWithoutResult(status -> media.markDeleting(id, clock.instant()));
			throw e;
		}
	}

	private Media.StoredVariant put(long id, ProcessedImage.Rendition r, String format, byte[] bytes, String contentType) {
		objects.put(Media.objectKey(id, r.variant().key(), format), bytes, contentType);
		return new Media.StoredVariant(r.variant().key(), format, r.width(), r.height(), bytes.length, sha256(bytes));
	}

	private static MediaEvents.MediaProcessed processed(long id, UUID owner, ProcessedImage image, Instant at) {
		List<MediaEvents.VariantSummary> variants = image.renditions().stream()
			.map(r -> new MediaEvents.VariantSummary(r.variant().key(), r.width(), r.height(),
					r.webp() == null ? List.of("jpeg") : List.of("jpeg", "webp")))
			.toList();
		return new MediaEvents.MediaProcessed(Long.toString(id), owner, "IMAGE", image.width(), image.height(),
				image.blurhash(), variants, image.totalBytes(), at);
	}

	private static List<Media> ordered(List<Media> found, Collection<Long> requested) {
		return requested.stream().distinct()
			.map(id -> found.stream().filter(m -> m.id() == id).findFirst().orElseThrow())
			.toList();
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	static ApiProblem notFound() {
		return ApiProblem.notFound("No such media.");
	}
}
