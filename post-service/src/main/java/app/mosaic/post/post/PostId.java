package app.mosaic.post.post;

import app.mosaic.platform.web.ApiProblem;

/** Parses the ids clients send: a post, comment or collection id that is not a positive number does not exist (404). */
public final class PostId {

	private PostId() {
	}

	public static long parse(String id, String what) {
		try {
			long value = Long.parseLong(id);
			if (value > 0) {
				return value;
			}
		}
		catch (NumberFormatException e) {
			// answered below, as for an id that does not exist
		}
		throw ApiProblem.notFound("No such " + what + ".");
	}

	public static long parse(String id) {
		return parse(id, "post");
	}
}
