package app.mosaic.feed.timeline;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import app.mosaic.platform.media.MediaUrls;
import app.mosaic.platform.web.ApiProblem;
import app.mosaic.platform.web.PageRequest;

/**
 * Reads a page of the home feed: the timeline's entries, hydrated with one batch call to post-service. When
 * post-service cannot answer, the page is made from feed-service's own summaries and marked degraded, rather
 * than failing.
 */
@Service
public class FeedReads {

	/** @param degraded true when the posts come from feed-service's summaries (no viewer flags, counts may lag) */
	public record FeedPage(List<Object> items, @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor, boolean degraded) {
	}

	private final Timelines timelines;
	private final PostSummaries summaries;
	private final PostClient posts;
	private final MediaUrls urls;

	FeedReads(Timelines timelines, PostSummaries summaries, PostClient posts, MediaUrls urls) {
		this.timelines = timelines;
		this.summaries = summaries;
		this.posts = posts;
		this.urls = urls;
	}

	public FeedPage home(UUID reader, PageRequest page) {
		timelines.read(reader);
		List<Timelines.Entry> entries = timelines.page(reader, page.before(), page.fetch());
		boolean more = entries.size() > page.limit();
		List<Timelines.Entry> shown = more ? entries.subList(0, page.limit()) : entries;
		String next = more ? Long.toString(shown.get(shown.size() - 1).postId()) : null;
		return page(reader, shown.stream().map(Timelines.Entry::postId).toList(), next);
	}

	/** These posts, in this order, as {@code reader} may see them: one batch call, or the summaries when it fails. */
	public FeedPage page(UUID reader, List<Long> shown, String next) {
		if (shown.isEmpty()) {
			return new FeedPage(List.of(), null, false);
		}
		List<String> ids = shown.stream().map(id -> Long.toString(id)).toList();
		try {
			return new FeedPage(List.copyOf(posts.batch(new PostClient.BatchRequest(reader, ids)).items()), next, false);
		}
		catch (ApiProblem unavailable) {
			if (unavailable.status() != HttpStatus.SERVICE_UNAVAILABLE) {
				throw unavailable;
			}
			return new FeedPage(fromSummaries(shown), next, true);
		}
	}

	private List<Object> fromSummaries(List<Long> shown) {
		Map<Long, PostSummaries.Summary> found = summaries.find(shown).stream()
			.collect(Collectors.toMap(PostSummaries.Summary::id, Function.identity()));
		return shown.stream().map(found::get).filter(java.util.Objects::nonNull).map(this::view).toList();
	}

	/** The fields of a post that feed-service knows, in the shape post-service gives them. */
	record SummaryView(String id, Author author, String caption, List<MediaView> media, List<String> hashtags,
			Instant createdAt, int likeCount, int commentCount) {
	}

	record Author(UUID id, String username) {
	}

	record MediaView(String id, String type, int width, int height, String blurhash, String altText, Map<String, Variant> variants) {
	}

	record Variant(String url) {
	}

	private Object view(PostSummaries.Summary s) {
		return new SummaryView(Long.toString(s.id()), new Author(s.authorId(), s.username()), s.caption(),
				s.media().stream().map(m -> {
					Map<String, Variant> variants = new LinkedHashMap<>();
					for (String variant : List.of("thumb", "small", "medium", "large")) {
						variants.put(variant, new Variant(urls.variantUrl(Long.parseLong(m.mediaId()), variant)));
					}
					return new MediaView(m.mediaId(), "IMAGE", m.width(), m.height(), m.blurhash(), m.altText(), variants);
				}).toList(), s.hashtags(), s.createdAt(), s.likeCount(), s.commentCount());
	}
}
