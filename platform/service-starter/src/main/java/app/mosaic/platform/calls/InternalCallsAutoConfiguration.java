package app.mosaic.platform.calls;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.openfeign.security.OAuth2AccessTokenInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;

import feign.RequestInterceptor;

/**
 * Every OpenFeign client of a service sends the service's own access token, fetched with the
 * client-credentials grant and reused until it expires. Timeouts and the circuit breaker are in the
 * service defaults ({@code spring.cloud.openfeign.*}, {@code resilience4j.*}).
 */
@AutoConfiguration
@EnableConfigurationProperties(InternalCallsProperties.class)
@ConditionalOnExpression("!'${mosaic.internal-calls.client-id:}'.isBlank()")
public class InternalCallsAutoConfiguration {

	static final String REGISTRATION = "mosaic-internal";

	@Bean
	@ConditionalOnMissingBean
	ClientRegistrationRepository internalCallsClientRegistrations(InternalCallsProperties properties) {
		return new InMemoryClientRegistrationRepository(ClientRegistration.withRegistrationId(REGISTRATION)
			.clientId(properties.clientId())
			.clientSecret(properties.clientSecret())
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.tokenUri(properties.tokenUri())
			.build());
	}

	@Bean
	@ConditionalOnMissingBean
	OAuth2AuthorizedClientManager internalCallsClientManager(ClientRegistrationRepository registrations) {
		// not bound to an HTTP request: calls also run from Kafka listeners and schedulers
		return new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations,
				new InMemoryOAuth2AuthorizedClientService(registrations));
	}

	@Bean
	RequestInterceptor internalCallsToken(OAuth2AuthorizedClientManager manager) {
		return new OAuth2AccessTokenInterceptor(REGISTRATION, manager);
	}
}
