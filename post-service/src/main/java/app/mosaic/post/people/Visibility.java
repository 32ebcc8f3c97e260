package app.mosaic.post.people;

/**
 * Who sees whose posts, stated once as SQL conditions on post-service's copy of the graph: the author always;
 * nobody in a block with the author, either way; a private author's approved followers; everyone else only
 * what public authors post. Each condition reads the named parameter {@code :viewer}. Invisible and missing
 * answer alike (404).
 */
public final class Visibility {

	private Visibility() {
	}

	/** Neither the viewer nor {@code person} (a column or parameter) blocked the other. */
	public static String notBlocked(String person) {
		return """
				(NOT EXISTS (SELECT 1 FROM block b WHERE b.blocker_id = %1$s AND b.blocked_id = :viewer)
				 AND NOT EXISTS (SELECT 1 FROM block b WHERE b.blocker_id = :viewer AND b.blocked_id = %1$s))"""
			.formatted(person);
	}

	/** The viewer may see what {@code author} (a column or parameter) posts. */
	public static String seesPostsOf(String author) {
		return """
				(%1$s = :viewer OR (%2$s
				 AND (NOT EXISTS (SELECT 1 FROM person pa WHERE pa.id = %1$s AND pa.private)
				      OR EXISTS (SELECT 1 FROM follow f WHERE f.follower_id = :viewer AND f.followee_id = %1$s))))"""
			.formatted(author, notBlocked(author));
	}

	/** What anyone may see of {@code author}'s posts on hashtag and place pages: public authors, no block either way. */
	public static String publicPostsOf(String author) {
		return """
				(NOT EXISTS (SELECT 1 FROM person pa WHERE pa.id = %1$s AND pa.private) AND %2$s)"""
			.formatted(author, notBlocked(author));
	}
}
