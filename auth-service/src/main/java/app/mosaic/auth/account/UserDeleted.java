package app.mosaic.auth.account;

import java.time.Instant;
import java.util.UUID;

/** Published to {@code identity.events} when an account is deleted: every service erases the user's data. */
public record UserDeleted(UUID userId, String username, Instant deletedAt) {
}
