package app.mosaic.post.messaging;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import app.mosaic.platform.events.EventConsumer;
import app.mosaic.post.comment.Comments;
import app.mosaic.post.like.PostLikes;
import app.mosaic.post.people.People;
import app.mosaic.post.post.PostManagement;
import app.mosaic.post.save.Saves;

/**
 * What post-service reads of other services' events, each with its own record of just the fields it reads:
 * its copy of people and of the graph, and the erasure of a deleted account's posts and engagement.
 */
@Configuration(proxyBeanMethods = false)
class PostServiceConsumers {

	static final String IDENTITY = "post-service.identity";
	static final String PROFILES = "post-service.profiles";
	static final String GRAPH = "post-service.graph";

	/**
	 * A deleted account's posts go (each with PostDeleted), and its likes, comments, comment likes, saves and
	 * collections, with every count they were part of corrected.
	 */
	@Bean
	EventConsumer identityEvents(People people, PostManagement posts, PostLikes likes, Comments comments, Saves saves) {
		return EventConsumer.named(IDENTITY).topics("identity.events")
			.on("UserRegistered", UserRegistered.class, r -> people.registered(r.userId(), r.username(), r.fullName(), r.registeredAt()))
			.on("UserDeleted", UserDeleted.class, d -> {
				likes.eraseBy(d.userId());
				comments.eraseBy(d.userId());
				saves.eraseBy(d.userId());
				posts.deleteAllBy(d.userId());
				people.forget(d.userId());
			})
			.build();
	}

	@Bean
	EventConsumer profileEvents(People people) {
		return EventConsumer.named(PROFILES).topics("user.events")
			.on("ProfileUpdated", ProfileUpdated.class, p -> people.profileUpdated(p.userId(), p.username(), p.fullName(),
					p.avatarMediaId() == null ? null : Long.valueOf(p.avatarMediaId()), p.isPrivate(), p.updatedAt()))
			.build();
	}

	/** Approved follows and blocks: who sees a private account's posts, and who sees nothing of whom. */
	@Bean
	EventConsumer graphEvents(People people) {
		return EventConsumer.named(GRAPH).topics("graph.events")
			.on("FollowCreated", Follow.class, f -> people.followed(f.followerId(), f.followeeId()))
			.on("FollowRemoved", Follow.class, f -> people.unfollowed(f.followerId(), f.followeeId()))
			.on("UserBlocked", Block.class, b -> people.blocked(b.blockerId(), b.blockedId()))
			.on("UserUnblocked", Block.class, b -> people.unblocked(b.blockerId(), b.blockedId()))
			.build();
	}

	record UserRegistered(UUID userId, String username, String fullName, Instant registeredAt) {
	}

	record UserDeleted(UUID userId) {
	}

	record ProfileUpdated(UUID userId, String username, String fullName, String avatarMediaId,
			@JsonProperty("private") boolean isPrivate, Instant updatedAt) {
	}

	record Follow(UUID followerId, UUID followeeId) {
	}

	record Block(UUID blockerId, UUID blockedId) {
	}
}
