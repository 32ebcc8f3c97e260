package app.mosaic.auth.account.web;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

import app.mosaic.auth.account.web.AuthController.TokenView;
import app.mosaic.auth.keycloak.Tokens;
import app.mosaic.platform.web.ApiProblem;

/**
 * A browser's sign-in: the access token in the answer (the web app keeps it in memory) and the refresh token in
 * an httpOnly, SameSite=Strict cookie scoped to /api/v1/auth, which no script can read and no other site can send,
 * so a reload stays signed in and an injected script cannot take the session away.
 */
final class BrowserSession {

	static final String COOKIE = "mosaic_refresh";
	/** The header a browser client sends to sign in this way. */
	static final String HEADER = "X-Mosaic-Session";
	private static final String PATH = "/api/v1/auth";

	private BrowserSession() {
	}

	static boolean wanted(String session) {
		if (session == null || session.isBlank()) {
			return false;
		}
		if (!session.equals("cookie")) {
			throw ApiProblem.badRequest(HEADER + " must be \"cookie\" (or absent for tokens in the body)");
		}
		return true;
	}

	static String required(String cookie) {
		if (cookie == null || cookie.isBlank()) {
			throw ApiProblem.badRequest("refreshToken is required: in the body, or as the browser session's cookie");
		}
		return cookie;
	}

	static TokenView keep(Tokens tokens, HttpServletRequest request, HttpServletResponse response) {
		response.addHeader(HttpHeaders.SET_COOKIE, cookie(tokens.refreshToken(), Duration.ofSeconds(tokens.refreshExpiresIn()), request).toString());
		return TokenView.of(tokens).withoutRefreshToken();
	}

	static void end(HttpServletRequest request, HttpServletResponse response) {
		response.addHeader(HttpHeaders.SET_COOKIE, cookie("", Duration.ZERO, request).toString());
	}

	private static ResponseCookie cookie(String value, Duration maxAge, HttpServletRequest request) {
		// Secure wherever the browser came over HTTPS (the ingress says so); plain http://localhost stays usable
		boolean secure = request.isSecure() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
		return ResponseCookie.from(COOKIE, value).httpOnly(true).secure(secure).sameSite("Strict").path(PATH).maxAge(maxAge).build();
	}
}
