package app.mosaic.post.like;

import java.time.Instant;
import java.util.UUID;

import app.mosaic.platform.events.EventTopic;
import app.mosaic.platform.events.EventType;
import app.mosaic.post.post.PostEvents;

/** Likes of posts on {@code post.events}, keyed by the post id; each carries the post's author, who is told. */
@EventTopic(PostEvents.TOPIC)
public final class LikeEvents {

	private LikeEvents() {
	}

	@EventType("PostLiked")
	public record PostLiked(String postId, UUID postAuthorId, UUID userId, long likeCount, Instant likedAt) {
	}

	@EventType("PostUnliked")
	public record PostUnliked(String postId, UUID postAuthorId, UUID userId, long likeCount, Instant unlikedAt) {
	}
}
