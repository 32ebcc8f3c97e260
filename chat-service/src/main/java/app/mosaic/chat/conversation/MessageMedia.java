package app.mosaic.chat.conversation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import app.mosaic.platform.web.ApiProblem;
import feign.FeignException;

/**
 * A MEDIA message's picture, claimed in media-service as {@code message:<id>} so it is kept while the message
 * lives. A claim is written down before media-service is asked and erased by the transaction that stores the
 * message; a message that goes (unsent, expired, its sender deleted) writes its claim down again. The janitor lets
 * go of every claim whose message does not exist, so nothing stays claimed when a send fails half way or
 * media-service cannot be told at once.
 */
@Component
class MessageMedia {

	private static final Logger log = LoggerFactory.getLogger(MessageMedia.class);

	private final MediaClient media;
	private final JdbcClient jdbc;
	private final TransactionTemplate tx;
	private final JsonMapper json;
	private final Clock clock;
	private final Duration abandonedAfter;

	MessageMedia(MediaClient media, JdbcClient jdbc, TransactionTemplate tx, JsonMapper json, Clock clock,
			@Value("${mosaic.chat.claim-abandoned-after:2m}") Duration abandonedAfter) {
		this.media = media;
		this.jdbc = jdbc;
		this.tx = tx;
		this.json = json;
		this.clock = clock;
		this.abandonedAfter = abandonedAfter;
	}

	/**
	 * Claims the sender's picture for the message. @return its JSON as the message stores it
	 *
	 * @throws ApiProblem 400 for media that do not exist or are not the sender's, 409 for media still processing
	 *         or used elsewhere, 503 when media-service cannot answer
	 */
	String claim(long messageId, UUID owner, long mediaId) {
		tx.executeWithoutResult(status -> jdbc.sql("INSERT INTO media_claim (message_id, media_id, claimed_at) VALUES (?, ?, ?)")
			.params(messageId, mediaId, Timestamp.from(clock.instant())).update());
		try {
			List<MediaClient.AttachedMedia> attached = media
				.attach(new MediaClient.Attach(owner, target(messageId), List.of(Long.toString(mediaId)))).items();
			if (attached == null || attached.size() != 1) {
				throw new IllegalStateException("media-service attached no media");
			}
			return stored(attached.get(0));
		}
		catch (FeignException.NotFound e) {
			forget(messageId);
			throw ApiProblem.badRequest("mediaId: no such photo of yours. Upload it with POST /api/v1/media first.");
		}
		catch (FeignException.Conflict e) {
			forget(messageId);
			throw ApiProblem.conflict("mediaId: the photo is still being processed or already used elsewhere. "
					+ "Wait for it to be ready, or upload it again.");
		}
		catch (FeignException.FeignClientException e) {
			forget(messageId);
			log.error("media-service refused to attach media: {}", e.toString());
			throw ApiProblem.unavailable("Photos cannot be sent right now. Try again later.", 60);
		}
		catch (RuntimeException e) {
			// a timeout may have attached it after all
			release(messageId, mediaId);
			throw e;
		}
	}

	/** The message was stored and keeps its picture. Call in the storing transaction. */
	void settled(long messageId) {
		jdbc.sql("DELETE FROM media_claim WHERE message_id = ?").param(messageId).update();
	}

	/** The message was not stored: lets the picture go now, or leaves that to the janitor. */
	void release(long messageId, long mediaId) {
		try {
			media.detach(new MediaClient.Detach(target(messageId), List.of(Long.toString(mediaId))));
			forget(messageId);
		}
		catch (RuntimeException e) {
			log.warn("The photo of message {} not sent could not be released yet; the janitor will: {}", messageId, e.toString());
		}
	}

	/** The message is being deleted in the current transaction: its picture is let go once that commits. */
	void letGo(long messageId, long mediaId) {
		jdbc.sql("INSERT INTO media_claim (message_id, media_id, claimed_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
			.params(messageId, mediaId, Timestamp.from(Instant.EPOCH)).update();
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				Thread.ofVirtual().start(() -> release(messageId, mediaId));
			}
		});
	}

	/** Lets go of the pictures of messages that do not exist. @return how many claims were settled */
	@Scheduled(initialDelayString = "${mosaic.chat.claim-sweep-interval:1m}", fixedDelayString = "${mosaic.chat.claim-sweep-interval:1m}")
	public int releaseAbandoned() {
		List<long[]> abandoned = jdbc.sql("""
				SELECT c.message_id, c.media_id FROM media_claim c
				WHERE c.claimed_at < ? AND NOT EXISTS (SELECT 1 FROM message m WHERE m.id = c.message_id)
				ORDER BY c.claimed_at LIMIT 100""")
			.param(Timestamp.from(clock.instant().minus(abandonedAfter)))
			.query((rs, row) -> new long[] { rs.getLong("message_id"), rs.getLong("media_id") }).list();
		int released = 0;
		for (long[] claim : abandoned) {
			try {
				media.detach(new MediaClient.Detach(target(claim[0]), List.of(Long.toString(claim[1]))));
				forget(claim[0]);
				released++;
			}
			catch (RuntimeException e) {
				log.warn("Abandoned photo claims wait for media-service: {}", e.toString());
				break;
			}
		}
		return released;
	}

	private String stored(MediaClient.AttachedMedia m) {
		Map<String, Object> variants = new LinkedHashMap<>();
		if (m.variants() != null) {
			m.variants().forEach((name, v) -> variants.put(name,
					Map.of("width", v.width(), "height", v.height(), "webp", v.webpUrl() != null)));
		}
		Map<String, Object> stored = new LinkedHashMap<>();
		stored.put("id", m.id());
		stored.put("width", m.width());
		stored.put("height", m.height());
		stored.put("blurhash", m.blurhash());
		stored.put("variants", variants);
		return json.writeValueAsString(stored);
	}

	private void forget(long messageId) {
		tx.executeWithoutResult(status -> settled(messageId));
	}

	static String target(long messageId) {
		return "message:" + messageId;
	}
}
