package app.mosaic.post.save.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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

import app.mosaic.platform.security.Caller;
import app.mosaic.platform.web.Ids;
import app.mosaic.platform.web.ApiProblem;
import app.mosaic.platform.web.Page;
import app.mosaic.platform.web.PageRequest;
import app.mosaic.post.post.PostReads;
import app.mosaic.post.post.web.PostViews;
import app.mosaic.post.save.Collections;
import app.mosaic.post.save.Saves;

/** Saving posts, the saved list and collections: all private to their owner. */
@RestController
@RequestMapping("/api/v1")
class SaveController {

	private final Saves saves;
	private final Collections collections;
	private final PostReads reads;
	private final PostViews views;

	SaveController(Saves saves, Collections collections, PostReads reads, PostViews views) {
		this.saves = saves;
		this.collections = collections;
		this.reads = reads;
		this.views = views;
	}

	@PostMapping("/posts/{id}/save")
	SavedView save(Caller caller, @PathVariable String id) {
		saves.save(caller.id(), Ids.inPath(id, "post"));
		return new SavedView(true);
	}

	@DeleteMapping("/posts/{id}/save")
	SavedView unsave(Caller caller, @PathVariable String id) {
		saves.unsave(caller.id(), Ids.inPath(id, "post"));
		return new SavedView(false);
	}

	/** Your saved posts, newest saved first. */
	@GetMapping("/users/me/saved")
	Page<PostViews.PostView> saved(Caller caller, PageRequest page) {
		return posts(caller, saves.saved(caller.id(), page.before(), page.fetch()), page);
	}

	@PostMapping("/collections")
	ResponseEntity<CollectionView> create(Caller caller, @Valid @RequestBody NameRequest request) {
		var created = collections.create(caller.id(), request.name());
		return ResponseEntity.created(URI.create("/api/v1/collections/" + created.id())).body(view(created));
	}

	@GetMapping("/collections")
	Page<CollectionView> list(Caller caller, PageRequest page) {
		return page.page(collections.list(caller.id(), page.before(), page.fetch()), this::view, Collections.Collection::id);
	}

	/** The collection with a page of its posts, newest added first. */
	@GetMapping("/collections/{id}")
	CollectionPage get(Caller caller, @PathVariable String id, PageRequest page) {
		long collectionId = Ids.inPath(id, "collection");
		var collection = collections.find(caller.id(), collectionId).orElseThrow(() -> ApiProblem.notFound("No such collection."));
		var posts = posts(caller, collections.posts(caller.id(), collectionId, page.before(), page.fetch()), page);
		var v = view(collection);
		return new CollectionPage(v.id(), v.name(), v.postCount(), v.cover(), v.createdAt(), posts.items(), posts.nextCursor());
	}

	@PatchMapping("/collections/{id}")
	CollectionView rename(Caller caller, @PathVariable String id, @Valid @RequestBody NameRequest request) {
		return view(collections.rename(caller.id(), Ids.inPath(id, "collection"), request.name()));
	}

	@DeleteMapping("/collections/{id}")
	ResponseEntity<Void> delete(Caller caller, @PathVariable String id) {
		collections.delete(caller.id(), Ids.inPath(id, "collection"));
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/collections/{id}/posts/{postId}")
	CollectionView add(Caller caller, @PathVariable String id, @PathVariable String postId) {
		return view(collections.add(caller.id(), Ids.inPath(id, "collection"), Ids.inPath(postId, "post")));
	}

	@DeleteMapping("/collections/{id}/posts/{postId}")
	CollectionView remove(Caller caller, @PathVariable String id, @PathVariable String postId) {
		return view(collections.remove(caller.id(), Ids.inPath(id, "collection"), Ids.inPath(postId, "post")));
	}

	/** A page of saved posts: positions from the save, posts hydrated in one query (unseeable ones left out). */
	private Page<PostViews.PostView> posts(Caller caller, List<Saves.Saved> saved, PageRequest page) {
		Map<Long, PostReads.Shown> shown = reads.hydrate(caller.id(), saved.stream().map(Saves.Saved::postId).toList()).stream()
			.collect(Collectors.toMap(s -> s.post().id(), Function.identity()));
		Page<Saves.Saved> positions = page.page(saved, Function.identity(), Saves.Saved::position);
		return new Page<>(positions.items().stream().filter(s -> shown.containsKey(s.postId()))
			.map(s -> views.of(shown.get(s.postId()), caller.id())).toList(), positions.nextCursor());
	}

	private CollectionView view(Collections.Collection c) {
		return new CollectionView(Long.toString(c.id()), c.name(), c.postCount(),
				c.coverMediaId() == null ? null : views.thumbUrl(c.coverMediaId()), c.createdAt());
	}

	record NameRequest(@NotNull @Size(max = 500) String name) {
	}

	record SavedView(boolean saved) {
	}

	/** @param cover the thumbnail of the post added last */
	record CollectionView(String id, String name, int postCount, String cover, Instant createdAt) {
	}

	record CollectionPage(String id, String name, int postCount, String cover, Instant createdAt,
			List<PostViews.PostView> items, @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS) String nextCursor) {
	}
}
