package app.mosaic.post.discovery.web;

import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.mosaic.platform.security.Caller;
import app.mosaic.platform.web.Ids;
import app.mosaic.platform.web.ApiProblem;
import app.mosaic.platform.web.Page;
import app.mosaic.platform.web.PageRequest;
import app.mosaic.post.discovery.Discovery;
import app.mosaic.post.post.PostReads;
import app.mosaic.post.post.web.PostViews;

/** Hashtag and place pages, and searching both: with people search, what clients show as search. */
@RestController
@RequestMapping("/api/v1")
class DiscoveryController {

	private static final int MAX_QUERY = 100;

	private final Discovery discovery;
	private final PostReads reads;
	private final PostViews views;

	DiscoveryController(Discovery discovery, PostReads reads, PostViews views) {
		this.discovery = discovery;
		this.reads = reads;
		this.views = views;
	}

	/** Tags starting with {@code q} (with or without the #), most used first. */
	@GetMapping("/hashtags/search")
	Page<HashtagView> searchHashtags(@RequestParam String q, PageRequest page) {
		String prefix = Discovery.normalizeTag(query(q));
		if (prefix.isEmpty()) {
			return Page.complete(List.of());
		}
		return Page.complete(discovery.searchHashtags(prefix, page.limit()).stream().map(DiscoveryController::view).toList());
	}

	@GetMapping("/hashtags/{tag}")
	HashtagView hashtag(@PathVariable String tag) {
		return discovery.hashtag(tag).map(DiscoveryController::view).orElseThrow(() -> ApiProblem.notFound("No posts with this hashtag."));
	}

	/** Recent posts with the tag, by public accounts, newest first. */
	@GetMapping("/hashtags/{tag}/posts")
	Page<PostViews.PostView> hashtagPosts(Caller caller, @PathVariable String tag, PageRequest page) {
		return posts(caller.id(), discovery.hashtagPostIds(caller.id(), tag, page.before(), page.fetch()), page);
	}

	/** Places by name; nearest first when {@code lat} and {@code lng} are given. */
	@GetMapping("/places/search")
	Page<PlaceDetailsView> searchPlaces(@RequestParam String q, @RequestParam(required = false) Double lat,
			@RequestParam(required = false) Double lng, PageRequest page) {
		String text = query(q);
		if ((lat == null) != (lng == null)) {
			throw ApiProblem.badRequest("Give both lat and lng, or neither.");
		}
		if (lat != null && (lat < -90 || lat > 90 || lng < -180 || lng > 180 || lat.isNaN() || lng.isNaN())) {
			throw ApiProblem.badRequest("lat must be within -90..90 and lng within -180..180.");
		}
		if (text.isEmpty()) {
			return Page.complete(List.of());
		}
		return Page.complete(discovery.searchPlaces(text, lat, lng, page.limit()).stream().map(DiscoveryController::view).toList());
	}

	@GetMapping("/places/{id}")
	PlaceDetailsView place(@PathVariable String id) {
		return discovery.place(Ids.inPath(id, "place")).map(DiscoveryController::view)
			.orElseThrow(() -> ApiProblem.notFound("No such place."));
	}

	@GetMapping("/places/{id}/posts")
	Page<PostViews.PostView> placePosts(Caller caller, @PathVariable String id, PageRequest page) {
		long placeId = Ids.inPath(id, "place");
		discovery.place(placeId).orElseThrow(() -> ApiProblem.notFound("No such place."));
		return posts(caller.id(), discovery.placePostIds(caller.id(), placeId, page.before(), page.fetch()), page);
	}

	private Page<PostViews.PostView> posts(UUID viewer, List<Long> ids, PageRequest page) {
		return page.page(reads.hydrate(viewer, ids), s -> views.of(s, viewer), s -> s.post().id());
	}

	private static String query(String q) {
		String text = q.strip();
		if (text.length() > MAX_QUERY) {
			throw ApiProblem.badRequest("q: at most " + MAX_QUERY + " characters.");
		}
		return text;
	}

	private static HashtagView view(Discovery.Hashtag h) {
		return new HashtagView(h.tag(), h.postCount());
	}

	private static PlaceDetailsView view(Discovery.Place p) {
		return new PlaceDetailsView(Long.toString(p.id()), p.name(), p.lat(), p.lng(), p.postCount(),
				p.distanceMeters() == null ? null : Math.round(p.distanceMeters()));
	}

	record HashtagView(String tag, int postCount) {
	}

	/**
	 * A place with its whereabouts and post count; named apart from the posts' {@code PlaceView}, as the OpenAPI
	 * document keeps one schema per simple name.
	 * @param distanceMeters how far from the coordinates searched with, when both are known
	 */
	record PlaceDetailsView(String id, String name, Double lat, Double lng, int postCount, Long distanceMeters) {
	}
}
