package app.mosaic.user.search.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.mosaic.platform.security.Caller;
import app.mosaic.platform.web.Page;
import app.mosaic.platform.web.PageRequest;
import app.mosaic.user.profile.web.ProfileViews;
import app.mosaic.user.search.UserSearch;

/** People search and "suggested for you". */
@RestController
@RequestMapping("/api/v1/users")
@Validated
class SearchController {

	private final UserSearch search;
	private final ProfileViews views;

	SearchController(UserSearch search, ProfileViews views) {
		this.search = search;
		this.views = views;
	}

	/** The best matches only: nobody pages through search results, so there is no cursor. */
	@GetMapping("/search")
	Page<ProfileViews.UserSummary> search(Caller caller, @RequestParam @NotBlank @Size(max = 64) String q, PageRequest page) {
		return Page.complete(search.search(caller.id(), q, page.limit()).stream().map(views::summary).toList());
	}

	@GetMapping("/suggestions")
	Page<SuggestionView> suggestions(Caller caller, PageRequest page) {
		return Page.complete(search.suggestions(caller.id(), page.limit()).stream()
			.map(s -> new SuggestionView(views.summary(s.profile()), s.followedBy()))
			.toList());
	}

	/** @param followedBy how many of the accounts you follow follow this one */
	record SuggestionView(ProfileViews.UserSummary user, int followedBy) {
	}
}
