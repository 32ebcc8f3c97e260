package app.mosaic.platform.web;

/**
 * The 64-bit ids the API writes as strings (media, posts, comments, places, collections), read back in one
 * place. In a path, an id that is not a positive number names nothing: 404, as for an id that does not exist.
 * In a request body it is the client's mistake: 400 naming the field.
 */
public final class Ids {

	private Ids() {
	}

	/** @param what the kind of thing, as the user reads it ("post", "media") */
	public static long inPath(String id, String what) {
		long value = parse(id);
		if (value <= 0) {
			throw ApiProblem.notFound("No such " + what + ".");
		}
		return value;
	}

	public static long inBody(String field, String id, String what) {
		long value = parse(id);
		if (value <= 0) {
			String shown = id == null ? "null" : id.length() > 24 ? id.substring(0, 24) + "…" : id;
			throw ApiProblem.badRequest(field + ": \"" + shown + "\" is not a " + what + " id.");
		}
		return value;
	}

	private static long parse(String id) {
		try {
			return id == null ? 0 : Long.parseLong(id.strip());
		}
		catch (NumberFormatException e) {
			return 0;
		}
	}
}
