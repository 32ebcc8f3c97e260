package app.mosaic.user.search.web;

import java.util.List;

import io.micrometer.core.annotation.Timed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.mosaic.platform.security.Caller;
import app.mosaic.user.profile.web.ProfileViews;
import app.mosaic.user.search.UserSearch;

/** People search and "suggested for you". */
@RestController
@RequestMapping("/api/v1/users")
@Validated
@Timed("mosaic.users.search")
class SearchController {

	private final UserSearch search;
	private final ProfileViews views;

	SearchController(UserSearch search, ProfileViews views) {
		this.search = search;
		this.views = views;
	}

	@GetMapping("/search")
	Page search(Caller caller, @RequestParam @NotBlank @Size(max = 64) String q,
			@RequestParam(defaultValue = "20") @Min(1) @Max(50) int limit) {
		return new Page(search.search(caller.id(), q, limit).stream().map(views::summary).toList(), null);
	}

	@GetMapping("/suggestions")
	Suggestions suggestions(Caller caller, @RequestParam(defaultValue = "20") @Min(1) @Max(50) int limit) {
		return new Suggestions(search.suggestions(caller.id(), limit).stream()
			.map(s -> new SuggestionView(views.summary(s.profile()), s.followedBy()))
			.toList(), null);
	}

	record Page(List<ProfileViews.UserSummary> items, String nextCursor) {
	}

	/** @param followedBy how many of the accounts you follow follow this one */
	record SuggestionView(ProfileViews.UserSummary user, int followedBy) {
	}

	record Suggestions(List<SuggestionView> items, String nextCursor) {
	}
}
