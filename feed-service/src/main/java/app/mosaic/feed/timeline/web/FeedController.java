package app.mosaic.feed.timeline.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import app.mosaic.feed.timeline.FeedReads;
import app.mosaic.platform.security.Caller;
import app.mosaic.platform.web.PageRequest;

@RestController
@RequestMapping("/api/v1")
class FeedController {

	private final FeedReads reads;

	FeedController(FeedReads reads) {
		this.reads = reads;
	}

	/** The home feed: posts of the people you follow and yours, newest first; {@code degraded} when post-service is down. */
	@GetMapping("/feed")
	FeedReads.FeedPage feed(Caller caller, PageRequest page) {
		return reads.home(caller.id(), page);
	}
}
