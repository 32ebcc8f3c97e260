package app.mosaic.platform.tokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Tokens whose signature and claims were already verified, remembered until they expire (and at most
 * {@code maxAge}, so a key removed from the issuer's JWKS stops being trusted soon after). Verifying an RSA
 * signature on every request is the largest single cost of a read; a client sends the same token for its
 * whole lifetime. Keys are SHA-256 digests, so the cache holds no usable token. What is refused is never
 * remembered, and per-request checks that can change during a token's life (a deleted account) stay with
 * the caller of the decoder.
 */
public final class VerifiedTokens {

	private final Cache<String, Verified> verified;
	private final Duration maxAge;
	private final Clock clock;

	public VerifiedTokens(long maximumSize, Duration maxAge) {
		this(maximumSize, maxAge, Clock.systemUTC(), Ticker.systemTicker());
	}

	VerifiedTokens(long maximumSize, Duration maxAge, Clock clock, Ticker ticker) {
		this.maxAge = maxAge;
		this.clock = clock;
		this.verified = Caffeine.newBuilder()
			.maximumSize(maximumSize)
			.expireAfter(Expiry.<String, Verified>creating((key, entry) -> Duration.between(clock.instant(), entry.until())))
			.ticker(ticker)
			.recordStats()
			.build();
	}

	/** The verified token, or null when it must be verified (again). */
	public Jwt find(String token) {
		String key = key(token);
		Verified entry = verified.getIfPresent(key);
		if (entry != null && !clock.instant().isBefore(entry.until())) {
			verified.invalidate(key); // the cache's own timer may lag the wall clock
			return null;
		}
		return entry == null ? null : entry.jwt();
	}

	/** Remembers a token its decoder has just verified, until it expires or {@code maxAge} from now. */
	public void remember(String token, Jwt jwt) {
		Instant now = clock.instant();
		Instant until = now.plus(maxAge);
		if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isBefore(until)) {
			until = jwt.getExpiresAt();
		}
		if (until.isAfter(now)) {
			verified.put(key(token), new Verified(jwt, until));
		}
	}

	Cache<String, Verified> cache() {
		return verified;
	}

	record Verified(Jwt jwt, Instant until) {
	}

	private static String key(String token) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
			return Base64.getEncoder().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every JDK has SHA-256", e);
		}
	}
}
