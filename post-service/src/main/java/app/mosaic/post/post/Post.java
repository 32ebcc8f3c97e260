package app.mosaic.post.post;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import app.mosaic.platform.web.ApiProblem;

/**
 * A published post: its media in order, caption (with hashtags and mentions), place and settings. It changes
 * only through the methods below, which guard who may do what and register the event each change publishes.
 */
public final class Post {

	public static final int MAX_MEDIA = 10;
	public static final int MAX_ALT_TEXT = 1_000;

	private final long id;
	private final UUID authorId;
	private Caption caption;
	private List<PostMedia> media;
	private List<Mention> mentions;
	private PlaceRef place;
	private boolean commentsDisabled;
	private boolean hideLikeCount;
	private final int likeCount;
	private final int commentCount;
	private final Instant createdAt;
	private Instant editedAt;
	private final List<Object> events = new ArrayList<>();

	/** A person a caption or comment mentions, as resolved when it was written. */
	public record Mention(UUID id, String username) {
	}

	/** The place a post is tagged at. */
	public record PlaceRef(long id, String name) {
	}

	/** One picture of the carousel: its size and placeholder, the variants stored, and its alt text. */
	public record PostMedia(long mediaId, int width, int height, String blurhash, String altText, List<Variant> variants) {

		public record Variant(String name, int width, int height, boolean webp) {
		}

		PostMedia withAltText(String text) {
			return new PostMedia(mediaId, width, height, blurhash, text, variants);
		}
	}

	Post(long id, UUID authorId, Caption caption, List<PostMedia> media, List<Mention> mentions, PlaceRef place,
			boolean commentsDisabled, boolean hideLikeCount, int likeCount, int commentCount, Instant createdAt,
			Instant editedAt) {
		this.id = id;
		this.authorId = authorId;
		this.caption = caption;
		this.media = List.copyOf(media);
		this.mentions = List.copyOf(mentions);
		this.place = place;
		this.commentsDisabled = commentsDisabled;
		this.hideLikeCount = hideLikeCount;
		this.likeCount = likeCount;
		this.commentCount = commentCount;
		this.createdAt = createdAt;
		this.editedAt = editedAt;
	}

	/** Checks what a new post needs before anything is claimed: 1 to 10 distinct media, alt texts only for them. */
	public static void checkDraft(List<Long> mediaIds, Map<Long, String> altTexts) {
		if (mediaIds == null || mediaIds.isEmpty()) {
			throw ApiProblem.badRequest("mediaIds: a post needs at least one photo.");
		}
		if (mediaIds.size() > MAX_MEDIA) {
			throw ApiProblem.badRequest("mediaIds: at most " + MAX_MEDIA + " photos in a post; this has " + mediaIds.size() + ".");
		}
		if (new HashSet<>(mediaIds).size() != mediaIds.size()) {
			throw ApiProblem.badRequest("mediaIds: each photo may appear once.");
		}
		checkAltTexts(Set.copyOf(mediaIds), altTexts);
	}

	/** A new post, with PostCreated registered. The media must already be claimed for it in media-service. */
	static Post publish(long id, UUID author, Caption caption, List<PostMedia> media, List<Mention> mentions, PlaceRef place,
			boolean commentsDisabled, boolean hideLikeCount, PostEvents.Audience audience, Instant now) {
		Post post = new Post(id, author, caption, media, mentions, place, commentsDisabled, hideLikeCount, 0, 0, now, null);
		post.events.add(PostEvents.created(post, audience));
		return post;
	}

	/** What an owner may change; null fields stay as they are. */
	public record Edit(Caption caption, List<Mention> mentions, Map<Long, String> altTexts, Boolean commentsDisabled,
			Boolean hideLikeCount, boolean placeChanged, PlaceRef place) {
	}

	/** The owner edits; anyone else is refused. Registers PostUpdated with the people newly mentioned. */
	void edit(UUID by, Edit edit, Instant now) {
		requireOwner(by, "edit");
		List<Mention> before = mentions;
		if (edit.caption() != null) {
			caption = edit.caption();
			mentions = List.copyOf(edit.mentions());
		}
		if (edit.altTexts() != null) {
			Set<Long> ids = new HashSet<>();
			media.forEach(m -> ids.add(m.mediaId()));
			checkAltTexts(ids, edit.altTexts());
			media = media.stream()
				.map(m -> edit.altTexts().containsKey(m.mediaId()) ? m.withAltText(blankToNull(edit.altTexts().get(m.mediaId()))) : m)
				.toList();
		}
		if (edit.commentsDisabled() != null) {
			commentsDisabled = edit.commentsDisabled();
		}
		if (edit.hideLikeCount() != null) {
			hideLikeCount = edit.hideLikeCount();
		}
		if (edit.placeChanged()) {
			place = edit.place();
		}
		editedAt = now;
		List<UUID> added = mentions.stream().map(Mention::id)
			.filter(m -> before.stream().noneMatch(b -> b.id().equals(m))).toList();
		events.add(PostEvents.updated(this, added));
	}

	/** The owner deletes; anyone else is refused. Registers PostDeleted. */
	void delete(UUID by, PostEvents.DeletionReason reason, Instant now) {
		if (reason == PostEvents.DeletionReason.AUTHOR) {
			requireOwner(by, "delete");
		}
		events.add(new PostEvents.PostDeleted(Long.toString(id), authorId,
				media.stream().map(m -> Long.toString(m.mediaId())).toList(), reason, now));
	}

	/** Comments are refused on a post that turned them off, to everyone, its author included. */
	public void requireCommentsOpen() {
		if (commentsDisabled) {
			throw ApiProblem.forbidden("Comments are turned off for this post.");
		}
	}

	/** The like count this viewer sees: hidden from everyone but the author when the author asked so. */
	public Integer likeCountFor(UUID viewer) {
		return hideLikeCount && !authorId.equals(viewer) ? null : likeCount;
	}

	public boolean isAuthoredBy(UUID person) {
		return authorId.equals(person);
	}

	private void requireOwner(UUID by, String action) {
		if (!isAuthoredBy(by)) {
			throw ApiProblem.forbidden("Only the author can " + action + " this post.");
		}
	}

	private static void checkAltTexts(Set<Long> mediaIds, Map<Long, String> altTexts) {
		if (altTexts == null) {
			return;
		}
		for (Map.Entry<Long, String> alt : altTexts.entrySet()) {
			if (!mediaIds.contains(alt.getKey())) {
				throw ApiProblem.badRequest("altTexts: media " + alt.getKey() + " is not a photo of this post.");
			}
			String text = alt.getValue();
			if (text != null && text.codePointCount(0, text.length()) > MAX_ALT_TEXT) {
				throw ApiProblem.badRequest("altTexts: at most " + MAX_ALT_TEXT + " characters for each photo.");
			}
		}
	}

	static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	/** The events registered since the post was loaded, to publish in the transaction that stores it. */
	List<Object> events() {
		return List.copyOf(events);
	}

	public long id() {
		return id;
	}

	public UUID authorId() {
		return authorId;
	}

	public Caption caption() {
		return caption;
	}

	public List<PostMedia> media() {
		return media;
	}

	public List<Mention> mentions() {
		return mentions;
	}

	public PlaceRef place() {
		return place;
	}

	public boolean commentsDisabled() {
		return commentsDisabled;
	}

	public boolean hideLikeCount() {
		return hideLikeCount;
	}

	public int likeCount() {
		return likeCount;
	}

	public int commentCount() {
		return commentCount;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public Instant editedAt() {
		return editedAt;
	}
}
