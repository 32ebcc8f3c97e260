package app.mosaic.feed.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import app.mosaic.feed.graph.Graph;
import app.mosaic.feed.timeline.PostSummaries;
import app.mosaic.feed.timeline.Timelines;
import app.mosaic.platform.events.EventConsumer;

/**
 * What feed-service reads of other services' events: its replica of people and the graph, and the post
 * summaries, each change followed by the timeline work it calls for. Events of different topics can arrive in
 * any order; every path ends in the same timelines (a follow backfills what fan-out missed, fan-out reads the
 * follows as they are, a deletion leaves a tombstone).
 */
@Configuration(proxyBeanMethods = false)
class FeedConsumers {

	static final String IDENTITY = "feed-service.identity";
	static final String PROFILES = "feed-service.profiles";
	static final String GRAPH = "feed-service.graph";
	static final String POSTS = "feed-service.posts";

	@Bean
	EventConsumer identityEvents(Graph graph, Timelines timelines, PostSummaries posts, Clock clock) {
		return EventConsumer.named(IDENTITY).topics("identity.events")
			.on("UserRegistered", UserRegistered.class, r -> graph.registered(r.userId(), r.username()))
			.on("UserDeleted", UserDeleted.class, d -> {
				timelines.erase(d.userId());
				posts.eraseBy(d.userId(), clock.instant());
				graph.erase(d.userId());
			})
			.build();
	}

	/** Turning private removes nothing from timelines: they hold approved followers' entries only. */
	@Bean
	EventConsumer profileEvents(Graph graph) {
		return EventConsumer.named(PROFILES).topics("user.events")
			.on("ProfileUpdated", ProfileUpdated.class, p -> graph.profileUpdated(p.userId(), p.username(), p.isPrivate(), p.updatedAt()))
			.build();
	}

	@Bean
	EventConsumer graphEvents(Graph graph, Timelines timelines) {
		return EventConsumer.named(GRAPH).topics("graph.events")
			.on("FollowCreated", FollowCreated.class, f -> {
				if (graph.followed(f.followerId(), f.followeeId(), f.createdAt())) {
					timelines.backfill(f.followerId(), f.followeeId());
				}
			})
			// an unfollow, a block, or a private account removing a follower
			.on("FollowRemoved", FollowRemoved.class, f -> {
				graph.unfollowed(f.followerId(), f.followeeId());
				timelines.removeAuthor(f.followerId(), f.followeeId());
			})
			.on("UserBlocked", Block.class, b -> {
				graph.blocked(b.blockerId(), b.blockedId());
				timelines.removeAuthor(b.blockerId(), b.blockedId());
				timelines.removeAuthor(b.blockedId(), b.blockerId());
			})
			.on("UserUnblocked", Block.class, b -> graph.unblocked(b.blockerId(), b.blockedId()))
			.on("UserMuted", Mute.class, m -> {
				graph.muted(m.muterId(), m.mutedId());
				timelines.removeAuthor(m.muterId(), m.mutedId());
			})
			.on("UserUnmuted", Mute.class, m -> {
				if (graph.unmuted(m.muterId(), m.mutedId()) && graph.follows(m.muterId(), m.mutedId())) {
					timelines.backfill(m.muterId(), m.mutedId());
				}
			})
			.build();
	}

	/** Fan-out takes whole polled batches: a burst of posts is written in one transaction. */
	@Bean
	EventConsumer postEvents(PostSummaries posts, Timelines timelines) {
		return EventConsumer.named(POSTS).topics("post.events")
			.accept("PostCreated", PostCreated.class)
			.accept("PostUpdated", PostUpdated.class)
			.accept("PostDeleted", PostDeleted.class)
			.accept("PostLiked", Liked.class)
			.accept("PostUnliked", Liked.class)
			.accept("CommentCreated", Comment.class)
			.accept("CommentDeleted", Comment.class)
			.inBatches(events -> {
				for (var event : events) {
					switch (event.payload()) {
						case PostCreated c -> {
							long id = Long.parseLong(c.postId());
							if (posts.created(new PostSummaries.NewPost(id, c.authorId(), "PUBLIC".equals(c.audience()), c.caption(),
									c.hashtags(), c.media(), c.createdAt()))) {
								timelines.fanOut(id, c.authorId(), c.createdAt());
							}
						}
						case PostUpdated u -> posts.updated(Long.parseLong(u.postId()), u.caption(), u.hashtags());
						case PostDeleted d -> {
							posts.deleted(Long.parseLong(d.postId()), d.authorId(), d.deletedAt());
							timelines.removePost(Long.parseLong(d.postId()), d.authorId());
						}
						case Liked l -> posts.likeCount(Long.parseLong(l.postId()), l.likeCount());
						case Comment c -> posts.commentCountChanged(Long.parseLong(c.postId()),
								"CommentCreated".equals(event.event().eventType()) ? 1 : -1);
						default -> throw new IllegalStateException("not a post event: " + event.payload());
					}
				}
			});
	}

	record UserRegistered(UUID userId, String username) {
	}

	record UserDeleted(UUID userId) {
	}

	record ProfileUpdated(UUID userId, String username, @JsonProperty("private") boolean isPrivate, Instant updatedAt) {
	}

	record FollowCreated(UUID followerId, UUID followeeId, Instant createdAt) {
	}

	record FollowRemoved(UUID followerId, UUID followeeId) {
	}

	record Block(UUID blockerId, UUID blockedId) {
	}

	record Mute(UUID muterId, UUID mutedId) {
	}

	record PostCreated(String postId, UUID authorId, String caption, List<String> hashtags, List<PostSummaries.Media> media,
			String audience, Instant createdAt) {
	}

	record PostUpdated(String postId, String caption, List<String> hashtags) {
	}

	record PostDeleted(String postId, UUID authorId, Instant deletedAt) {
	}

	record Liked(String postId, int likeCount) {
	}

	record Comment(String postId) {
	}
}
