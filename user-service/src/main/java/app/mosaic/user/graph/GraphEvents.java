package app.mosaic.user.graph;

import java.time.Instant;
import java.util.UUID;

/** What user-service publishes on {@code graph.events}, keyed by the acting person's id. */
public final class GraphEvents {

	public static final String TOPIC = "graph.events";

	private GraphEvents() {
	}

	public enum RemovalReason {
		UNFOLLOWED, REMOVED_BY_FOLLOWEE, BLOCKED, ACCOUNT_DELETED
	}

	public record FollowCreated(UUID followerId, UUID followeeId, Instant createdAt) {
	}

	public record FollowRemoved(UUID followerId, UUID followeeId, RemovalReason reason, Instant removedAt) {
	}

	public record FollowRequested(UUID followerId, UUID followeeId, Instant requestedAt) {
	}

	public record FollowRequestApproved(UUID followerId, UUID followeeId, Instant approvedAt) {
	}

	public record FollowRequestDeclined(UUID followerId, UUID followeeId, Instant declinedAt) {
	}

	/** The requester withdrew, or the request went with a block or a deleted account. */
	public record FollowRequestCancelled(UUID followerId, UUID followeeId, Instant cancelledAt) {
	}

	public record UserBlocked(UUID blockerId, UUID blockedId, Instant blockedAt) {
	}

	public record UserUnblocked(UUID blockerId, UUID blockedId, Instant unblockedAt) {
	}

	public record UserMuted(UUID muterId, UUID mutedId, Instant mutedAt) {
	}

	public record UserUnmuted(UUID muterId, UUID mutedId, Instant unmutedAt) {
	}
}
