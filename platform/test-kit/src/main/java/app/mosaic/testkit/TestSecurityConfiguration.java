package app.mosaic.testkit;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** Makes the service trust {@link TestJwts}' key and issuer instead of Keycloak's. */
@TestConfiguration(proxyBeanMethods = false)
public class TestSecurityConfiguration {

	@Bean
	JwtDecoder testJwtDecoder() {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(TestJwts.publicKey()).build();
		decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(TestJwts.ISSUER));
		return decoder;
	}
}
