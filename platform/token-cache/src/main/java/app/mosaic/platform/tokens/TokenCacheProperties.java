package app.mosaic.platform.tokens;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled whether verified tokens are remembered at all
 * @param maximumSize how many tokens are remembered (about 1 KB each)
 * @param maxAge the longest a token is trusted without verifying it again, whatever its expiry
 */
@ConfigurationProperties("mosaic.tokens.cache")
public record TokenCacheProperties(@DefaultValue("true") boolean enabled, @DefaultValue("10000") long maximumSize,
		@DefaultValue("5m") Duration maxAge) {
}
