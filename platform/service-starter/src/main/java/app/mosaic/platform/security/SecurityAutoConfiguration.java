package app.mosaic.platform.security;

import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

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
	SecurityFilterChain mosaicSecurityFilterChain(HttpSecurity http, MosaicSecurityProperties properties) throws Exception {
		ProblemAuthenticationHandlers problems = new ProblemAuthenticationHandlers();
		http.csrf(csrf -> csrf.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests(auth -> auth.requestMatchers(ALWAYS_PUBLIC).permitAll()
				// service-to-service calls; the gateway does not route /internal, and a user token is refused here too
				.requestMatchers("/internal/**").hasAuthority("SCOPE_" + INTERNAL_SCOPE)
				.requestMatchers(properties.publicPaths().toArray(String[]::new)).permitAll()
				.anyRequest().authenticated())
			.oauth2ResourceServer(oauth -> oauth.jwt(Customizer.withDefaults())
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
			.exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
		return http.build();
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
