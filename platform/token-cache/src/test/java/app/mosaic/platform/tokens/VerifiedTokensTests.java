package app.mosaic.platform.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import reactor.core.publisher.Mono;

class VerifiedTokensTests {

	private Instant now = Instant.parse("2026-11-22T10:00:00Z");
	private final Clock clock = new Clock() {
		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}
	};
	private final VerifiedTokens tokens = new VerifiedTokens(100, Duration.ofMinutes(5), clock, () -> now.toEpochMilli() * 1_000_000);

	@Test
	void aVerifiedTokenIsFoundUntilItExpires() {
		Jwt jwt = jwt(now, now.plusSeconds(120));
		tokens.remember("token-a", jwt);
		assertThat(tokens.find("token-a")).isSameAs(jwt);
		assertThat(tokens.find("token-b")).isNull();

		now = now.plusSeconds(119);
		assertThat(tokens.find("token-a")).isSameAs(jwt);
		now = now.plusSeconds(1);
		assertThat(tokens.find("token-a")).isNull();
	}

	@Test
	void aLongLivedTokenIsVerifiedAgainAfterTheMaximumAge() {
		// issued a minute before it was verified: the age counts from the verification
		tokens.remember("long", jwt(now.minusSeconds(60), now.plus(Duration.ofHours(10))));
		now = now.plus(Duration.ofMinutes(5).minusSeconds(1));
		assertThat(tokens.find("long")).isNotNull();
		now = now.plusSeconds(1);
		assertThat(tokens.find("long")).isNull();
	}

	@Test
	void anAlreadyExpiredTokenIsNotRemembered() {
		// accepted within the decoder's clock skew, but never served from the cache
		tokens.remember("late", jwt(now.minusSeconds(600), now.minusSeconds(30)));
		assertThat(tokens.find("late")).isNull();
		assertThat(tokens.cache().estimatedSize()).isZero();
	}

	@Test
	void theDecoderVerifiesOnceAndNeverRemembersARefusal() {
		AtomicInteger verifications = new AtomicInteger();
		Jwt jwt = jwt(now, now.plusSeconds(300));
		JwtDecoder verifier = token -> {
			verifications.incrementAndGet();
			if (token.equals("forged")) {
				throw new BadJwtException("bad signature");
			}
			return jwt;
		};
		CachingJwtDecoder decoder = new CachingJwtDecoder(verifier, tokens);
		assertThat(decoder.decode("good")).isSameAs(jwt);
		assertThat(decoder.decode("good")).isSameAs(jwt);
		assertThat(verifications).hasValue(1);

		assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
		assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
		assertThat(verifications).hasValue(3);
	}

	@Test
	void theReactiveDecoderVerifiesOnce() {
		AtomicInteger verifications = new AtomicInteger();
		Jwt jwt = jwt(now, now.plusSeconds(300));
		CachingReactiveJwtDecoder decoder = new CachingReactiveJwtDecoder(
				token -> Mono.fromSupplier(() -> { verifications.incrementAndGet(); return jwt; }), tokens);
		assertThat(decoder.decode("good").block()).isSameAs(jwt);
		assertThat(decoder.decode("good").block()).isSameAs(jwt);
		assertThat(verifications).hasValue(1);
	}

	private static Jwt jwt(Instant issued, Instant expires) {
		return Jwt.withTokenValue("t").header("alg", "RS256").subject("someone").issuedAt(issued).expiresAt(expires).build();
	}
}
