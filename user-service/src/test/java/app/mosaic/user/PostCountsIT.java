package app.mosaic.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.mosaic.testkit.EventContracts;
import app.mosaic.testkit.HttpApi;
import app.mosaic.testkit.KafkaTestConsumer;
import app.mosaic.testkit.MosaicServiceTest;
import app.mosaic.testkit.TestJwts;
import app.mosaic.user.profile.Profiles;

/** Profile post counts follow post-service's PostCreated and PostDeleted, each event counted once. */
@MosaicServiceTest
class PostCountsIT {

	private static final String TOPIC = "post.events";
	private static final String AUTHOR = "5f0c1d7e-2a43-4b8e-9d51-7c6a3e1f2b90";

	@Autowired
	Profiles profiles;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	HttpApi api;

	@Test
	void countsPostsCreatedAndDeletedOnceEach() {
		UUID author = UUID.randomUUID();
		String username = "poster_" + author.toString().substring(0, 8);
		profiles.createIfAbsent(author, username, username + "@example.com", "Post Er", Instant.now());
		List<String> created = List.of(created(author, "101"), created(author, "102"), created(author, "103"));
		String deleted = EventContracts.example(TOPIC, "PostDeleted", Map.of(AUTHOR, author.toString(), "7402938475629999", "102"));

		created.forEach(e -> KafkaTestConsumer.send(TOPIC, postId(e), "PostCreated", e));
		KafkaTestConsumer.send(TOPIC, "101", "PostCreated", created.getFirst()); // redelivered
		KafkaTestConsumer.send(TOPIC, "102", "PostDeleted", deleted);
		KafkaTestConsumer.send(TOPIC, "102", "PostDeleted", deleted); // redelivered

		await().atMost(Duration.ofSeconds(20)).until(() -> processed(created) + processed(List.of(deleted)) == 4);
		HttpApi.Response profile = api.get("/api/v1/users/" + username).bearer(TestJwts.forUser(UUID.randomUUID(), "x")).send();
		assertThat(profile.json().path("counts").path("posts").asInt()).isEqualTo(2);
	}

	@Test
	void neverCountsBelowZero() {
		UUID author = UUID.randomUUID();
		String username = "nopost_" + author.toString().substring(0, 8);
		profiles.createIfAbsent(author, username, username + "@example.com", null, Instant.now());
		String deleted = EventContracts.example(TOPIC, "PostDeleted", Map.of(AUTHOR, author.toString()));

		KafkaTestConsumer.send(TOPIC, "7402938475629999", "PostDeleted", deleted);

		await().atMost(Duration.ofSeconds(20)).until(() -> processed(List.of(deleted)) == 1);
		assertThat(profiles.findById(author).orElseThrow().counts().posts()).isZero();
	}

	private static String created(UUID author, String postId) {
		return EventContracts.example(TOPIC, "PostCreated", Map.of(AUTHOR, author.toString(), "7402938475629999", postId));
	}

	private static String postId(String value) {
		return value.replaceAll("(?s).*\"postId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
	}

	private long processed(List<String> values) {
		return values.stream()
			.map(v -> v.replaceAll("(?s).*\"eventId\"\\s*:\\s*\"([^\"]+)\".*", "$1"))
			.mapToLong(id -> jdbc.sql("SELECT count(*) FROM processed_event WHERE consumer = 'user-service.posts' AND event_id = ?::uuid")
				.param(id).query(Long.class).single())
			.sum();
	}
}
