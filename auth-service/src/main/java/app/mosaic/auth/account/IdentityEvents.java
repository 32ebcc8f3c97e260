package app.mosaic.auth.account;

import java.time.Instant;
import java.util.UUID;

import app.mosaic.platform.events.EventTopic;
import app.mosaic.platform.events.EventType;

/** What auth-service publishes on {@code identity.events}, keyed by the account's id. */
@EventTopic(IdentityEvents.TOPIC)
final class IdentityEvents {

	static final String TOPIC = "identity.events";

	private IdentityEvents() {
	}

	/** An account was created. */
	@EventType("UserRegistered")
	record UserRegistered(UUID userId, String username, String email, String fullName, Instant registeredAt) {
	}

	/** An account was deleted: every service erases the user's data. */
	@EventType("UserDeleted")
	record UserDeleted(UUID userId, String username, Instant deletedAt) {
	}
}
