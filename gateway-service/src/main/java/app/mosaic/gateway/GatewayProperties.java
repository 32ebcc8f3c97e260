package app.mosaic.gateway;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The gateway's own limits; routes, CORS, timeouts and circuit breakers are YAML under spring.cloud.gateway.
 *
 * @param corsOrigins browser origins allowed to call the API
 * @param authPerIp requests per minute one client address may make to /api/v1/auth/** (generous: many
 *     people share an address)
 * @param perUser requests per minute one signed-in user (or, without a token, one address) may make elsewhere
 * @param failedSignInsPerLogin failed sign-ins for one login from one address within {@code failedSignInWindow}
 *     before 429: a guesser is stopped, the owner signing in from elsewhere is not
 * @param failedSignInsPerLoginAllAddresses failed sign-ins for one login from all addresses together before 429
 *     (higher; Keycloak's own brute-force detection counts per account behind it, whatever the login's spelling)
 * @param maxRequestSize the largest request body a route accepts unless its metadata says max-request-size
 * @param failedSignInsPerIp failed sign-ins from one address within the window before 429
 * @param trustedProxies addresses or CIDR ranges of the proxies in front of the gateway, whose
 *     X-Forwarded-For is believed; empty: the socket's address is the client's
 */
@ConfigurationProperties(prefix = "mosaic.gateway")
public record GatewayProperties(List<String> corsOrigins, DataSize maxRequestSize, int authPerIp, int perUser, int failedSignInsPerLogin,
		int failedSignInsPerLoginAllAddresses, int failedSignInsPerIp, Duration failedSignInWindow, List<String> trustedProxies) {

	public GatewayProperties {
		trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
	}
}
