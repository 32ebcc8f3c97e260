package app.mosaic.post.comment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.mosaic.platform.events.EventTopic;
import app.mosaic.platform.events.EventType;
import app.mosaic.post.post.PostEvents;

/**
 * Comments and their likes on {@code post.events}, keyed by the post id (one post's engagement stays in order).
 * Each names who is told: the post's author, and for a reply the author of the comment it answers.
 */
@EventTopic(PostEvents.TOPIC)
public final class CommentEvents {

	private CommentEvents() {
	}

	@EventType("CommentCreated")
	public record CommentCreated(String commentId, String postId, UUID postAuthorId, UUID authorId, String parentCommentId,
			UUID parentAuthorId, String text, List<UUID> mentionedUserIds, Instant createdAt) {
	}

	@EventType("CommentDeleted")
	public record CommentDeleted(String commentId, String postId, UUID postAuthorId, UUID authorId, String parentCommentId,
			UUID deletedBy, Instant deletedAt) {
	}

	@EventType("CommentLiked")
	public record CommentLiked(String commentId, String postId, UUID commentAuthorId, UUID userId, long likeCount,
			Instant likedAt) {
	}

	@EventType("CommentUnliked")
	public record CommentUnliked(String commentId, String postId, UUID commentAuthorId, UUID userId, long likeCount,
			Instant unlikedAt) {
	}
}
