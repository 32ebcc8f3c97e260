package app.mosaic.post.post.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import app.mosaic.platform.security.Caller;
import app.mosaic.platform.web.Ids;
import app.mosaic.platform.web.ApiProblem;
import app.mosaic.platform.web.Page;
import app.mosaic.platform.web.PageRequest;
import app.mosaic.post.people.People;
import app.mosaic.post.post.PostManagement;
import app.mosaic.post.post.PostReads;
import app.mosaic.post.post.Posts;

/** Posts: create, read, edit, delete, and a person's profile grid. */
@RestController
@RequestMapping("/api/v1")
class PostController {

	private final PostManagement management;
	private final PostReads reads;
	private final Posts posts;
	private final People people;
	private final PostViews views;
	private final JsonMapper json;
	private final Validator validator;

	PostController(PostManagement management, PostReads reads, Posts posts, People people, PostViews views, JsonMapper json,
			Validator validator) {
		this.management = management;
		this.reads = reads;
		this.posts = posts;
		this.people = people;
		this.views = views;
		this.json = json;
		this.validator = validator;
	}

	@PostMapping("/posts")
	ResponseEntity<PostViews.PostView> create(Caller caller, @Valid @RequestBody CreatePostRequest request) {
		List<Long> mediaIds = request.mediaIds() == null ? List.of() : request.mediaIds().stream().map(id -> Ids.inBody("mediaIds", id, "media")).toList();
		var post = management.create(caller, new PostManagement.Draft(request.caption(), mediaIds, altTexts(request.altTexts()),
				location(request.location()), Boolean.TRUE.equals(request.commentsDisabled()),
				Boolean.TRUE.equals(request.hideLikeCount())));
		return ResponseEntity.created(URI.create("/api/v1/posts/" + post.id())).body(show(caller, post.id()));
	}

	@GetMapping("/posts/{id}")
	PostViews.PostView get(Caller caller, @PathVariable String id) {
		return show(caller, Ids.inPath(id, "post"));
	}

	/** Absent fields stay as they are; {@code location: null} removes the place, {@code caption: null} empties it. */
	@PatchMapping("/posts/{id}")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(description = "Only the fields to change.",
			content = @io.swagger.v3.oas.annotations.media.Content(
					schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = EditPostRequest.class)))
	PostViews.PostView edit(Caller caller, @PathVariable String id, @RequestBody JsonNode body) {
		long postId = Ids.inPath(id, "post");
		if (!body.isObject()) {
			throw ApiProblem.badRequest("Send a JSON object with the fields to change.");
		}
		// a field of the wrong type or with refused text answers 400 naming it (the platform's StrictJson)
		EditPostRequest request = json.convertValue(body, EditPostRequest.class);
		Set<ConstraintViolation<EditPostRequest>> violations = validator.validate(request);
		if (!violations.isEmpty()) {
			throw new ConstraintViolationException(violations);
		}
		management.edit(caller.id(), postId, new PostManagement.Changes(request.caption(), body.has("caption"),
				altTexts(request.altTexts()), request.commentsDisabled(), request.hideLikeCount(), body.has("location"),
				location(request.location())));
		return show(caller, postId);
	}

	@DeleteMapping("/posts/{id}")
	ResponseEntity<Void> delete(Caller caller, @PathVariable String id) {
		management.delete(caller.id(), Ids.inPath(id, "post"));
		return ResponseEntity.noContent().build();
	}

	/** The profile grid, newest first: 404 for a private account the caller does not follow, as for no account. */
	@GetMapping("/users/{username}/posts")
	Page<PostViews.PostView> grid(Caller caller, @PathVariable String username, PageRequest page) {
		People.Person author = "me".equals(username) ? people.find(caller.id()).orElse(null)
				: people.findVisible(caller.id(), username.toLowerCase(Locale.ROOT)).filter(p -> people.maySee(caller.id(), p.id()))
					.orElseThrow(() -> ApiProblem.notFound("No such user."));
		if (author == null) {
			return Page.complete(List.of()); // no post yet, so not known here yet either
		}
		List<Long> ids = posts.idsByAuthor(author.id(), page.before(), page.fetch());
		return page.page(reads.hydrate(caller.id(), ids), s -> views.of(s, caller.id()), s -> s.post().id());
	}

	private PostViews.PostView show(Caller caller, long id) {
		return reads.find(caller.id(), id).map(s -> views.of(s, caller.id())).orElseThrow(PostManagement::notFound);
	}

	private static Map<Long, String> altTexts(Map<String, String> altTexts) {
		if (altTexts == null) {
			return null;
		}
		Map<Long, String> parsed = new LinkedHashMap<>();
		altTexts.forEach((id, text) -> parsed.put(Ids.inBody("altTexts", id, "media"), text));
		return parsed;
	}

	private static PostManagement.Location location(LocationRequest location) {
		if (location == null) {
			return null;
		}
		if (location.placeId() != null) {
			if (location.name() != null || location.lat() != null || location.lng() != null) {
				throw ApiProblem.badRequest("location: give either placeId, or a name with optional lat and lng.");
			}
			return new PostManagement.Location(Ids.inBody("location.placeId", location.placeId(), "place"), null, null, null);
		}
		String name = location.name() == null ? "" : location.name().strip();
		if (name.isEmpty()) {
			throw ApiProblem.badRequest("location.name: name the place, or give its placeId.");
		}
		if ((location.lat() == null) != (location.lng() == null)) {
			throw ApiProblem.badRequest("location: give both lat and lng, or neither.");
		}
		return new PostManagement.Location(null, name, location.lat(), location.lng());
	}

	record CreatePostRequest(@Size(max = 10_000) String caption, @Size(max = 20) List<String> mediaIds, @Valid LocationRequest location,
			@Size(max = 10) Map<String, String> altTexts, Boolean commentsDisabled, Boolean hideLikeCount) {
	}

	record EditPostRequest(@Size(max = 10_000) String caption, @Valid LocationRequest location,
			@Size(max = 10) Map<String, String> altTexts, Boolean commentsDisabled, Boolean hideLikeCount) {
	}

	/** Either {@code placeId}, or {@code name} with optional coordinates. */
	record LocationRequest(String placeId, @Size(max = 100) String name,
			@DecimalMin("-90") @DecimalMax("90") Double lat, @DecimalMin("-180") @DecimalMax("180") Double lng) {
	}
}
