package app.mosaic.user.graph.web;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import app.mosaic.platform.security.Caller;
import app.mosaic.user.graph.Graph;
import app.mosaic.user.graph.GraphManagement;
import app.mosaic.user.graph.Relation;
import app.mosaic.user.profile.Profile;
import app.mosaic.user.profile.web.ProfileViews;

/** Other people's profiles as you may see them: counts and how you stand to them. */
@RestController
@RequestMapping("/api/v1/users")
class PeopleController {

	private final GraphManagement management;
	private final ProfileViews views;

	PeopleController(GraphManagement management, ProfileViews views) {
		this.management = management;
		this.views = views;
	}

	@GetMapping("/{username}") // /me, /search and /suggestions are literal mappings and win
	ProfileView profile(Caller caller, @PathVariable String username) {
		Graph.Seen seen = management.visible(caller.id(), username);
		Profile p = seen.profile();
		Relation r = seen.relation();
		return new ProfileView(p.id(), p.username(), p.fullName(), p.bio(), p.website(), views.avatarUrl(p),
				p.isPrivate(), p.accountType().name(), ProfileViews.counts(p),
				new ViewerView(r.following(), r.requested(), r.followedBy(), r.blocking(), r.muting()));
	}

	/** {@code blockedBy} is left out: the viewer never learns it. */
	record ViewerView(boolean following, boolean requested, boolean followedBy, boolean blocking, boolean muting) {
	}

	record ProfileView(UUID id, String username, String fullName, String bio, String website, String avatarUrl,
			@JsonProperty("private") boolean isPrivate, String accountType, ProfileViews.CountsView counts,
			ViewerView viewer) {
	}
}
