package app.mosaic.user.graph;

import java.time.Instant;
import java.util.UUID;

import app.mosaic.platform.events.EventTopic;
import app.mosaic.platform.events.EventType;

/** What user-service publishes on {@code graph.events}, keyed by the acting person's id. */
@EventTopic(GraphEvents.TOPIC)
public final class GraphEvents {

	public static final String TOPIC = "graph.events";

	private GraphEvents() {
	}

	public enum RemovalReason {
		UNFOLLOWED, REMOVED_BY_FOLLOWEE, BLOCKED, ACCOUNT_DELETED
	}

	@EventType("FollowCreated")
	public record FollowCreated(UUID followerId, UUID followeeId, Instant createdAt) {
	}

	@EventType("FollowRemoved")
	public record FollowRemoved(UUID followerId, UUID followeeId, RemovalReason reason, Instant removedAt) {
	}

	@EventType("FollowRequested")
	public record FollowRequested(UUID followerId, UUID followeeId, Instant requestedAt) {
	}

	@EventType("FollowRequestApproved")
	public record FollowRequestApproved(UUID followerId, UUID followeeId, Instant approvedAt) {
	}

	@EventType("FollowRequestDeclined")
	public record FollowRequestDeclined(UUID followerId, UUID followeeId, Instant declinedAt) {
	}

	/** The requester withdrew, or the request went with a block or a deleted account. */
	@EventType("FollowRequestCancelled")
	public record FollowRequestCancelled(UUID followerId, UUID followeeId, Instant cancelledAt) {
	}

	@EventType("UserBlocked")
	public record UserBlocked(UUID blockerId, UUID blockedId, Instant blockedAt) {
	}

	@EventType("UserUnblocked")
	public record UserUnblocked(UUID blockerId, UUID blockedId, Instant unblockedAt) {
	}

	@EventType("UserMuted")
	public record UserMuted(UUID muterId, UUID mutedId, Instant mutedAt) {
	}

	@EventType("UserUnmuted")
	public record UserUnmuted(UUID muterId, UUID mutedId, Instant unmutedAt) {
	}
}
