package app.mosaic.user;

import java.time.Instant;
import java.util.UUID;

import app.mosaic.testkit.TestJwts;
import app.mosaic.user.profile.Profiles;

/** People for user-service tests: a profile made directly (as UserRegistered would) and a token for it. */
public final class People {

	public record Person(UUID id, String username, String token) {
	}

	private People() {
	}

	/** A fresh, unique person whose username starts with {@code name} and whose full name is "Test name". */
	public static Person create(Profiles profiles, String name) {
		UUID id = UUID.randomUUID();
		String username = (name + "_" + id.toString().substring(0, 6)).toLowerCase();
		profiles.createIfAbsent(id, username, username + "@example.com", "Test " + name, Instant.now());
		return new Person(id, username, TestJwts.forUser(id, username));
	}
}
