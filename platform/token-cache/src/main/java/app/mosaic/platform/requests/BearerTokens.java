package app.mosaic.platform.requests;

/**
 * The token of an {@code Authorization: Bearer} header (RFC 6750's b64token), checked as Spring Security checks
 * it but without its regular expression: matching a JWT of a kilobyte and more with it cost user-service a sixth
 * of its CPU per request (JFR, docs/benchmarks/gateway.md). The servlet resolver and the gateway's converter
 * both read the header with this.
 */
public final class BearerTokens {

	private static final String SCHEME = "Bearer ";

	private BearerTokens() {
	}

	/**
	 * @return the token; null when there is no header or it names another scheme
	 * @throws Malformed for a header that names the bearer scheme but holds no well-formed token
	 */
	public static String fromHeader(String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, "bearer", 0, 6)) {
			return null;
		}
		if (!authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
			throw new Malformed();
		}
		int end = authorization.length();
		while (end > SCHEME.length() && authorization.charAt(end - 1) == '=') {
			end--; // padding, only at the end
		}
		if (end == SCHEME.length()) {
			throw new Malformed();
		}
		for (int i = SCHEME.length(); i < end; i++) {
			if (!isTokenCharacter(authorization.charAt(i))) {
				throw new Malformed();
			}
		}
		return authorization.substring(SCHEME.length());
	}

	private static boolean isTokenCharacter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
				|| c == '_' || c == '~' || c == '+' || c == '/';
	}

	/** A header of the bearer scheme whose token is not one (the caller answers 401 invalid_token). */
	public static final class Malformed extends RuntimeException {

		Malformed() {
			super("Bearer token is malformed", null, false, false);
		}
	}
}
