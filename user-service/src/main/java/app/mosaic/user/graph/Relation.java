package app.mosaic.user.graph;

import java.util.UUID;

/**
 * How a viewer stands to another person. {@code blockedBy} is never shown to the viewer: the other person
 * simply does not exist for them.
 */
public record Relation(UUID userId, boolean following, boolean requested, boolean followedBy, boolean blocking,
		boolean blockedBy, boolean muting) {

	public static Relation none(UUID userId) {
		return new Relation(userId, false, false, false, false, false, false);
	}
}
