package app.mosaic.user.profile;

import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import app.mosaic.platform.web.ApiProblem;
import feign.FeignException;

/**
 * Claims an uploaded image as a person's avatar in media-service, so it is kept (loose uploads are deleted)
 * and deleted with the account. media-service lets go of the previous avatar when it reads the
 * ProfileUpdated that names the new one.
 */
@Component
public class Avatars {

	private static final Logger log = LoggerFactory.getLogger(Avatars.class);

	private final MediaClient media;

	Avatars(MediaClient media) {
		this.media = media;
	}

	/** Idempotent: claiming the current avatar again succeeds. */
	public void claim(UUID userId, long mediaId) {
		try {
			media.attach(new MediaClient.Attach(userId, "avatar:" + userId, List.of(Long.toString(mediaId))));
		}
		catch (FeignException.NotFound e) {
			throw ApiProblem.badRequest("avatarMediaId: media " + mediaId + " does not exist or is not yours. "
					+ "Upload the image with POST /api/v1/media first.");
		}
		catch (FeignException.Conflict e) {
			throw ApiProblem.conflict("avatarMediaId: media " + mediaId
					+ " is still being processed or is used by a post. Wait for it to be ready, or upload it again.");
		}
		catch (FeignException.FeignClientException e) {
			// 400, 401 or 403 from media-service: this service's request or client is wrong, not the user's
			log.error("media-service refused to attach an avatar: {}", e.toString());
			throw ApiProblem.unavailable("Avatars cannot be changed right now. Try again later.", 60);
		}
	}
}
