package app.mosaic.user.messaging;

import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import app.mosaic.platform.events.IdempotentConsumer;
import app.mosaic.platform.events.InboundEvent;
import app.mosaic.user.graph.GraphManagement;
import app.mosaic.user.profile.Profiles;

/** Creates a profile for each new account; erases it, with every follow, block and mute, when it is deleted. */
@Component
class IdentityEventsListener {

	static final String CONSUMER = "user-service.identity";
	private static final Logger log = LoggerFactory.getLogger(IdentityEventsListener.class);

	private final IdempotentConsumer consumer;
	private final Profiles profiles;
	private final GraphManagement graph;

	IdentityEventsListener(IdempotentConsumer consumer, Profiles profiles, GraphManagement graph) {
		this.consumer = consumer;
		this.profiles = profiles;
		this.graph = graph;
	}

	@KafkaListener(id = CONSUMER, topics = "identity.events")
	void on(String value) {
		InboundEvent event = InboundEvent.parse(value);
		consumer.process(CONSUMER, event, e -> {
			switch (e.eventType()) {
				case "UserRegistered" -> {
					UserRegistered r = e.payloadAs(UserRegistered.class);
					profiles.createIfAbsent(r.userId(), r.username(), r.email(), r.fullName(), r.registeredAt());
				}
				case "UserDeleted" -> {
					UUID user = e.payloadAs(UserDeleted.class).userId();
					graph.erase(user);
					profiles.delete(user);
				}
				default -> log.debug("Ignoring {}", e.eventType());
			}
		});
	}

	/** This consumer's copy of the fields it reads. */
	record UserRegistered(UUID userId, String username, String email, String fullName, Instant registeredAt) {
	}

	record UserDeleted(UUID userId) {
	}
}
