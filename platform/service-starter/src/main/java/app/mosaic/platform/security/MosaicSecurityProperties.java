package app.mosaic.platform.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which paths a service answers without a token (health, metrics and API docs always are), and how long a
 * deleted account's tokens stay refused.
 *
 * @param publicPaths Ant-style patterns anyone may call, such as {@code /api/v1/auth/register}
 * @param revocationWindow longer than any access token lives (Keycloak's are 5 minutes)
 */
@ConfigurationProperties(prefix = "mosaic.security")
public record MosaicSecurityProperties(List<String> publicPaths, Duration revocationWindow) {

	public MosaicSecurityProperties {
		publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
		revocationWindow = revocationWindow == null ? Duration.ofMinutes(30) : revocationWindow;
	}
}
