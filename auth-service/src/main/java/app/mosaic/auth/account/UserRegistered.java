package app.mosaic.auth.account;

import java.time.Instant;
import java.util.UUID;

/** Published to {@code identity.events} when an account is created. */
public record UserRegistered(UUID userId, String username, String email, String fullName, Instant registeredAt) {
}
