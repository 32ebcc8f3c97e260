package app.mosaic.post.post;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import app.mosaic.platform.events.DomainEvents;
import app.mosaic.platform.ids.IdGenerator;
import app.mosaic.platform.security.Caller;
import app.mosaic.platform.web.ApiProblem;
import app.mosaic.post.people.People;

/**
 * Creating, editing and deleting posts. Each change is one transaction that stores the post and publishes the
 * events the aggregate registered; creation first claims the media in media-service, outside any transaction,
 * so no row lock is held across the call.
 */
@Service
public class PostManagement {

	private final Posts posts;
	private final Places places;
	private final People people;
	private final MediaClaims claims;
	private final Mentions mentions;
	private final DomainEvents events;
	private final IdGenerator ids;
	private final TransactionTemplate tx;
	private final Clock clock;

	PostManagement(Posts posts, Places places, People people, MediaClaims claims, Mentions mentions, DomainEvents events,
			IdGenerator ids, TransactionTemplate tx, Clock clock) {
		this.mentions = mentions;
		this.posts = posts;
		this.places = places;
		this.people = people;
		this.claims = claims;
		this.events = events;
		this.ids = ids;
		this.tx = tx;
		this.clock = clock;
	}

	/** Where a post is: an existing place, or a name with optional coordinates (found or created). */
	public record Location(Long placeId, String name, Double lat, Double lng) {
	}

	public record Draft(String caption, List<Long> mediaIds, Map<Long, String> altTexts, Location location,
			boolean commentsDisabled, boolean hideLikeCount) {
	}

	/** Publishes a post: everything is checked first, then the media are claimed, then the post is stored. */
	public Post create(Caller author, Draft draft) {
		Post.checkDraft(draft.mediaIds(), draft.altTexts());
		Caption caption = Caption.of(draft.caption());
		// a place named by id is looked up (400 when unknown) before anything is claimed; a new name is stored with the post
		Post.PlaceRef known = draft.location() != null && draft.location().placeId() != null ? place(draft.location(), null) : null;
		long id = ids.next();
		List<MediaClient.AttachedMedia> attached = claims.claim(id, author.id(), draft.mediaIds());
		try {
			return tx.execute(status -> {
				Instant now = clock.instant();
				people.knownFromToken(author.id(), author.username());
				Post post = Post.publish(id, author.id(), caption, media(attached, draft.altTexts()),
						mentions.resolve(author.id(), caption), known != null ? known : place(draft.location(), now), draft.commentsDisabled(),
						draft.hideLikeCount(), audience(author.id()), now);
				posts.insert(post);
				claims.settled(id);
				publish(post);
				return post;
			});
		}
		catch (RuntimeException e) {
			claims.release(id, draft.mediaIds());
			throw e;
		}
	}

	/** What an owner asks to change; absent parts stay as they are. */
	public record Changes(String caption, boolean captionChanged, Map<Long, String> altTexts, Boolean commentsDisabled,
			Boolean hideLikeCount, boolean locationChanged, Location location) {
	}

	@Transactional
	public Post edit(UUID by, long postId, Changes changes) {
		Post post = posts.findVisible(by, postId, Posts.Lock.EXCLUSIVE).orElseThrow(PostManagement::notFound);
		Post before = copy(post);
		Caption caption = changes.captionChanged() ? Caption.of(changes.caption()) : null;
		Instant now = clock.instant();
		post.edit(by, new Post.Edit(caption, caption == null ? null : mentions.resolve(by, caption), changes.altTexts(),
				changes.commentsDisabled(), changes.hideLikeCount(), changes.locationChanged(),
				changes.locationChanged() ? place(changes.location(), now) : null), now);
		posts.update(before, post);
		publish(post);
		return post;
	}

	@Transactional
	public void delete(UUID by, long postId) {
		Post post = posts.findVisible(by, postId, Posts.Lock.EXCLUSIVE).orElseThrow(PostManagement::notFound);
		post.delete(by, PostEvents.DeletionReason.AUTHOR, clock.instant());
		posts.delete(post);
		publish(post);
	}

	/** Deletes every post of an erased account, each with its PostDeleted. Runs in the consumer's transaction. */
	public int deleteAllBy(UUID author) {
		List<Post> all = posts.allByAuthor(author);
		for (Post post : all) {
			post.delete(author, PostEvents.DeletionReason.ACCOUNT_DELETED, clock.instant());
			posts.delete(post);
			publish(post);
		}
		return all.size();
	}

	private PostEvents.Audience audience(UUID author) {
		return people.find(author).filter(People.Person::isPrivate).isPresent() ? PostEvents.Audience.FOLLOWERS
				: PostEvents.Audience.PUBLIC;
	}

	private Post.PlaceRef place(Location location, Instant now) {
		if (location == null) {
			return null;
		}
		if (location.placeId() != null) {
			return places.find(location.placeId())
				.orElseThrow(() -> ApiProblem.badRequest("location.placeId: no such place. Search with GET /api/v1/places/search."));
		}
		return places.findOrCreate(location.name(), location.lat(), location.lng(), now);
	}

	private static List<Post.PostMedia> media(List<MediaClient.AttachedMedia> attached, Map<Long, String> altTexts) {
		return attached.stream().map(m -> {
			long id = Long.parseLong(m.id());
			List<Post.PostMedia.Variant> variants = m.variants() == null ? List.of()
					: m.variants().entrySet().stream()
						.map(v -> new Post.PostMedia.Variant(v.getKey(), v.getValue().width(), v.getValue().height(),
								v.getValue().webpUrl() != null))
						.toList();
			return new Post.PostMedia(id, m.width(), m.height(), m.blurhash(),
					altTexts == null ? null : Post.blankToNull(altTexts.get(id)), variants);
		}).toList();
	}

	private static Post copy(Post p) {
		return new Post(p.id(), p.authorId(), p.caption(), p.media(), p.mentions(), p.place(), p.commentsDisabled(),
				p.hideLikeCount(), p.likeCount(), p.commentCount(), p.createdAt(), p.editedAt());
	}

	private void publish(Post post) {
		post.events().forEach(event -> events.publish(Long.toString(post.id()), event));
	}

	public static ApiProblem notFound() {
		return ApiProblem.notFound("No such post.");
	}
}
