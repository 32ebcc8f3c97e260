package app.mosaic.platform.tokens;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** A servlet service's decoder that verifies each token once per lifetime. */
public final class CachingJwtDecoder implements JwtDecoder {

	private final JwtDecoder verifier;
	private final VerifiedTokens tokens;

	public CachingJwtDecoder(JwtDecoder verifier, VerifiedTokens tokens) {
		this.verifier = verifier;
		this.tokens = tokens;
	}

	@Override
	public Jwt decode(String token) {
		Jwt jwt = tokens.find(token);
		if (jwt == null) {
			jwt = verifier.decode(token);
			tokens.remember(token, jwt);
		}
		return jwt;
	}
}
