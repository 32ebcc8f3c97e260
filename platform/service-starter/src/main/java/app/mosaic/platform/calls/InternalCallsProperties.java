package app.mosaic.platform.calls;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Keycloak client a service calls other services' {@code /internal/**} endpoints with (client-credentials
 * grant; its tokens carry the {@code mosaic.internal} scope).
 *
 * @param clientId the service's own client, {@code mosaic-<name>}; calls carry no token when unset
 * @param clientSecret its secret
 * @param tokenUri Keycloak's token endpoint of the realm
 */
@ConfigurationProperties(prefix = "mosaic.internal-calls")
public record InternalCallsProperties(String clientId, String clientSecret, String tokenUri) {
}
