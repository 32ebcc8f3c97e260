package app.mosaic.user.profile.web;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micrometer.core.annotation.Timed;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import app.mosaic.platform.security.Caller;
import app.mosaic.platform.web.ApiProblem;
import app.mosaic.user.profile.Profile;
import app.mosaic.user.profile.Profiles;

/** The signed-in user's own profile. */
@RestController
@RequestMapping("/api/v1/users")
@Timed("mosaic.users")
class ProfileController {

	private final Profiles profiles;

	ProfileController(Profiles profiles) {
		this.profiles = profiles;
	}

	@GetMapping("/me")
	OwnProfileView me(Caller caller) {
		return profiles.findById(caller.id())
			.map(OwnProfileView::of)
			// the profile is created from UserRegistered moments after sign-up
			.orElseThrow(() -> ApiProblem.notFound("Your profile is not ready yet. Try again in a moment."));
	}

	/** What only the owner sees: the public fields and the settings (e-mail, privacy, account type). */
	record OwnProfileView(UUID id, String username, String fullName, String bio, String website, String avatarUrl,
			@JsonProperty("private") boolean isPrivate, String accountType, String email, Instant createdAt) {

		static OwnProfileView of(Profile p) {
			return new OwnProfileView(p.id(), p.username(), p.fullName(), p.bio(), p.website(), null, p.isPrivate(),
					p.accountType().name(), p.email(), p.createdAt());
		}
	}
}
