package app.mosaic.testkit;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/** For reactive services (the gateway): trust {@link TestJwts}' key and issuer instead of Keycloak's. */
@TestConfiguration(proxyBeanMethods = false)
public class TestReactiveSecurityConfiguration {

	@Bean
	ReactiveJwtDecoder testReactiveJwtDecoder() {
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withPublicKey(TestJwts.publicKey()).build();
		decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(TestJwts.ISSUER));
		return decoder;
	}
}
