package app.mosaic.testkit;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Mints JWTs shaped like Keycloak's, signed with a key the service under test trusts (see
 * {@link TestSecurityConfiguration}), so service tests need no Keycloak.
 */
public final class TestJwts {

	public static final String ISSUER = "http://keycloak.test/realms/mosaic";

	private static final KeyPair KEYS = generate();
	/** Signs tokens the service must reject. */
	private static final KeyPair FOREIGN_KEYS = generate();

	private TestJwts() {
	}

	public static String forUser(UUID userId, String username) {
		return mint(userId, username, Instant.now().plus(Duration.ofMinutes(5)), KEYS, Map.of());
	}

	public static String bearer(UUID userId, String username) {
		return "Bearer " + forUser(userId, username);
	}

	public static String expired(UUID userId, String username) {
		return mint(userId, username, Instant.now().minus(Duration.ofMinutes(5)), KEYS, Map.of());
	}

	public static String signedByStranger(UUID userId, String username) {
		return mint(userId, username, Instant.now().plus(Duration.ofMinutes(5)), FOREIGN_KEYS, Map.of());
	}

	public static String withClaims(UUID userId, String username, Map<String, Object> claims) {
		return mint(userId, username, Instant.now().plus(Duration.ofMinutes(5)), KEYS, claims);
	}

	/** A service-account token as Keycloak issues for client credentials: it may call /internal endpoints. */
	public static String forService(String clientId) {
		return withClaims(UUID.nameUUIDFromBytes(clientId.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
				"service-account-" + clientId, Map.of("azp", clientId, "scope", "profile mosaic.internal"));
	}

	public static RSAPublicKey publicKey() {
		return (RSAPublicKey) KEYS.getPublic();
	}

	private static String mint(UUID userId, String username, Instant expiresAt, KeyPair keys, Map<String, Object> extra) {
		Instant issuedAt = expiresAt.minus(Duration.ofMinutes(10));
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER)
			.subject(userId.toString())
			.audience("account")
			.issueTime(java.util.Date.from(issuedAt))
			.expirationTime(java.util.Date.from(expiresAt))
			.jwtID(UUID.randomUUID().toString())
			.claim("preferred_username", username)
			.claim("typ", "Bearer")
			.claim("realm_access", Map.of("roles", List.of("user")));
		extra.forEach(claims::claim);
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test").build(), claims.build());
		try {
			jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
		}
		catch (JOSEException e) {
			throw new IllegalStateException(e);
		}
		return jwt.serialize();
	}

	private static KeyPair generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
