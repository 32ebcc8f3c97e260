package app.mosaic.platform.tokens;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/** The gateway's decoder that verifies each token once per lifetime. */
public final class CachingReactiveJwtDecoder implements ReactiveJwtDecoder {

	private final ReactiveJwtDecoder verifier;
	private final VerifiedTokens tokens;

	public CachingReactiveJwtDecoder(ReactiveJwtDecoder verifier, VerifiedTokens tokens) {
		this.verifier = verifier;
		this.tokens = tokens;
	}

	@Override
	public Mono<Jwt> decode(String token) {
		Jwt jwt = tokens.find(token);
		return jwt != null ? Mono.just(jwt) : verifier.decode(token).doOnNext(verified -> tokens.remember(token, verified));
	}
}
