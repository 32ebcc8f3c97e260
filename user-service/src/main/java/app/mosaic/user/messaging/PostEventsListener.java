package app.mosaic.user.messaging;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import app.mosaic.platform.events.IdempotentConsumer;
import app.mosaic.platform.events.InboundEvent;
import app.mosaic.user.profile.Profiles;

/** Keeps each profile's post count: one up per PostCreated, one down per PostDeleted, each event once. */
@Component
class PostEventsListener {

	static final String CONSUMER = "user-service.posts";
	private static final Logger log = LoggerFactory.getLogger(PostEventsListener.class);

	private final IdempotentConsumer consumer;
	private final Profiles profiles;

	PostEventsListener(IdempotentConsumer consumer, Profiles profiles) {
		this.consumer = consumer;
		this.profiles = profiles;
	}

	@KafkaListener(id = CONSUMER, topics = "post.events")
	void on(String value) {
		consumer.process(CONSUMER, InboundEvent.parse(value), e -> {
			switch (e.eventType()) {
				case "PostCreated" -> profiles.countPosts(e.payloadAs(PostByAuthor.class).authorId(), 1);
				case "PostDeleted" -> profiles.countPosts(e.payloadAs(PostByAuthor.class).authorId(), -1);
				default -> log.trace("Ignoring {}", e.eventType());
			}
		});
	}

	/** This consumer's copy of the one field it reads of PostCreated and PostDeleted. */
	record PostByAuthor(UUID authorId) {
	}
}
