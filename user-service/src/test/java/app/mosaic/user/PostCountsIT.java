package app.mosaic.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
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
import app.mosaic.testkit.ProcessedEvents;
import app.mosaic.testkit.TestJwts;
import app.mosaic.user.profile.Profiles;

/** Profile post counts follow post-service's PostCreated and PostDeleted, each event counted once. */
@MosaicServiceTest
class PostCountsIT {

	private static final String TOPIC = "post.events";
	private static final String CONSUMER = "user-service.posts";
	private static final String AUTHOR = "5f0c1d7e-2a43-4b8e-9d51-7c6a3e1f2b90";

	@Autowired
	Profiles profiles;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	HttpApi api;

	@Test
	void countsPostsCreatedAndDeletedOnceEach() {
		People.Person author = People.create(profiles, "poster");
		Map<String, String> created = new LinkedHashMap<>();
		List.of("101", "102", "103").forEach(postId -> created.put(postId, created(author.id(), postId)));
		String deleted = EventContracts.example(TOPIC, "PostDeleted", Map.of(AUTHOR, author.id().toString(), "7402938475629999", "102"));

		// one key (post-service keys by post): everything is handled in order, so once the last event is
		// processed the redeliveries before it were too
		String key = author.id().toString();
		created.values().forEach(e -> KafkaTestConsumer.send(TOPIC, key, "PostCreated", e));
		// redelivered twice and once: unequal, so double counting cannot cancel out
		KafkaTestConsumer.send(TOPIC, key, "PostCreated", created.get("101"));
		KafkaTestConsumer.send(TOPIC, key, "PostCreated", created.get("101"));
		KafkaTestConsumer.send(TOPIC, key, "PostDeleted", deleted);
		KafkaTestConsumer.send(TOPIC, key, "PostDeleted", deleted);
		String last = created(author.id(), "104");
		KafkaTestConsumer.send(TOPIC, key, "PostCreated", last);

		ProcessedEvents.awaitAll(jdbc, CONSUMER, List.of(last));
		HttpApi.Response profile = api.get("/api/v1/users/" + author.username()).bearer(TestJwts.forUser(UUID.randomUUID(), "x")).send();
		assertThat(profile.json().path("counts").path("posts").asInt()).isEqualTo(3);
	}

	@Test
	void neverCountsBelowZero() {
		People.Person author = People.create(profiles, "nopost");
		String deleted = EventContracts.example(TOPIC, "PostDeleted", Map.of(AUTHOR, author.id().toString()));

		KafkaTestConsumer.send(TOPIC, "7402938475629999", "PostDeleted", deleted);

		ProcessedEvents.awaitAll(jdbc, CONSUMER, List.of(deleted));
		assertThat(profiles.findById(author.id()).orElseThrow().counts().posts()).isZero();
	}

	private static String created(UUID author, String postId) {
		return EventContracts.example(TOPIC, "PostCreated", Map.of(AUTHOR, author.toString(), "7402938475629999", postId));
	}
}
