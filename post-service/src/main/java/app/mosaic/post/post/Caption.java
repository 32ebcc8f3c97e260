package app.mosaic.post.post;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import app.mosaic.platform.web.ApiProblem;

/**
 * Text people write (captions and comments) with the hashtags and mentions in it. A hashtag is {@code #} then
 * Unicode letters, digits and underscores, at least one of them not a digit, compared in lower case. A mention
 * is {@code @} then a username; neither counts when glued to a word before it, so {@code ana@example.com} and
 * {@code a#b} are plain text. Length is counted in code points, so an emoji counts once.
 */
public record Caption(String text, List<String> hashtags, List<String> mentionedUsernames) {

	public static final int MAX_LENGTH = 2_200;
	public static final int MAX_HASHTAGS = 30;
	static final int MAX_TAG_LENGTH = 100;
	private static final int MAX_USERNAME = 30;

	public Caption {
		hashtags = List.copyOf(hashtags);
		mentionedUsernames = List.copyOf(mentionedUsernames);
	}

	/** A caption (may be empty); refuses one that is too long or has more than 30 distinct hashtags. */
	public static Caption of(String text) {
		Caption caption = parse(text == null ? "" : text.strip(), "caption");
		if (caption.hashtags().size() > MAX_HASHTAGS) {
			throw ApiProblem.badRequest("caption: at most " + MAX_HASHTAGS + " hashtags, as on Instagram; this one has "
					+ caption.hashtags().size() + ".");
		}
		return caption;
	}

	/** A comment's text: 1 to 2 200 characters. */
	public static Caption comment(String text) {
		String stripped = text == null ? "" : text.strip();
		if (stripped.isEmpty()) {
			throw ApiProblem.badRequest("text: write something.");
		}
		return parse(stripped, "text");
	}

	private static Caption parse(String text, String field) {
		int length = text.codePointCount(0, text.length());
		if (length > MAX_LENGTH) {
			throw ApiProblem.badRequest(field + ": at most " + MAX_LENGTH + " characters; this has " + length + ".");
		}
		Set<String> tags = new LinkedHashSet<>();
		Set<String> mentions = new LinkedHashSet<>();
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if ((c == '#' || c == '@') && !gluedToWord(text, i)) {
				int end = c == '#' ? tagEnd(text, i + 1) : usernameEnd(text, i + 1);
				if (end > i + 1) {
					String word = text.substring(i + 1, end);
					if (c == '#' && isTag(word)) {
						tags.add(word.toLowerCase(Locale.ROOT));
					}
					else if (c == '@') {
						mentions.add(word.toLowerCase(Locale.ROOT));
					}
					i = end;
					continue;
				}
			}
			i += Character.charCount(text.codePointAt(i));
		}
		return new Caption(text, new ArrayList<>(tags), new ArrayList<>(mentions));
	}

	/** Whether the marker at {@code i} follows a letter, digit, underscore or another marker: then it is plain text. */
	private static boolean gluedToWord(String text, int i) {
		if (i == 0) {
			return false;
		}
		int before = text.codePointBefore(i);
		return isWordPart(before) || before == '#' || before == '@' || before == '.' || before == '&';
	}

	private static int tagEnd(String text, int from) {
		int i = from;
		while (i < text.length()) {
			int cp = text.codePointAt(i);
			if (!isWordPart(cp) && !isJoiningMark(cp)) {
				break;
			}
			i += Character.charCount(cp);
		}
		return i;
	}

	/** Usernames are {@code [a-z0-9._]}, written in any case; a trailing dot ends the sentence, not the name. */
	private static int usernameEnd(String text, int from) {
		int i = from;
		while (i < text.length() && i - from < MAX_USERNAME) {
			char c = Character.toLowerCase(text.charAt(i));
			if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_')) {
				break;
			}
			i++;
		}
		if (i < text.length() && i - from == MAX_USERNAME && isUsernameChar(text.charAt(i))) {
			return from; // longer than any username: not a mention
		}
		if (i < text.length() && text.charAt(i) == '@') {
			return from; // an address such as @ana@example.com, not a mention
		}
		while (i > from && text.charAt(i - 1) == '.') {
			i--;
		}
		return i;
	}

	private static boolean isUsernameChar(char c) {
		char l = Character.toLowerCase(c);
		return (l >= 'a' && l <= 'z') || (l >= '0' && l <= '9') || l == '.' || l == '_';
	}

	private static boolean isTag(String word) {
		return word.codePointCount(0, word.length()) <= MAX_TAG_LENGTH && word.codePoints().anyMatch(cp -> !Character.isDigit(cp));
	}

	private static boolean isWordPart(int cp) {
		return Character.isLetterOrDigit(cp) || cp == '_';
	}

	/** Combining marks belong to the letter before them (Devanagari vowel signs, accents written apart). */
	private static boolean isJoiningMark(int cp) {
		int type = Character.getType(cp);
		return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
	}
}
