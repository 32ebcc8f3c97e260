package app.mosaic.platform.security;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import app.mosaic.platform.events.EventConsumer;
import app.mosaic.platform.requests.HeaderText;
import app.mosaic.platform.web.Problems;

/**
 * Every service is a stateless OAuth2 resource server: it validates the JWT again behind the gateway,
 * and the caller's id is the token's subject. {@code /internal/**} needs a service token.
 */
@AutoConfiguration
@EnableConfigurationProperties(MosaicSecurityProperties.class)
public class SecurityAutoConfiguration {

	/** The scope Keycloak puts in service-account tokens; user tokens never carry it. */
	public static final String INTERNAL_SCOPE = "mosaic.internal";

	private static final String[] ALWAYS_PUBLIC = { "/actuator/health/**", "/actuator/prometheus", "/actuator/info",
			"/v3/api-docs/**", "/error" };

	@Bean
	@ConditionalOnMissingBean(SecurityFilterChain.class)
	SecurityFilterChain mosaicSecurityFilterChain(HttpSecurity http, MosaicSecurityProperties properties,
			RevokedSubjects revoked) throws Exception {
		ProblemAuthenticationHandlers problems = new ProblemAuthenticationHandlers();
		JwtAuthenticationConverter scopes = new JwtAuthenticationConverter();
		http.csrf(csrf -> csrf.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests(auth -> auth.requestMatchers(ALWAYS_PUBLIC).permitAll()
				// service-to-service calls; the gateway does not route /internal, and a user token is refused here too
				.requestMatchers("/internal/**").hasAuthority("SCOPE_" + INTERNAL_SCOPE)
				.requestMatchers(properties.publicPaths().toArray(String[]::new)).permitAll()
				.anyRequest().authenticated())
			.oauth2ResourceServer(oauth -> oauth.jwt(jwt -> jwt.jwtAuthenticationConverter(token -> {
					// a deleted account's token is refused at once, though it has not expired yet
					if (revoked.isRevoked(token)) {
						throw new InvalidBearerTokenException("The account of this token was deleted.");
					}
					return scopes.convert(token);
				}))
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
			.exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
		return http.build();
	}

	/**
	 * Spring Security's own observations off, and so the filter chain no longer wrapped filter by filter to make
	 * them (a switch in management.observations.enable only turns the observations into no-ops inside the
	 * wrappers). The request's own http.server.requests observation stays.
	 */
	@Bean
	@ConditionalOnMissingBean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	/** The bearer header read without Spring Security's regular expression; a service may read tokens its own way. */
	@Bean
	@ConditionalOnMissingBean
	BearerTokenResolver bearerTokenResolver() {
		return new HeaderBearerTokenResolver();
	}

	/**
	 * Spring Security's strict firewall, with its header and parameter name checks done without its regular
	 * expressions ({@link HeaderText}): the same rules, at a fraction of the cost on every header of every request.
	 */
	@Bean
	@ConditionalOnMissingBean
	HttpFirewall httpFirewall() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowedHeaderNames(HeaderText::isAllowedName);
		firewall.setAllowedHeaderValues(HeaderText::isAllowedValue);
		firewall.setAllowedParameterNames(HeaderText::isAllowedName);
		return firewall;
	}

	/** What the firewall refuses answers problem+json like every other mistake (the default is a bare 400). */
	@Bean
	@ConditionalOnMissingBean
	RequestRejectedHandler requestRejectedHandler() {
		return (request, response, rejected) -> Problems.write(response, Problems.of(HttpStatus.BAD_REQUEST, "Bad Request",
				"The request holds characters that are not allowed here, such as control characters in a header."));
	}

	@Bean
	RevokedSubjects revokedSubjects(JdbcTemplate jdbc, MosaicSecurityProperties properties, ObjectProvider<Clock> clock) {
		RevokedSubjects revoked = new RevokedSubjects(jdbc, properties.revocationWindow(), clock.getIfAvailable(Clock::systemUTC));
		revoked.refresh(); // a replica that just started refuses what its peers already refuse
		return revoked;
	}

	/** Every service hears every account deletion, in a consumer group of its own. */
	@Bean
	EventConsumer revocations(RevokedSubjects revoked, @Value("${spring.application.name}") String service) {
		return EventConsumer.named(service + ".revocations").topics("identity.events")
			.on("UserDeleted", UserDeleted.class, d -> revoked.revoke(d.userId(), d.deletedAt()))
			.build();
	}

	record UserDeleted(UUID userId, Instant deletedAt) {
	}

	@Bean
	WebMvcConfigurer callerArgumentResolverConfigurer() {
		return new WebMvcConfigurer() {
			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(new CallerArgumentResolver());
			}
		};
	}
}
