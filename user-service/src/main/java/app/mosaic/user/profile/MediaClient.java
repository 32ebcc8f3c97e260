package app.mosaic.user.profile;

import java.util.List;
import java.util.UUID;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

import app.mosaic.platform.calls.ClientErrorsOrUnavailable;

/** media-service's internal API, called with user-service's own token. */
@FeignClient(name = "media-service", url = "${mosaic.services.media-url}", fallbackFactory = MediaClient.Fallback.class)
interface MediaClient {

	/** All or nothing: 404 when one does not exist or is not the owner's, 409 when one is in use or processing. */
	@PostMapping("/internal/media/attach")
	void attach(@RequestBody Attach request);

	record Attach(UUID ownerId, String target, List<String> mediaIds) {
	}

	@Component
	class Fallback extends ClientErrorsOrUnavailable<MediaClient> {

		Fallback() {
			super(MediaClient.class, "Media");
		}
	}
}
