package app.mosaic.post.post;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import app.mosaic.post.Folks;
import app.mosaic.post.people.People;
import app.mosaic.testkit.HttpApi;
import app.mosaic.testkit.MosaicServiceTest;
import app.mosaic.testkit.ServiceStubs;
import app.mosaic.testkit.TestJwts;

/** The batch other services hydrate posts with: the viewer's view, in the order asked, without what they may not see. */
@MosaicServiceTest
class InternalBatchIT {

	@Autowired
	HttpApi api;

	@Autowired
	People people;

	Folks.Person ana;
	Folks.Person bob;
	String service = TestJwts.forService("mosaic-feed");

	@BeforeEach
	void setUp() {
		ServiceStubs.reset();
		ana = Folks.create(people, "ana");
		bob = Folks.create(people, "bob");
	}

	@Test
	void hydratesForTheViewerInOrderLeavingOutWhatTheyMayNotSee() {
		String first = Folks.post(api, ana, "First");
		String second = Folks.post(api, ana, "Second");
		Folks.Person secret = Folks.create(people, "secret");
		String hidden = Folks.post(api, secret, "Hidden");
		people.profileUpdated(secret.id(), secret.username(), null, null, true, Instant.now());
		api.post("/api/v1/posts/" + first + "/like").bearer(bob.token()).send();

		JsonNode items = api.post("/internal/posts/batch").bearer(service)
			.json(Map.of("viewerId", bob.id(), "postIds", List.of(second, hidden, "999", first))).send().json().path("items");

		assertThat(items.valueStream().map(i -> i.path("id").asString())).containsExactly(second, first);
		assertThat(items.path(1).path("viewer").path("liked").asBoolean()).isTrue();
		assertThat(items.path(1).path("likeCount").asInt()).isEqualTo(1);
		assertThat(items.path(1)).as("the same shape as GET /posts/{id}")
			.isEqualTo(api.get("/api/v1/posts/" + first).bearer(bob.token()).send().json());
	}

	@Test
	void answersServicesOnlyAndAtMostFiftyAtOnce() {
		String post = Folks.post(api, ana, "Mine");
		Map<String, Object> body = Map.of("viewerId", bob.id(), "postIds", List.of(post));
		assertThat(api.post("/internal/posts/batch").bearer(bob.token()).json(body).send().status()).isEqualTo(403);
		assertThat(api.post("/internal/posts/batch").json(body).send().status()).isEqualTo(401);
		List<String> many = new ArrayList<>();
		for (int i = 1; i <= 51; i++) {
			many.add(Integer.toString(i));
		}
		assertThat(api.post("/internal/posts/batch").bearer(service).json(Map.of("viewerId", bob.id(), "postIds", many)).send().status())
			.isEqualTo(400);
		assertThat(api.post("/internal/posts/batch").bearer(service).json(Map.of("viewerId", bob.id(), "postIds", List.of("x"))).send().status())
			.isEqualTo(400);
	}
}
