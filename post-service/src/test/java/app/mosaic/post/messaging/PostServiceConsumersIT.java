package app.mosaic.post.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import app.mosaic.post.Folks;
import app.mosaic.post.people.People;
import app.mosaic.testkit.EventContracts;
import app.mosaic.testkit.HttpApi;
import app.mosaic.testkit.KafkaTestConsumer;
import app.mosaic.testkit.MosaicServiceTest;
import app.mosaic.testkit.ProcessedEvents;
import app.mosaic.testkit.ServiceStubs;

/** post-service's copy of people and the graph, fed by the contracts' examples, and the erasure of an account. */
@MosaicServiceTest
class PostServiceConsumersIT {

	static final String EXAMPLE_USER = "5f0c1d7e-2a43-4b8e-9d51-7c6a3e1f2b90";

	@Autowired
	HttpApi api;

	@Autowired
	People people;

	@Autowired
	JdbcClient jdbc;

	Folks.Person ana;
	Folks.Person bob;

	@BeforeEach
	void setUp() {
		ServiceStubs.reset();
		ana = Folks.create(people, "ana");
		bob = Folks.create(people, "bob");
	}

	@Test
	void profileChangesShowWithPostsAndOlderOnesAreIgnored() {
		String post = Folks.post(api, ana, "Hello");
		String newer = EventContracts.example("user.events", "ProfileUpdated", Map.of(EXAMPLE_USER, ana.id().toString(),
				"ana.silva", ana.username(), "\"private\": true", "\"private\": false", "2026-11-22T10:45:00Z", Instant.now().toString()));
		String older = EventContracts.example("user.events", "ProfileUpdated", Map.of(EXAMPLE_USER, ana.id().toString(),
				"ana.silva", ana.username(), "7402938475629183", "1111", "2026-11-22T10:45:00Z", "2020-01-01T00:00:00Z"));
		KafkaTestConsumer.send("user.events", ana.id().toString(), "ProfileUpdated", newer);
		KafkaTestConsumer.send("user.events", ana.id().toString(), "ProfileUpdated", older);
		ProcessedEvents.awaitAll(jdbc, PostServiceConsumers.PROFILES, List.of(newer, older));

		JsonNode author = api.get("/api/v1/posts/" + post).bearer(bob.token()).send().json().path("author");
		assertThat(author.path("fullName").asString()).isEqualTo("Ana Silva");
		assertThat(author.path("avatarUrl").asString()).contains("/api/v1/media/7402938475629183/thumb");
	}

	@Test
	void approvedFollowsOpenAPrivateAccountAndBlocksCloseIt() {
		String post = Folks.post(api, ana, "Friends only");
		people.profileUpdated(ana.id(), ana.username(), "Ana", null, true, Instant.now());
		assertThat(api.get("/api/v1/posts/" + post).bearer(bob.token()).send().status()).isEqualTo(404);

		graph("FollowCreated", Map.of("5f0c1d7e-2a43-4b8e-9d51-7c6a3e1f2b90", bob.id().toString(),
				"9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d", ana.id().toString()));
		assertThat(api.get("/api/v1/posts/" + post).bearer(bob.token()).send().status()).isEqualTo(200);

		String example = EventContracts.example("graph.events", "UserBlocked");
		JsonNode payload = tools.jackson.databind.json.JsonMapper.builder().build().readTree(example).path("payload");
		graph("UserBlocked", Map.of(payload.path("blockerId").asString(), ana.id().toString(),
				payload.path("blockedId").asString(), bob.id().toString()));
		assertThat(api.get("/api/v1/posts/" + post).bearer(bob.token()).send().status()).isEqualTo(404);
	}

	@Test
	void aDeletedAccountTakesItsPostsAndEngagementWithEveryCountCorrected() {
		String anasPost = Folks.post(api, ana, "Ana's");
		String bobsPost = Folks.post(api, bob, "Bob's");
		api.post("/api/v1/posts/" + bobsPost + "/like").bearer(ana.token()).send();
		String top = api.post("/api/v1/posts/" + bobsPost + "/comments").bearer(ana.token()).json(Map.of("text", "Hi")).send()
			.json().path("id").asString();
		api.post("/api/v1/posts/" + bobsPost + "/comments").bearer(bob.token()).json(Map.of("text", "Hey", "replyToCommentId", top)).send();
		String bobsComment = api.post("/api/v1/posts/" + bobsPost + "/comments").bearer(bob.token()).json(Map.of("text", "Mine")).send()
			.json().path("id").asString();
		api.post("/api/v1/comments/" + bobsComment + "/like").bearer(ana.token()).send();
		api.post("/api/v1/posts/" + bobsPost + "/save").bearer(ana.token()).send();
		api.post("/api/v1/posts/" + anasPost + "/like").bearer(bob.token()).send();

		String deleted = EventContracts.example("identity.events", "UserDeleted", Map.of(EXAMPLE_USER, ana.id().toString()));
		KafkaTestConsumer.send("identity.events", ana.id().toString(), "UserDeleted", deleted);
		ProcessedEvents.awaitAll(jdbc, PostServiceConsumers.IDENTITY, List.of(deleted));

		JsonNode bobs = api.get("/api/v1/posts/" + bobsPost).bearer(bob.token()).send().json();
		assertThat(bobs.path("likeCount").asInt()).isZero();
		assertThat(bobs.path("commentCount").asInt()).as("ana's comment went with the reply to it").isEqualTo(1);
		assertThat(api.get("/api/v1/posts/" + bobsPost + "/comments").bearer(bob.token()).send().json().path("items").path(0)
			.path("likeCount").asInt()).isZero();
		assertThat(api.get("/api/v1/posts/" + anasPost).bearer(bob.token()).send().status()).isEqualTo(404);
		assertThat(jdbc.sql("SELECT count(*) FROM saved_post WHERE user_id = ?").param(ana.id()).query(Long.class).single()).isZero();
		var postDeleted = KafkaTestConsumer.await("post.events", r -> r.key().equals(anasPost) && r.value().contains("\"PostDeleted\""),
				Duration.ofSeconds(20));
		assertThat(postDeleted.value()).contains("\"reason\":\"ACCOUNT_DELETED\"");
	}

	@Test
	void aNewAccountIsKnownFromUserRegistered() {
		UUID id = UUID.randomUUID();
		String registered = EventContracts.example("identity.events", "UserRegistered", Map.of(EXAMPLE_USER, id.toString(),
				"ana.silva", "new_" + id.toString().substring(0, 8)));
		KafkaTestConsumer.send("identity.events", id.toString(), "UserRegistered", registered);
		ProcessedEvents.awaitAll(jdbc, PostServiceConsumers.IDENTITY, List.of(registered));

		assertThat(people.find(id)).hasValueSatisfying(p -> assertThat(p.username()).startsWith("new_"));
	}

	private void graph(String type, Map<String, String> replacements) {
		String value = EventContracts.example("graph.events", type, replacements);
		KafkaTestConsumer.send("graph.events", UUID.randomUUID().toString(), type, value);
		ProcessedEvents.awaitAll(jdbc, PostServiceConsumers.GRAPH, List.of(value));
	}
}
