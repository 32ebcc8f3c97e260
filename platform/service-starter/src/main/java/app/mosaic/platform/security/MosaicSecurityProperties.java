package app.mosaic.platform.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which paths a service answers without a token (health, metrics and API docs always are).
 *
 * @param publicPaths Ant-style patterns anyone may call, such as {@code /api/v1/auth/register}
 */
@ConfigurationProperties(prefix = "mosaic.security")
public record MosaicSecurityProperties(List<String> publicPaths) {

	public MosaicSecurityProperties {
		publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
	}
}
