package app.mosaic.gateway;

import java.time.Duration;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import reactor.core.publisher.Mono;

import app.mosaic.platform.requests.HeaderText;

/**
 * The first check of every request: a valid Keycloak JWT (validated against the realm's JWKS) everywhere
 * but the public auth endpoints, signed image URLs, health and API docs. Services check the token again.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String CHAT_SOCKET = "/ws/chat";

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
		// a token in the header, or in the query for browsers' EventSource, which cannot set headers
		BearerTokenConverter tokens = new BearerTokenConverter();
		// the chat socket checks its token itself and closes with 4401, a code browsers can read: a handshake
		// refused here would reach their scripts as a bare 1006
		ServerAuthenticationConverter bearer = exchange -> CHAT_SOCKET.equals(exchange.getRequest().getPath().value()) ? Mono.empty()
				: tokens.convert(exchange);
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.cors(ServerHttpSecurity.CorsSpec::disable) // ProblemCorsWebFilter, with problem+json refusals
			// what browsers enforce: nothing but this origin's own scripts, styles and images (the Swagger UI
			// needs its inline styles), no framing; HSTS is sent on HTTPS requests (behind a TLS ingress)
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.NO_REFERRER))
				.hsts(hsts -> hsts.maxAge(Duration.ofDays(365)).includeSubdomains(true)))
			// stateless: the default repository and request cache create a web session per request, and the
			// session store hops to two other thread pools to do so (measured: a fifth of the gateway's CPU)
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.authorizeExchange(auth -> auth
				.pathMatchers(HttpMethod.OPTIONS).permitAll()
				.pathMatchers(HttpMethod.POST, "/api/v1/auth/register", "/api/v1/auth/token", "/api/v1/auth/token/refresh",
						"/api/v1/auth/password/forgot")
				.permitAll()
				// image bytes: <img src> sends no token; media-service checks the URL's signature instead
				.pathMatchers(HttpMethod.GET, "/api/v1/media/*/*")
				.permitAll()
				.pathMatchers(HttpMethod.HEAD, "/api/v1/media/*/*")
				.permitAll()
				.pathMatchers(CHAT_SOCKET)
				.permitAll()
				// the web app's files and pages (WebApp); whatever else is under no API prefix answers 404
				.matchers(exchange -> WebApp.isPublicAsset(exchange.getRequest().getMethod().name(), exchange.getRequest().getPath().value())
						? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch())
				.permitAll()
				.pathMatchers("/actuator/health/**", "/actuator/prometheus", "/actuator/info", "/swagger-ui.html",
						"/swagger-ui/**", "/v3/api-docs/**", "/webjars/**", "/fallback/**")
				.permitAll()
				.anyExchange().authenticated())
			.oauth2ResourceServer(oauth -> oauth.jwt(Customizer.withDefaults())
				.bearerTokenConverter(bearer)
				.authenticationEntryPoint((exchange, ex) -> GatewayProblems.write(exchange.getResponse(),
						HttpStatus.UNAUTHORIZED, "A valid access token is required: send Authorization: Bearer <token>.", null)))
			.exceptionHandling(e -> e.authenticationEntryPoint((exchange, ex) -> GatewayProblems.write(exchange.getResponse(),
					HttpStatus.UNAUTHORIZED, "A valid access token is required: send Authorization: Bearer <token>.", null)))
			.build();
	}

	/**
	 * Spring Security's own observations off, so the web filter chain is not wrapped filter by filter to make them
	 * (switching them off in management.observations.enable leaves the wrappers); http.server.requests stays.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * Spring Security's strict firewall, with its header and parameter name checks done without its regular
	 * expressions ({@link HeaderText}): the same rules, at a fraction of the cost on every header of every request.
	 */
	@Bean
	ServerWebExchangeFirewall exchangeFirewall() {
		StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
		firewall.setAllowedHeaderNames(HeaderText::isAllowedName);
		firewall.setAllowedHeaderValues(HeaderText::isAllowedValue);
		firewall.setAllowedParameterNames(HeaderText::isAllowedName);
		return firewall;
	}

	/** What the firewall refuses (encoded NUL, slash or dots in a path...) answers problem+json like the rest. */
	@Bean
	ServerExchangeRejectedHandler exchangeRejectedHandler() {
		return (exchange, rejected) -> GatewayProblems.write(exchange.getResponse(), HttpStatus.BAD_REQUEST,
				"The request's address is not allowed: encoded NUL, slash, dots or other control characters.", null);
	}

	@Bean
	ProblemCorsWebFilter corsWebFilter(CorsConfigurationSource source) {
		return new ProblemCorsWebFilter(source);
	}

	@Bean
	CorsConfigurationSource corsConfigurationSource(GatewayProperties properties) {
		CorsConfiguration cors = new CorsConfiguration();
		cors.setAllowedOriginPatterns(properties.corsOrigins());
		cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
		cors.setAllowedHeaders(List.of("*"));
		// a web app on an allowed origin sends the httpOnly session cookie to /api/v1/auth (auth-service's BrowserSession)
		cors.setAllowCredentials(true);
		cors.setExposedHeaders(List.of(CorrelationIdFilter.HEADER, "Retry-After", "Location", "ETag"));
		cors.setMaxAge(3600L);
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/**", cors);
		return source;
	}
}
