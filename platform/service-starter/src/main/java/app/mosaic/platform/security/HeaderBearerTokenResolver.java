package app.mosaic.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

import app.mosaic.platform.requests.BearerTokens;

/**
 * The token of the {@code Authorization: Bearer} header, as Spring Security's {@code DefaultBearerTokenResolver}
 * finds it (a token also sent as {@code access_token} is refused as two), without its regular expression
 * ({@link BearerTokens}).
 */
public final class HeaderBearerTokenResolver implements BearerTokenResolver {

	private static final String PARAMETER = "access_token";

	@Override
	public String resolve(HttpServletRequest request) {
		String token;
		try {
			token = BearerTokens.fromHeader(request.getHeader(HttpHeaders.AUTHORIZATION));
		}
		catch (BearerTokens.Malformed malformed) {
			throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken(malformed.getMessage()));
		}
		if (token != null && alsoAsParameter(request)) {
			throw new OAuth2AuthenticationException(BearerTokenErrors.invalidRequest("Found multiple bearer tokens in the request"));
		}
		return token;
	}

	private static boolean alsoAsParameter(HttpServletRequest request) {
		if (HttpMethod.GET.matches(request.getMethod())) {
			// looked for in the query string first, so most requests need no parameter parsing
			String query = request.getQueryString();
			return query != null && query.contains(PARAMETER) && request.getParameterValues(PARAMETER) != null;
		}
		return MediaType.APPLICATION_FORM_URLENCODED_VALUE.equals(request.getContentType())
				&& request.getParameterValues(PARAMETER) != null;
	}
}
