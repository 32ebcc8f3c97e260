package app.mosaic.gateway;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import app.mosaic.platform.requests.BearerTokens;

/**
 * The rules of Spring Security's {@code ServerBearerTokenAuthenticationConverter} with the URI parameter allowed
 * (a token in the {@code Authorization} header, or as {@code ?access_token=} on a GET, never both), without its
 * regular expression ({@link BearerTokens}), and without parsing the query of requests that do not name the
 * parameter.
 */
final class BearerTokenConverter implements ServerAuthenticationConverter {

	private static final String PARAMETER = "access_token";

	@Override
	public Mono<Authentication> convert(ServerWebExchange exchange) {
		return Mono.fromCallable(() -> token(exchange.getRequest())).map(BearerTokenAuthenticationToken::new);
	}

	private static String token(ServerHttpRequest request) {
		String header;
		try {
			header = BearerTokens.fromHeader(request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
		}
		catch (BearerTokens.Malformed malformed) {
			throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken(malformed.getMessage()));
		}
		String parameter = parameter(request);
		if (header != null) {
			if (parameter != null) {
				throw new OAuth2AuthenticationException(BearerTokenErrors.invalidRequest("Found multiple bearer tokens in the request"));
			}
			return header;
		}
		if (parameter == null || !HttpMethod.GET.equals(request.getMethod())) {
			return null;
		}
		if (parameter.isEmpty()) {
			throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
		}
		return parameter;
	}

	private static String parameter(ServerHttpRequest request) {
		String query = request.getURI().getRawQuery();
		if (query == null || !query.contains(PARAMETER)) {
			return null;
		}
		List<String> values = request.getQueryParams().get(PARAMETER);
		if (values == null || values.isEmpty()) {
			return null;
		}
		if (values.size() > 1) {
			throw new OAuth2AuthenticationException(BearerTokenErrors.invalidRequest("Found multiple bearer tokens in the request"));
		}
		return values.get(0);
	}
}
