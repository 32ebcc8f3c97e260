package app.mosaic.platform.requests;

/**
 * What Spring Security's strict firewalls allow in header names and values and in parameter names, checked
 * without their regular expressions ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}, tabs also allowed in values),
 * which ran for every header of every request (5 % of user-service's CPU, JFR). Same rule: every code point
 * assigned in Unicode and no control character.
 */
public final class HeaderText {

	private HeaderText() {
	}

	/** For header names and parameter names. */
	public static boolean isAllowedName(String text) {
		return isAllowed(text, false);
	}

	/** For header values, which may also hold tabs. */
	public static boolean isAllowedValue(String text) {
		return isAllowed(text, true);
	}

	/** A header that is not there (null, as the reactive firewall asks about it) has nothing to refuse. */
	private static boolean isAllowed(String text, boolean tab) {
		if (text == null) {
			return true;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= 0x20 && c < 0x7f) {
				continue; // printable ASCII, nearly every character there is
			}
			int codePoint = text.codePointAt(i);
			if (Character.charCount(codePoint) == 2) {
				i++;
			}
			if (Character.getType(codePoint) == Character.UNASSIGNED
					|| (Character.getType(codePoint) == Character.CONTROL && !(tab && codePoint == '\t'))) {
				return false;
			}
		}
		return true;
	}
}
