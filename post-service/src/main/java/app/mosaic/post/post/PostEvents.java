package app.mosaic.post.post;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.mosaic.platform.events.EventTopic;
import app.mosaic.platform.events.EventType;

/**
 * What post-service publishes about posts on {@code post.events}, keyed by the post id, so one post's events
 * stay in order. Ids are strings, as everywhere in Mosaic's JSON.
 */
@EventTopic(PostEvents.TOPIC)
public final class PostEvents {

	public static final String TOPIC = "post.events";

	private PostEvents() {
	}

	/** Who sees the post: everyone, or (a private author's) approved followers. */
	public enum Audience {
		PUBLIC, FOLLOWERS
	}

	public enum DeletionReason {
		AUTHOR, ACCOUNT_DELETED
	}

	/** What a feed needs to show a post while post-service cannot be asked. */
	public record MediaSummary(String mediaId, int width, int height, String blurhash, String altText) {
	}

	public record PlaceSummary(String id, String name) {
	}

	@EventType("PostCreated")
	public record PostCreated(String postId, UUID authorId, List<String> mediaIds, List<MediaSummary> media, String caption,
			List<String> hashtags, List<UUID> mentionedUserIds, PlaceSummary place, Audience audience,
			boolean commentsDisabled, Instant createdAt) {
	}

	/** @param addedMentionUserIds people mentioned by this edit who were not before (to be told) */
	@EventType("PostUpdated")
	public record PostUpdated(String postId, UUID authorId, String caption, List<String> hashtags,
			List<UUID> mentionedUserIds, List<UUID> addedMentionUserIds, PlaceSummary place, boolean commentsDisabled,
			boolean hideLikeCount, Instant editedAt) {
	}

	@EventType("PostDeleted")
	public record PostDeleted(String postId, UUID authorId, List<String> mediaIds, DeletionReason reason, Instant deletedAt) {
	}

	static PostCreated created(Post post, Audience audience) {
		return new PostCreated(Long.toString(post.id()), post.authorId(),
				post.media().stream().map(m -> Long.toString(m.mediaId())).toList(),
				post.media().stream()
					.map(m -> new MediaSummary(Long.toString(m.mediaId()), m.width(), m.height(), m.blurhash(), m.altText()))
					.toList(),
				post.caption().text(), post.caption().hashtags(), post.mentions().stream().map(Post.Mention::id).toList(),
				place(post), audience, post.commentsDisabled(), post.createdAt());
	}

	static PostUpdated updated(Post post, List<UUID> addedMentions) {
		return new PostUpdated(Long.toString(post.id()), post.authorId(), post.caption().text(), post.caption().hashtags(),
				post.mentions().stream().map(Post.Mention::id).toList(), addedMentions, place(post), post.commentsDisabled(),
				post.hideLikeCount(), post.editedAt());
	}

	private static PlaceSummary place(Post post) {
		return post.place() == null ? null : new PlaceSummary(Long.toString(post.place().id()), post.place().name());
	}
}
