package app.mosaic.chat.conversation;

import java.util.List;
import java.util.UUID;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import tools.jackson.databind.JsonNode;

import app.mosaic.platform.calls.ClientErrorsOrUnavailable;

/** post-service's internal batch read, with chat-service's own token, behind a circuit breaker and timeouts. */
@FeignClient(name = "post-service", url = "${mosaic.services.post-url}", fallbackFactory = PostClient.Fallback.class)
interface PostClient {

	/** Up to 50 posts hydrated for the viewer, in the order asked; those the viewer may not see are left out. */
	@PostMapping("/internal/posts/batch")
	Batch batch(@RequestBody BatchRequest request);

	record BatchRequest(UUID viewerId, List<String> postIds) {
	}

	/** The posts exactly as post-service shows them: passed through, never re-shaped here. */
	record Batch(List<JsonNode> items) {
	}

	@Component
	class Fallback extends ClientErrorsOrUnavailable<PostClient> {

		Fallback() {
			super(PostClient.class, "Posts");
		}
	}
}
