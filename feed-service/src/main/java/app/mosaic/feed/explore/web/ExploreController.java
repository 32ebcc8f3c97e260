package app.mosaic.feed.explore.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.mosaic.feed.explore.Explore;
import app.mosaic.feed.timeline.FeedReads;
import app.mosaic.platform.security.Caller;
import app.mosaic.platform.web.PageRequest;

@RestController
@RequestMapping("/api/v1/explore")
class ExploreController {

	private final Explore explore;

	ExploreController(Explore explore) {
		this.explore = explore;
	}

	/**
	 * Popular recent posts of public accounts you do not follow, best first: engagement with time decay. The
	 * ranking moves as likes and comments arrive, so a later page can repeat a post that rose; {@code degraded}
	 * when post-service is down.
	 */
	@GetMapping
	FeedReads.FeedPage explore(Caller caller, @RequestParam(required = false) String cursor,
			@RequestParam(required = false) String limit) {
		return explore.page(caller.id(), Explore.Cursor.parse(cursor), PageRequest.of(null, limit).limit());
	}

	/** Hashtags used far more in the last day than in the week before, most unusual first. */
	@GetMapping("/hashtags")
	List<Explore.TrendingTag> hashtags(@RequestParam(required = false) String limit) {
		return explore.trending(PageRequest.of(null, limit).limit());
	}
}
