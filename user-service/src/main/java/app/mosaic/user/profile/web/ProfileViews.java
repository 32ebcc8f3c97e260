package app.mosaic.user.profile.web;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.stereotype.Component;

import app.mosaic.platform.media.MediaUrls;
import app.mosaic.user.profile.Profile;

/** Profiles as the API shows them, with signed avatar URLs. */
@Component
public class ProfileViews {

	private final MediaUrls urls;

	ProfileViews(MediaUrls urls) {
		this.urls = urls;
	}

	public String avatarUrl(Profile p) {
		return p.avatarMediaId() == null ? null : urls.variantUrl(p.avatarMediaId(), "thumb");
	}

	public UserSummary summary(Profile p) {
		return new UserSummary(p.id(), p.username(), p.fullName(), avatarUrl(p));
	}

	OwnProfileView own(Profile p) {
		return new OwnProfileView(p.id(), p.username(), p.fullName(), p.bio(), p.website(), avatarUrl(p),
				p.avatarMediaId() == null ? null : p.avatarMediaId().toString(), p.isPrivate(), p.accountType().name(),
				counts(p), p.email(), p.createdAt());
	}

	public static CountsView counts(Profile p) {
		return new CountsView(p.counts().posts(), p.counts().followers(), p.counts().following());
	}

	/** One person in a list. */
	public record UserSummary(UUID id, String username, String fullName, String avatarUrl) {
	}

	public record CountsView(int posts, int followers, int following) {
	}

	/** What only the owner sees: also the settings (e-mail, privacy, account type). */
	record OwnProfileView(UUID id, String username, String fullName, String bio, String website, String avatarUrl,
			String avatarMediaId, @JsonProperty("private") boolean isPrivate, String accountType, CountsView counts,
			String email, Instant createdAt) {
	}
}
