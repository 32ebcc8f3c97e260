package app.mosaic.post.post.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import app.mosaic.platform.web.Ids;
import app.mosaic.post.post.PostReads;

/**
 * For feed-service and other services (service tokens only; not routed by the gateway): up to 50 posts by id,
 * hydrated for a viewer exactly as {@code GET /api/v1/posts/{id}} shows them, in one database round trip.
 */
@RestController
@RequestMapping("/internal/posts")
class InternalPostController {

	private final PostReads reads;
	private final PostViews views;

	InternalPostController(PostReads reads, PostViews views) {
		this.reads = reads;
		this.views = views;
	}

	/** Posts that do not exist or that the viewer may not see are left out; the others keep the order asked. */
	@PostMapping("/batch")
	Items batch(@Valid @RequestBody BatchRequest request) {
		List<Long> ids = request.postIds().stream().map(id -> Ids.inBody("postIds", id, "post")).distinct().toList();
		return new Items(reads.hydrate(request.viewerId(), ids).stream().map(s -> views.of(s, request.viewerId())).toList());
	}

	record BatchRequest(@NotNull UUID viewerId, @NotNull @Size(min = 1, max = 50) List<@NotNull String> postIds) {
	}

	record Items(List<PostViews.PostView> items) {
	}
}
