package app.mosaic.platform.security;

import java.util.UUID;

/**
 * The signed-in user a request acts for: Keycloak's subject and username, taken from the validated JWT.
 * Declare it as a controller parameter to receive it.
 */
public record Caller(UUID id, String username) {
}
