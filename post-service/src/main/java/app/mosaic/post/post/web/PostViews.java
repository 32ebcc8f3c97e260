package app.mosaic.post.post.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.mosaic.platform.media.MediaUrls;
import app.mosaic.post.people.People;
import app.mosaic.post.post.Post;
import app.mosaic.post.post.PostReads;

/** Posts and people as the API shows them, with freshly signed image URLs. */
@Component
public class PostViews {

	private final MediaUrls urls;

	PostViews(MediaUrls urls) {
		this.urls = urls;
	}

	public PostView of(PostReads.Shown shown, UUID viewer) {
		Post p = shown.post();
		PlaceView place = p.place() == null ? null : new PlaceView(Long.toString(p.place().id()), p.place().name());
		return new PostView(Long.toString(p.id()), author(shown.author()), p.caption().text(),
				p.media().stream().map(this::media).toList(), p.caption().hashtags(),
				p.mentions().stream().map(m -> new MentionView(m.id(), m.username())).toList(), place, place, p.createdAt(),
				p.editedAt(), p.likeCountFor(viewer), p.commentCount(), p.commentsDisabled(), p.hideLikeCount(),
				new ViewerView(shown.liked(), shown.saved()));
	}

	public AuthorView author(People.Person person) {
		return new AuthorView(person.id(), person.username(), person.fullName(), avatarUrl(person.avatarMediaId()));
	}

	public String avatarUrl(Long avatarMediaId) {
		return avatarMediaId == null ? null : urls.variantUrl(avatarMediaId, "thumb");
	}

	/** A photo's thumbnail: a collection's cover. */
	public String thumbUrl(long mediaId) {
		return urls.variantUrl(mediaId, "thumb");
	}

	private MediaView media(Post.PostMedia m) {
		Map<String, VariantView> variants = new LinkedHashMap<>();
		for (Post.PostMedia.Variant v : m.variants()) {
			variants.put(v.name(), new VariantView(urls.variantUrl(m.mediaId(), v.name()), v.width(), v.height(),
					v.webp() ? urls.variantUrl(m.mediaId(), v.name() + ".webp") : null));
		}
		return new MediaView(Long.toString(m.mediaId()), "IMAGE", m.width(), m.height(), m.blurhash(), m.altText(), variants);
	}

	/** @param likeCount null when the author hides it (from everyone else) @param place the same as location */
	public record PostView(String id, AuthorView author, String caption, List<MediaView> media, List<String> hashtags,
			List<MentionView> mentions, PlaceView location, PlaceView place, Instant createdAt, Instant editedAt,
			Integer likeCount, int commentCount, boolean commentsDisabled, boolean hideLikeCount, ViewerView viewer) {
	}

	public record AuthorView(UUID id, String username, String fullName, String avatarUrl) {
	}

	public record MediaView(String id, String type, int width, int height, String blurhash, String altText,
			Map<String, VariantView> variants) {
	}

	/** @param url progressive JPEG @param webpUrl the same picture as WebP, when stored */
	public record VariantView(String url, int width, int height, String webpUrl) {
	}

	public record MentionView(UUID id, String username) {
	}

	public record PlaceView(String id, String name) {
	}

	public record ViewerView(boolean liked, boolean saved) {
	}
}
