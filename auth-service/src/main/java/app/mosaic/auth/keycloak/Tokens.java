package app.mosaic.auth.keycloak;

/** A user's tokens as Keycloak issued them. */
public record Tokens(String accessToken, String refreshToken, long expiresIn, long refreshExpiresIn) {
}
