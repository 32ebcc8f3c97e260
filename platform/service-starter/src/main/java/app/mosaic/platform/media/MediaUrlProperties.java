package app.mosaic.platform.media;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How signed media URLs are built. Every service that puts image URLs in its answers signs them with the
 * same key, so the media service can serve the bytes without a bearer token.
 *
 * @param baseUrl the public origin clients reach the gateway at, such as {@code https://mosaic.example}
 * @param signingKey the HMAC key, at least 32 characters, from the environment in production
 * @param lifetime how long a URL stays valid at least
 * @param granularity expiries are rounded up to this step so URLs stay identical (and cacheable) within it
 */
@ConfigurationProperties(prefix = "mosaic.media-urls")
public record MediaUrlProperties(String baseUrl, String signingKey, Duration lifetime, Duration granularity) {

	public MediaUrlProperties {
		if (signingKey == null || signingKey.isBlank()) {
			// no default outside the local run: a key everyone can read signs links anyone can forge
			throw new IllegalArgumentException("Set MEDIA_URL_SIGNING_KEY (mosaic.media-urls.signing-key): the secret that "
					+ "signs image URLs, at least 32 characters, the same in every service");
		}
		if (signingKey.length() < 32) {
			throw new IllegalArgumentException("MEDIA_URL_SIGNING_KEY (mosaic.media-urls.signing-key) must be at least 32 characters");
		}
		baseUrl = baseUrl == null ? "" : baseUrl.replaceAll("/+$", "");
		lifetime = lifetime == null ? Duration.ofHours(6) : lifetime;
		granularity = granularity == null ? Duration.ofHours(1) : granularity;
	}
}
