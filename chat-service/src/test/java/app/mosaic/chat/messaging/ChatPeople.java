package app.mosaic.chat.messaging;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import app.mosaic.testkit.ContractEvents;
import app.mosaic.testkit.TestJwts;

/** People and their graph as user-service's events tell chat-service of them, for the tests. */
public final class ChatPeople {

	/** A registered person: their id, unique username and token. */
	public record Person(UUID id, String username, String token) {
	}

	private final ContractEvents events;

	public ChatPeople(JdbcClient jdbc) {
		this.events = new ContractEvents(jdbc);
	}

	public Person register(String name) {
		UUID id = UUID.randomUUID();
		String username = name + "_" + id.toString().substring(0, 8);
		events.send(ChatConsumers.IDENTITY, "identity.events", "UserRegistered", id, Map.of("userId", id, "username", username))
			.settle();
		return new Person(id, username, TestJwts.forUser(id, username));
	}

	public ChatPeople follow(Person follower, Person followee) {
		events.send(ChatConsumers.GRAPH, "graph.events", "FollowCreated", follower.id(),
				Map.of("followerId", follower.id(), "followeeId", followee.id(), "createdAt", Instant.now()));
		return this;
	}

	/** The person's new profile picture, as ProfileUpdated tells it. */
	public ChatPeople avatar(Person person, long mediaId) {
		events.send(ChatConsumers.PROFILES, "user.events", "ProfileUpdated", person.id(), Map.of("userId", person.id(),
				"username", person.username(), "avatarMediaId", Long.toString(mediaId), "updatedAt", Instant.now()));
		return this;
	}

	public ChatPeople block(Person blocker, Person blocked) {
		events.send(ChatConsumers.GRAPH, "graph.events", "UserBlocked", blocker.id(),
				Map.of("blockerId", blocker.id(), "blockedId", blocked.id(), "blockedAt", Instant.now()));
		return this;
	}

	public ChatPeople deleted(Person person) {
		events.send(ChatConsumers.IDENTITY, "identity.events", "UserDeleted", person.id(), Map.of("userId", person.id()));
		return this;
	}

	public void settle() {
		events.settle();
	}
}
