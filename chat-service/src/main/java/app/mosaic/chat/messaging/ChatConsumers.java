package app.mosaic.chat.messaging;

import java.time.Instant;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import app.mosaic.chat.conversation.Conversations;
import app.mosaic.chat.conversation.Messages;
import app.mosaic.chat.people.People;
import app.mosaic.platform.events.EventConsumer;

/**
 * The replica of people, follows and blocks that conversations need, and the erasure of a deleted account. Each
 * event is processed once (the platform records it), and every change is an upsert or a removal.
 */
@Configuration(proxyBeanMethods = false)
class ChatConsumers {

	static final String IDENTITY = "chat-service.identity";
	static final String PROFILES = "chat-service.profiles";
	static final String GRAPH = "chat-service.graph";

	@Bean
	EventConsumer identityEvents(People people, Conversations conversations, Messages messages) {
		return EventConsumer.named(IDENTITY).topics("identity.events")
			.on("UserRegistered", UserRegistered.class, r -> people.registered(r.userId(), r.username()))
			.on("UserDeleted", UserDeleted.class, d -> {
				messages.erase(d.userId());
				conversations.erase(d.userId());
				people.erase(d.userId());
			})
			.build();
	}

	@Bean
	EventConsumer profileEvents(People people) {
		return EventConsumer.named(PROFILES).topics("user.events")
			.on("ProfileUpdated", ProfileUpdated.class, p -> people.profileUpdated(p.userId(), p.username(),
					p.avatarMediaId() == null ? null : Long.parseLong(p.avatarMediaId()), p.updatedAt()))
			.build();
	}

	@Bean
	EventConsumer graphEvents(People people) {
		return EventConsumer.named(GRAPH).topics("graph.events")
			.on("FollowCreated", Follow.class, f -> people.followed(f.followerId(), f.followeeId()))
			.on("FollowRemoved", Follow.class, f -> people.unfollowed(f.followerId(), f.followeeId()))
			.on("UserBlocked", Block.class, b -> people.blocked(b.blockerId(), b.blockedId()))
			.on("UserUnblocked", Block.class, b -> people.unblocked(b.blockerId(), b.blockedId()))
			.build();
	}

	record UserRegistered(UUID userId, String username) {
	}

	record UserDeleted(UUID userId) {
	}

	record ProfileUpdated(UUID userId, String username, String avatarMediaId, Instant updatedAt) {
	}

	record Follow(UUID followerId, UUID followeeId) {
	}

	record Block(UUID blockerId, UUID blockedId) {
	}
}
