package app.mosaic.post.save;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import app.mosaic.post.Folks;
import app.mosaic.post.people.People;
import app.mosaic.testkit.EventContracts;
import app.mosaic.testkit.HttpApi;
import app.mosaic.testkit.KafkaTestConsumer;
import app.mosaic.testkit.MosaicServiceTest;
import app.mosaic.testkit.ServiceStubs;

/** Saved posts and collections: private to their owner, and consistent with each other. */
@MosaicServiceTest
class SavesIT {

	@Autowired
	HttpApi api;

	@Autowired
	People people;

	Folks.Person ana;
	Folks.Person bob;

	@BeforeEach
	void setUp() {
		ServiceStubs.reset();
		ana = Folks.create(people, "ana");
		bob = Folks.create(people, "bob");
	}

	@Test
	void savedPostsAreListedNewestSavedFirstAndOnlyToTheirOwner() {
		String first = Folks.post(api, ana, "One");
		String second = Folks.post(api, ana, "Two");
		save(bob, second);
		save(bob, first);
		save(bob, first);

		JsonNode saved = api.get("/api/v1/users/me/saved").bearer(bob.token()).send().json();
		assertThat(ids(saved)).containsExactly(first, second);
		assertThat(saved.path("items").path(0).path("viewer").path("saved").asBoolean()).isTrue();
		assertThat(ids(api.get("/api/v1/users/me/saved").bearer(ana.token()).send().json())).isEmpty();
		var event = KafkaTestConsumer.await("post.events", r -> r.key().equals(first) && r.value().contains("\"PostSaved\""),
				Duration.ofSeconds(20));
		EventContracts.assertValid("post.events", "PostSaved", event.value());

		assertThat(api.delete("/api/v1/posts/" + first + "/save").bearer(bob.token()).send().json().path("saved").asBoolean()).isFalse();
		assertThat(ids(api.get("/api/v1/users/me/saved").bearer(bob.token()).send().json())).containsExactly(second);
	}

	@Test
	void collectionsHoldSavedPostsAndAreInvisibleToOthers() {
		String post = Folks.post(api, ana, "Trip");
		HttpApi.Response created = api.post("/api/v1/collections").bearer(bob.token()).json(Map.of("name", "Trips")).send();
		assertThat(created.status()).isEqualTo(201);
		String collection = created.json().path("id").asString();
		assertThat(api.post("/api/v1/collections").bearer(bob.token()).json(Map.of("name", "trips")).send().status())
			.as("one name per person, in any case").isEqualTo(409);
		assertThat(api.post("/api/v1/collections").bearer(bob.token()).json(Map.of("name", " ")).send().status()).isEqualTo(400);

		JsonNode added = api.post("/api/v1/collections/" + collection + "/posts/" + post).bearer(bob.token()).send().json();
		assertThat(added.path("postCount").asInt()).isEqualTo(1);
		assertThat(added.path("cover").asString()).contains("/thumb", "sig=");
		assertThat(ids(api.get("/api/v1/users/me/saved").bearer(bob.token()).send().json())).as("adding saves it").containsExactly(post);
		JsonNode page = api.get("/api/v1/collections/" + collection).bearer(bob.token()).send().json();
		assertThat(page.path("name").asString()).isEqualTo("Trips");
		assertThat(ids(page)).containsExactly(post);
		assertThat(api.get("/api/v1/collections").bearer(bob.token()).send().json().path("items").path(0).path("id").asString())
			.isEqualTo(collection);

		String asCollection = "/api/v1/collections/" + collection;
		assertThat(api.get(asCollection).bearer(ana.token()).send().status()).isEqualTo(404);
		assertThat(api.delete(asCollection).bearer(ana.token()).send().status()).isEqualTo(404);
		assertThat(api.post(asCollection + "/posts/" + post).bearer(ana.token()).send().status()).isEqualTo(404);
		assertThat(api.delete(asCollection + "/posts/" + post).bearer(ana.token()).send().status()).isEqualTo(404);
		assertThat(api.patch("/api/v1/collections/" + collection).bearer(ana.token()).json(Map.of("name", "Mine")).send().status())
			.isEqualTo(404);
		assertThat(ids(api.get("/api/v1/collections").bearer(ana.token()).send().json())).isEmpty();

		assertThat(api.patch("/api/v1/collections/" + collection).bearer(bob.token()).json(Map.of("name", "Holidays")).send()
			.json().path("name").asString()).isEqualTo("Holidays");
		api.delete("/api/v1/posts/" + post + "/save").bearer(bob.token()).send();
		assertThat(api.get("/api/v1/collections/" + collection).bearer(bob.token()).send().json().path("postCount").asInt())
			.as("unsaving takes it out of every collection").isZero();

		save(bob, post);
		api.post("/api/v1/collections/" + collection + "/posts/" + post).bearer(bob.token()).send();
		assertThat(api.delete("/api/v1/collections/" + collection).bearer(bob.token()).send().status()).isEqualTo(204);
		assertThat(ids(api.get("/api/v1/users/me/saved").bearer(bob.token()).send().json())).as("still saved").containsExactly(post);
	}

	@Test
	void savingAPostYouMayNotSeeIsNotFound() {
		String post = Folks.post(api, ana, "Private soon");
		people.blocked(ana.id(), bob.id());

		assertThat(api.post("/api/v1/posts/" + post + "/save").bearer(bob.token()).send().status()).isEqualTo(404);
	}

	private void save(Folks.Person who, String post) {
		assertThat(api.post("/api/v1/posts/" + post + "/save").bearer(who.token()).send().json().path("saved").asBoolean()).isTrue();
	}

	static List<String> ids(JsonNode page) {
		return page.path("items").valueStream().map(item -> item.path("id").asString()).toList();
	}
}
