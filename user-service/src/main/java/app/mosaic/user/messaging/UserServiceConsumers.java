package app.mosaic.user.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import app.mosaic.platform.events.EventConsumer;
import app.mosaic.user.graph.GraphManagement;
import app.mosaic.user.profile.Profiles;

/** What user-service reads of other services' events, each with its own record of just the fields it reads. */
@Configuration(proxyBeanMethods = false)
class UserServiceConsumers {

	static final String IDENTITY = "user-service.identity";
	static final String POSTS = "user-service.posts";

	/** A profile for each new account; erased, with every follow, block and mute, when the account is deleted. */
	@Bean
	EventConsumer identityEvents(Profiles profiles, GraphManagement graph) {
		return EventConsumer.named(IDENTITY).topics("identity.events")
			.on("UserRegistered", UserRegistered.class,
					r -> profiles.createIfAbsent(r.userId(), r.username(), r.email(), r.fullName(), r.registeredAt()))
			.on("UserDeleted", UserDeleted.class, d -> {
				graph.erase(d.userId());
				profiles.delete(d.userId());
			})
			.build();
	}

	/** Each profile's post count: one up per PostCreated, one down per PostDeleted. */
	@Bean
	EventConsumer postEvents(Profiles profiles) {
		return EventConsumer.named(POSTS).topics("post.events")
			.on("PostCreated", PostByAuthor.class, p -> profiles.countPosts(p.authorId(), 1))
			.on("PostDeleted", PostByAuthor.class, p -> profiles.countPosts(p.authorId(), -1))
			// a profile's count may trail a new post by a quarter second; the topic's likes and comments are skipped unread
			.fetchingAtMostEvery(Duration.ofMillis(250))
			.build();
	}

	record UserRegistered(UUID userId, String username, String email, String fullName, Instant registeredAt) {
	}

	record UserDeleted(UUID userId) {
	}

	/** The one field read of PostCreated and PostDeleted. */
	record PostByAuthor(UUID authorId) {
	}
}
