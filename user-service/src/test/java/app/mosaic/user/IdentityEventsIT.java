package app.mosaic.user;

import java.time.Duration;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@MosaicServiceTest
class IdentityEventsIT {

	private static final String TOPIC = "identity.events";
	private static final String CONSUMER = "user-service.identity";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	HttpApi api;

	@Test
	void registeredUserGetsAProfileTheyCanRead() {
		UUID id = UUID.randomUUID();
		String username = "u" + id.toString().substring(0, 8);
		KafkaTestConsumer.send(TOPIC, id.toString(), "UserRegistered", registered(id, username));

		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
			HttpApi.Response me = api.get("/api/v1/users/me").bearer(TestJwts.forUser(id, username)).send();
			assertThat(me.status()).isEqualTo(200);
			assertThat(me.json().path("username").asString()).isEqualTo(username);
			assertThat(me.json().path("fullName").asString()).isEqualTo("Ana Silva");
			assertThat(me.json().path("private").asBoolean()).isFalse();
			assertThat(me.json().path("accountType").asString()).isEqualTo("PERSONAL");
		});
	}

	@Test
	void duplicateDeliveryChangesNothing() {
		UUID id = UUID.randomUUID();
		String value = registered(id, "d" + id.toString().substring(0, 8));
		String later = registered(id, "d" + id.toString().substring(0, 8));
		KafkaTestConsumer.send(TOPIC, id.toString(), "UserRegistered", value);
		KafkaTestConsumer.send(TOPIC, id.toString(), "UserRegistered", value);
		// a later distinct event on the same key: once it is processed, both earlier deliveries were handled
		KafkaTestConsumer.send(TOPIC, id.toString(), "UserRegistered", later);

		ProcessedEvents.awaitAll(jdbc, CONSUMER, List.of(later));
		assertThat(ProcessedEvents.count(jdbc, CONSUMER, value)).isEqualTo(1);
		assertThat(jdbc.sql("SELECT count(*) FROM profile WHERE id = ?").param(id).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void deletedUserLosesTheirProfile() {
		UUID id = UUID.randomUUID();
		String username = "x" + id.toString().substring(0, 8);
		KafkaTestConsumer.send(TOPIC, id.toString(), "UserRegistered", registered(id, username));
		String deleted = EventContracts.example(TOPIC, "UserDeleted", Map.of("5f0c1d7e-2a43-4b8e-9d51-7c6a3e1f2b90", id.toString(),
				"2026-11-22T10:30:00Z", java.time.Instant.now().toString()));
		KafkaTestConsumer.send(TOPIC, id.toString(), "UserDeleted", deleted);

		ProcessedEvents.awaitAll(jdbc, CONSUMER, List.of(deleted));
		assertThat(jdbc.sql("SELECT count(*) FROM profile WHERE id = ?").param(id).query(Long.class).single()).isZero();
		// and the deleted account's own token no longer works (the platform's revocation)
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
			.until(() -> api.get("/api/v1/users/me").bearer(TestJwts.forUser(id, username)).send().status() == 401);
		assertThat(api.get("/api/v1/users/" + username).bearer(TestJwts.forUser(UUID.randomUUID(), "other")).send().status())
			.as("others no longer find the profile").isEqualTo(404);
	}

	@Test
	void malformedRecordGoesToTheDeadLetterTopicWithoutBlockingOthers() {
		UUID id = UUID.randomUUID();
		KafkaTestConsumer.send(TOPIC, id.toString(), "UserRegistered", "{not json");
		String username = "m" + id.toString().substring(0, 8);
		KafkaTestConsumer.send(TOPIC, id.toString(), "UserRegistered", registered(id, username));

		KafkaTestConsumer.await(TOPIC + "-dlt", r -> "{not json".equals(r.value()), Duration.ofSeconds(20));
		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
				jdbc.sql("SELECT count(*) FROM profile WHERE id = ?").param(id).query(Long.class).single()).isEqualTo(1));
	}

	/** The contract's example, made a distinct event for a distinct user. */
	private static String registered(UUID id, String username) {
		return EventContracts.example(TOPIC, "UserRegistered",
				Map.of("5f0c1d7e-2a43-4b8e-9d51-7c6a3e1f2b90", id.toString(), "ana.silva", username));
	}
}
