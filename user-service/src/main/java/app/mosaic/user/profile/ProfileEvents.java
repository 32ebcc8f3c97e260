package app.mosaic.user.profile;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import app.mosaic.platform.events.EventTopic;
import app.mosaic.platform.events.EventType;

/** What user-service publishes on {@code user.events}, keyed by the profile's id. */
@EventTopic(ProfileEvents.TOPIC)
final class ProfileEvents {

	static final String TOPIC = "user.events";

	private ProfileEvents() {
	}

	/** What other services copy: name, avatar and privacy (feeds drop a now-private account's posts). */
	@EventType("ProfileUpdated")
	record ProfileUpdated(UUID userId, String username, String fullName, String avatarMediaId,
			@JsonProperty("private") boolean isPrivate, String accountType, Instant updatedAt) {
	}
}
