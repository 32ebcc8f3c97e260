package app.mosaic.post.post;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import app.mosaic.platform.web.ApiProblem;
import feign.FeignException;

/**
 * Claims a new post's media in media-service so that nothing is left claimed by a post that was never created.
 * A claim is written down before media-service is asked and erased in the transaction that creates the post;
 * when creation fails the media are let go at once, and if media-service cannot be told then (it is down, or
 * this instance stops), the janitor lets them go later. Releasing is idempotent.
 */
@Component
public class MediaClaims {

	private static final Logger log = LoggerFactory.getLogger(MediaClaims.class);

	private final MediaClient media;
	private final JdbcClient jdbc;
	private final TransactionTemplate tx;
	private final Clock clock;
	private final Duration abandonedAfter;

	MediaClaims(MediaClient media, JdbcClient jdbc, TransactionTemplate tx, Clock clock,
			@Value("${mosaic.posts.claim-abandoned-after:2m}") Duration abandonedAfter) {
		this.media = media;
		this.jdbc = jdbc;
		this.tx = tx;
		this.clock = clock;
		this.abandonedAfter = abandonedAfter;
	}

	/**
	 * Claims the media for the post in media-service, in the order given.
	 *
	 * @throws ApiProblem 400 for media that do not exist or are not the owner's, 409 for media still processing
	 *         or used elsewhere, 503 when media-service cannot answer
	 */
	List<MediaClient.AttachedMedia> claim(long postId, UUID owner, List<Long> mediaIds) {
		tx.executeWithoutResult(status -> jdbc.sql("""
				INSERT INTO media_claim (post_id, owner_id, media_ids, claimed_at) VALUES (?, ?, ?, ?)""")
			.params(postId, owner, mediaIds.toArray(Long[]::new), Timestamp.from(clock.instant())).update());
		try {
			List<MediaClient.AttachedMedia> attached = media.attach(new MediaClient.Attach(owner, target(postId), strings(mediaIds))).items();
			if (attached == null || attached.size() != mediaIds.size()) {
				throw new IllegalStateException("media-service attached " + (attached == null ? 0 : attached.size()) + " of "
						+ mediaIds.size() + " media");
			}
			return attached;
		}
		catch (FeignException.NotFound e) {
			forget(postId); // all or nothing: media-service attached none
			throw ApiProblem.badRequest("mediaIds: a photo does not exist or is not yours. Upload it with POST /api/v1/media first.");
		}
		catch (FeignException.Conflict e) {
			forget(postId);
			throw ApiProblem.conflict("mediaIds: a photo is still being processed or already belongs to a post or profile. "
					+ "Wait for it to be ready, or upload it again.");
		}
		catch (FeignException.FeignClientException e) {
			forget(postId);
			log.error("media-service refused to attach media: {}", e.toString());
			throw ApiProblem.unavailable("Posts cannot be created right now. Try again later.", 60);
		}
		catch (RuntimeException e) {
			// a timeout may have attached them after all
			release(postId, mediaIds);
			throw e;
		}
	}

	/** The post was created: its claim is kept by the post from now on. Call in the creating transaction. */
	void settled(long postId) {
		jdbc.sql("DELETE FROM media_claim WHERE post_id = ?").param(postId).update();
	}

	/** The post was not created: lets the media go now, or leaves that to the janitor. */
	void release(long postId, List<Long> mediaIds) {
		try {
			media.detach(new MediaClient.Detach(target(postId), strings(mediaIds)));
			forget(postId);
		}
		catch (RuntimeException e) {
			log.warn("Media of post {} not created could not be released yet; the janitor will: {}", postId, e.toString());
		}
	}

	/** Releases the media of claims whose post was never created. @return how many claims were settled */
	@Scheduled(initialDelayString = "${mosaic.posts.claim-sweep-interval:1m}", fixedDelayString = "${mosaic.posts.claim-sweep-interval:1m}")
	public int releaseAbandoned() {
		Instant before = clock.instant().minus(abandonedAfter);
		List<Claim> abandoned = jdbc.sql("SELECT post_id, media_ids FROM media_claim WHERE claimed_at < ? ORDER BY claimed_at LIMIT 100")
			.param(Timestamp.from(before))
			.query((rs, row) -> new Claim(rs.getLong("post_id"), Arrays.asList((Long[]) rs.getArray("media_ids").getArray())))
			.list();
		int released = 0;
		for (Claim claim : abandoned) {
			try {
				media.detach(new MediaClient.Detach(target(claim.postId()), strings(claim.mediaIds())));
				forget(claim.postId());
				released++;
			}
			catch (RuntimeException e) {
				log.warn("Abandoned media claims wait for media-service: {}", e.toString());
				break;
			}
		}
		return released;
	}

	private void forget(long postId) {
		tx.executeWithoutResult(status -> settled(postId));
	}

	static String target(long postId) {
		return "post:" + postId;
	}

	private static List<String> strings(List<Long> ids) {
		return ids.stream().map(String::valueOf).toList();
	}

	private record Claim(long postId, List<Long> mediaIds) {
	}
}
