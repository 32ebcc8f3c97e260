package app.mosaic.testkit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Makes the service under test trust {@link TestJwts}' key and issuer instead of Keycloak's, whether it is a
 * servlet service (JwtDecoder) or the reactive gateway (ReactiveJwtDecoder).
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestSecurityConfiguration {

	private static final OAuth2TokenValidator<Jwt> VALIDATOR = JwtValidators.createDefaultWithIssuer(TestJwts.ISSUER);

	@Bean
	JwtDecoder testJwtDecoder() {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(TestJwts.publicKey()).build();
		decoder.setJwtValidator(VALIDATOR);
		return decoder;
	}

	/** Only where Reactor is on the classpath: servlet services have none. */
	@TestConfiguration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "reactor.core.publisher.Mono")
	static class Reactive {

		@Bean
		ReactiveJwtDecoder testReactiveJwtDecoder() {
			NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withPublicKey(TestJwts.publicKey()).build();
			decoder.setJwtValidator(VALIDATOR);
			return decoder;
		}
	}
}
