package app.mosaic.media.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import app.mosaic.media.media.MediaManagement;
import app.mosaic.platform.events.EventConsumer;

/**
 * Deletes media with the account or the post they belong to (the purge removes the objects afterwards), and
 * lets go of avatars a profile no longer shows.
 */
@Configuration(proxyBeanMethods = false)
class MediaServiceConsumers {

	static final String IDENTITY = "media-service.identity";
	static final String POSTS = "media-service.posts";
	static final String PROFILES = "media-service.profiles";

	@Bean
	EventConsumer identityEvents(MediaManagement media) {
		return EventConsumer.named(IDENTITY).topics("identity.events")
			.on("UserDeleted", UserDeleted.class, d -> media.deleteAllOf(d.userId()))
			.build();
	}

	@Bean
	EventConsumer postEvents(MediaManagement media) {
		return EventConsumer.named(POSTS).topics("post.events")
			.on("PostDeleted", PostDeleted.class, d -> media.deleteAttachedTo("post:" + d.postId()))
			// a deleted post's files may go a second later; the topic's likes and comments are skipped unread
			.fetchingAtMostEvery(Duration.ofSeconds(1))
			.build();
	}

	@Bean
	EventConsumer profileEvents(MediaManagement media) {
		return EventConsumer.named(PROFILES).topics("user.events")
			.on("ProfileUpdated", ProfileUpdated.class, p -> media.releaseAvatarsBut(p.userId(),
					p.avatarMediaId() == null ? null : Long.valueOf(p.avatarMediaId()), p.updatedAt()))
			.build();
	}

	record UserDeleted(UUID userId) {
	}

	record PostDeleted(String postId) {
	}

	record ProfileUpdated(UUID userId, String avatarMediaId, Instant updatedAt) {
	}
}
