package app.mosaic.platform.web;

import java.text.Normalizer;

/**
 * What text Mosaic accepts anywhere a client sends it (JSON strings, query parameters): valid Unicode, no control
 * characters but newline, carriage return and tab, no NUL (which PostgreSQL refuses) and no noncharacters.
 * Accepted text is stored in Unicode normal form C, so one name has one spelling.
 */
public final class Text {

	private Text() {
	}

	/** @return why the text is refused, or null when it is acceptable */
	public static String problem(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				int cp = Character.toCodePoint(c, text.charAt(++i));
				if ((cp & 0xFFFE) == 0xFFFE) {
					return "must not contain noncharacters";
				}
				continue;
			}
			if (Character.isSurrogate(c)) {
				return "is not valid Unicode";
			}
			if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || (c >= 0x7F && c < 0xA0)) {
				return "must not contain control characters";
			}
			if (c == 0xFFFE || c == 0xFFFF || (c >= 0xFDD0 && c <= 0xFDEF)) {
				return "must not contain noncharacters";
			}
		}
		return null;
	}

	public static String normalize(String text) {
		return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
	}
}
