package app.mosaic.user.profile;

import java.time.Instant;
import java.util.UUID;

/** A person's public face in Mosaic. The id is their Keycloak subject. */
public record Profile(UUID id, String username, String email, String fullName, String bio, String website,
		Long avatarMediaId, boolean isPrivate, AccountType accountType, Counts counts, Instant createdAt,
		Instant updatedAt) {

	public enum AccountType {
		PERSONAL, CREATOR, BUSINESS
	}

	public record Counts(int posts, int followers, int following) {
	}
}
