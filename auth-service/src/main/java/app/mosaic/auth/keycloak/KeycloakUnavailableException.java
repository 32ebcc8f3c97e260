package app.mosaic.auth.keycloak;

import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

import app.mosaic.platform.web.ApiProblem;

/**
 * Keycloak did not answer, or failed: a 503 with Retry-After for the client, whose text never repeats
 * Keycloak's own; what went wrong is logged.
 */
public class KeycloakUnavailableException extends ApiProblem {

	public KeycloakUnavailableException(String reason, Throwable cause) {
		super(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable", "Accounts are unavailable right now. Try again shortly.", 5L);
		initCause(cause);
		LoggerFactory.getLogger(KeycloakUnavailableException.class).warn("Keycloak unavailable: {}", reason);
	}
}
