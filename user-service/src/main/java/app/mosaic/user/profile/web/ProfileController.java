package app.mosaic.user.profile.web;

import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import app.mosaic.platform.security.Caller;
import app.mosaic.platform.web.ApiProblem;
import app.mosaic.platform.web.Ids;
import app.mosaic.user.profile.Avatars;
import app.mosaic.user.profile.Profile;
import app.mosaic.user.profile.ProfileManagement;
import app.mosaic.user.profile.Profiles;

/** Your own profile and settings. Other people's profiles, with your relation to them, are the graph's. */
@RestController
@RequestMapping("/api/v1/users")
class ProfileController {

	private final Profiles profiles;
	private final ProfileManagement management;
	private final ProfileViews views;
	private final Avatars avatars;
	private final JsonMapper json;
	private final Validator validator;

	ProfileController(Profiles profiles, ProfileManagement management, ProfileViews views, Avatars avatars, JsonMapper json, Validator validator) {
		this.avatars = avatars;
		this.profiles = profiles;
		this.management = management;
		this.views = views;
		this.json = json;
		this.validator = validator;
	}

	@GetMapping("/me")
	ProfileViews.OwnProfileView me(Caller caller) {
		return views.own(own(caller));
	}

	/** Absent fields stay as they are; an explicit null (or blank) clears full name, bio or website. */
	@PatchMapping("/me")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(description = "Only the fields to change; null or blank clears a text or the avatar.",
			content = @io.swagger.v3.oas.annotations.media.Content(
					schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = UpdateProfileRequest.class)))
	ProfileViews.OwnProfileView update(Caller caller, @RequestBody JsonNode body) {
		if (!body.isObject()) {
			throw ApiProblem.badRequest("Send a JSON object with the fields to change.");
		}
		// a field of the wrong type or with refused text answers 400 naming it (the platform's StrictJson)
		UpdateProfileRequest request = json.convertValue(body, UpdateProfileRequest.class);
		Set<ConstraintViolation<UpdateProfileRequest>> violations = validator.validate(request);
		if (!violations.isEmpty()) {
			throw new ConstraintViolationException(violations);
		}
		Long avatar = mediaId(request.avatarMediaId());
		// forms send the avatar they show: only a new one is claimed, so other edits need no media-service
		boolean claimed = avatar != null && !avatar.equals(own(caller).avatarMediaId());
		if (claimed) {
			// before the transaction: no row lock is held across the call to media-service
			avatars.claim(caller.id(), avatar);
		}
		return views.own(management.update(caller.id(), current -> new ProfileManagement.Changes(
				merge(body, "fullName", request.fullName(), current.fullName()),
				merge(body, "bio", request.bio(), current.bio()),
				merge(body, "website", request.website(), current.website()),
				body.has("avatarMediaId") ? unclaimedStillCurrent(avatar, claimed, current) : current.avatarMediaId(),
				request.isPrivate() == null ? current.isPrivate() : request.isPrivate(),
				request.accountType() == null ? current.accountType() : request.accountType())));
	}

	private Profile own(Caller caller) {
		// the profile is created from UserRegistered moments after sign-up
		return profiles.findById(caller.id())
			.orElseThrow(() -> ApiProblem.notFound("Your profile is not ready yet. Try again in a moment."));
	}

	/** An avatar left unclaimed because it was the current one must still be (a concurrent edit may have changed it). */
	private static Long unclaimedStillCurrent(Long avatar, boolean claimed, Profile current) {
		if (avatar != null && !claimed && !avatar.equals(current.avatarMediaId())) {
			throw ApiProblem.conflict("Your avatar changed meanwhile. Try again.");
		}
		return avatar;
	}

	/** null or blank removes the avatar. */
	private static Long mediaId(String id) {
		if (id == null || id.isBlank()) {
			return null;
		}
		return Ids.inBody("avatarMediaId", id, "media");
	}

	private static String merge(JsonNode body, String field, String requested, String current) {
		if (!body.has(field)) {
			return current;
		}
		return requested == null || requested.isBlank() ? null : requested.strip();
	}

	/** The fields that may change; which were sent is read from the JSON itself. */
	record UpdateProfileRequest(@Size(max = 64) String fullName, @Size(max = 150) String bio,
			@Size(max = 200) @Pattern(regexp = "^https?://[^\\s/$.?#][^\\s]*$", message = "must be an http or https URL") String website,
			String avatarMediaId, @JsonProperty("private") Boolean isPrivate, Profile.AccountType accountType) {
	}
}
