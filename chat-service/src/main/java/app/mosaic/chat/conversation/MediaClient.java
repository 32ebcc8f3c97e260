package app.mosaic.chat.conversation;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

import app.mosaic.platform.calls.ClientErrorsOrUnavailable;

/** media-service's internal API, called with chat-service's own token, behind a circuit breaker and timeouts. */
@FeignClient(name = "media-service", url = "${mosaic.services.media-url}", fallbackFactory = MediaClient.Fallback.class)
interface MediaClient {

	/** All or nothing: 404 when one does not exist or is not the owner's, 409 when one is in use or processing. */
	@PostMapping("/internal/media/attach")
	Attached attach(@RequestBody Attach request);

	/** Makes media attached to the target loose again; those attached elsewhere are left alone. */
	@PostMapping("/internal/media/detach")
	void detach(@RequestBody Detach request);

	record Attach(UUID ownerId, String target, List<String> mediaIds) {
	}

	record Detach(String target, List<String> mediaIds) {
	}

	record Attached(List<AttachedMedia> items) {
	}

	record AttachedMedia(String id, int width, int height, String blurhash, Map<String, Variant> variants) {
	}

	record Variant(int width, int height, String webpUrl) {
	}

	@Component
	class Fallback extends ClientErrorsOrUnavailable<MediaClient> {

		Fallback() {
			super(MediaClient.class, "Media");
		}
	}
}
