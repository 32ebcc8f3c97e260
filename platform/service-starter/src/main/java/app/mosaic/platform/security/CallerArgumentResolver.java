package app.mosaic.platform.security;

import java.util.UUID;

import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import app.mosaic.platform.web.ApiProblem;

/** Resolves {@link Caller} parameters from the JWT that the resource server validated. */
class CallerArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == Caller.class;
	}

	@Override
	public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof Jwt jwt)) {
			throw ApiProblem.unauthorized("Sign in first.");
		}
		try {
			return new Caller(UUID.fromString(jwt.getSubject()), jwt.getClaimAsString("preferred_username"));
		}
		catch (IllegalArgumentException | NullPointerException e) {
			throw ApiProblem.unauthorized("The token does not name a user.");
		}
	}
}
