package app.mosaic.platform.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The checks without regular expressions decide as the expressions they replace do. */
class RequestChecksTests {

	/** Spring Security's DefaultBearerTokenResolver and ServerBearerTokenAuthenticationConverter. */
	static final Pattern SPRING_BEARER = Pattern.compile("^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$", Pattern.CASE_INSENSITIVE);

	/** StrictHttpFirewall's and StrictServerWebExchangeFirewall's. */
	static final Pattern SPRING_NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
	static final Pattern SPRING_VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

	@Test
	void readsTheTokenOfABearerHeaderAsSpringSecurityDoes() {
		assertThat(BearerTokens.fromHeader("Bearer eyJ.a-b_c~d+e/f==")).isEqualTo("eyJ.a-b_c~d+e/f==");
		assertThat(BearerTokens.fromHeader("bearer abc")).isEqualTo("abc");
		assertThat(BearerTokens.fromHeader(null)).isNull();
		assertThat(BearerTokens.fromHeader("Basic YTpi")).isNull();
		for (String malformed : List.of("Bearer", "Bearer ", "Bearer  abc", "Bearer a=b", "Bearer ===", "Bearer abc\n",
				"Bearer a b", "Bearertoken", "Bearer é", "Bearer abc;")) {
			assertThatThrownBy(() -> BearerTokens.fromHeader(malformed)).as(malformed).isInstanceOf(BearerTokens.Malformed.class);
		}
	}

	@Test
	void agreesWithSpringSecuritysExpressionOnRandomHeaders() {
		Random random = new Random(42);
		String alphabet = "aZ09-._~+/= \t\néBbEeAaRr;";
		for (int n = 0; n < 20_000; n++) {
			StringBuilder header = new StringBuilder(random.nextBoolean() ? "Bearer " : random.nextBoolean() ? "bEaReR" : "");
			for (int i = random.nextInt(12); i > 0; i--) {
				header.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			String text = header.toString();
			String expected = springBearer(text);
			if ("malformed".equals(expected)) {
				assertThatThrownBy(() -> BearerTokens.fromHeader(text)).as(text).isInstanceOf(BearerTokens.Malformed.class);
			}
			else {
				assertThat(BearerTokens.fromHeader(text)).as(text).isEqualTo(expected);
			}
		}
	}

	@Test
	void allowsInHeadersWhatSpringSecuritysFirewallsAllow() {
		List<String> samples = new ArrayList<>(List.of("", "application/json", "Mozilla/5.0 (X11; Linux x86_64)", "a\tb",
				"naïve ☃ 📷", "a\u0000b", "a\rb", "a\nb", "\u007f", "\u0085", "\u0378", "\ud83d", "\udcf7x", "\uffff", "\u00a0"));
		Random random = new Random(7);
		for (int n = 0; n < 20_000; n++) {
			StringBuilder text = new StringBuilder();
			for (int i = random.nextInt(6); i > 0; i--) {
				text.append((char) (random.nextBoolean() ? random.nextInt(0x100) : random.nextInt(0x10000)));
			}
			samples.add(text.toString());
		}
		assertThat(HeaderText.isAllowedName(null)).as("no header").isTrue();
		assertThat(HeaderText.isAllowedValue(null)).as("no header").isTrue();
		for (String text : samples) {
			assertThat(HeaderText.isAllowedName(text)).as(text).isEqualTo(SPRING_NAME.matcher(text).matches());
			assertThat(HeaderText.isAllowedValue(text)).as(text).isEqualTo(SPRING_VALUE.matcher(text).matches());
		}
	}

	private static String springBearer(String header) {
		if (!header.regionMatches(true, 0, "bearer", 0, 6)) {
			return null;
		}
		var matcher = SPRING_BEARER.matcher(header);
		return matcher.matches() ? matcher.group("token") : "malformed";
	}
}
