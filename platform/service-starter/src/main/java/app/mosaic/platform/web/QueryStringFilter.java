package app.mosaic.platform.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Query parameters follow the same rules as JSON text ({@link Text}): the raw query string is decoded strictly
 * (a broken percent-escape or bytes that are not UTF-8 are refused, not silently replaced), and a NUL or other
 * control character is refused, with 400 naming the parameter, before any controller or query sees it.
 */
class QueryStringFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String query = request.getQueryString();
		if (query != null && !query.isEmpty()) {
			for (String pair : query.split("&")) {
				int eq = pair.indexOf('=');
				String rawName = eq < 0 ? pair : pair.substring(0, eq);
				String name = decode(rawName);
				String problem = name == null ? "is not valid percent-encoded UTF-8" : Text.problem(name);
				String field = name == null || problem != null ? "query" : name;
				if (problem == null && eq >= 0) {
					String value = decode(pair.substring(eq + 1));
					problem = value == null ? "is not valid percent-encoded UTF-8" : Text.problem(value);
				}
				if (problem != null) {
					Problems.write(response, Problems.withFieldErrors(
							Problems.of(HttpStatus.BAD_REQUEST, "Validation failed", "A query parameter is not valid; see errors."),
							java.util.List.of(new Problems.FieldError(field, problem))));
					return;
				}
			}
		}
		chain.doFilter(request, response);
	}

	/** @return the decoded text, or null for a broken escape or bytes that are not UTF-8 */
	static String decode(String raw) {
		byte[] bytes = new byte[raw.length()];
		int n = 0;
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c == '%') {
				if (i + 2 >= raw.length() || !isHex(raw.charAt(i + 1)) || !isHex(raw.charAt(i + 2))) {
					return null;
				}
				bytes[n++] = (byte) HexFormat.fromHexDigits(raw, i + 1, i + 3);
				i += 2;
			}
			else if (c == '+') {
				bytes[n++] = ' ';
			}
			else if (c < 0x80) {
				bytes[n++] = (byte) c;
			}
			else {
				return null; // a raw non-ASCII character in a URL was never percent-encoded
			}
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes, 0, n))
				.toString();
		}
		catch (CharacterCodingException e) {
			return null;
		}
	}

	private static boolean isHex(char c) {
		return Character.digit(c, 16) >= 0;
	}
}
