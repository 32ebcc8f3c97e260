package app.mosaic.media.messaging;

import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import app.mosaic.media.media.MediaManagement;
import app.mosaic.platform.events.IdempotentConsumer;
import app.mosaic.platform.events.InboundEvent;

/**
 * Deletes media with the account or the post they belong to (the purge removes the objects afterwards), and
 * lets go of avatars a profile no longer shows.
 */
@Component
class MediaEventsListener {

	static final String IDENTITY_CONSUMER = "media-service.identity";
	static final String POST_CONSUMER = "media-service.posts";
	static final String PROFILE_CONSUMER = "media-service.profiles";
	private static final Logger log = LoggerFactory.getLogger(MediaEventsListener.class);

	private final IdempotentConsumer consumer;
	private final MediaManagement media;

	MediaEventsListener(IdempotentConsumer consumer, MediaManagement media) {
		this.consumer = consumer;
		this.media = media;
	}

	@KafkaListener(id = IDENTITY_CONSUMER, topics = "identity.events")
	void onIdentity(String value) {
		consumer.process(IDENTITY_CONSUMER, InboundEvent.parse(value), e -> {
			if ("UserDeleted".equals(e.eventType())) {
				media.deleteAllOf(e.payloadAs(UserDeleted.class).userId());
			}
		});
	}

	@KafkaListener(id = POST_CONSUMER, topics = "post.events")
	void onPost(String value) {
		consumer.process(POST_CONSUMER, InboundEvent.parse(value), e -> {
			switch (e.eventType()) {
				case "PostDeleted" -> media.deleteAttachedTo("post:" + e.payloadAs(PostDeleted.class).postId());
				default -> log.trace("Ignoring {}", e.eventType());
			}
		});
	}

	@KafkaListener(id = PROFILE_CONSUMER, topics = "user.events")
	void onProfile(String value) {
		consumer.process(PROFILE_CONSUMER, InboundEvent.parse(value), e -> {
			if ("ProfileUpdated".equals(e.eventType())) {
				ProfileUpdated profile = e.payloadAs(ProfileUpdated.class);
				media.releaseAvatarsBut(profile.userId(),
						profile.avatarMediaId() == null ? null : Long.valueOf(profile.avatarMediaId()), profile.updatedAt());
			}
		});
	}

	/** This consumer's copies of the fields it reads. */
	record UserDeleted(UUID userId) {
	}

	record PostDeleted(String postId) {
	}

	record ProfileUpdated(UUID userId, String avatarMediaId, Instant updatedAt) {
	}
}
