package app.mosaic.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import app.mosaic.testkit.HttpApi;

/**
 * The home feed through the gateway with the real user, post, media and feed services: bob follows ana, ana
 * posts, the post is in bob's feed within two seconds, hydrated by post-service; bob unfollows and it is gone.
 */
class FeedJourneyIT {

	static HttpApi api;

	@BeforeAll
	static void platform() {
		api = Platform.gateway();
	}

	@Test
	void aFollowersFeedShowsANewPostWithinTwoSecondsAndAnUnfollowTakesItAway() throws Exception {
		Person anaPerson = Person.random();
		String ana = anaPerson.signUp();
		String bob = Person.random().signUp();
		assertThat(api.post("/api/v1/users/" + anaPerson.username() + "/follow").bearer(bob).send().status()).isEqualTo(200);
		// bob has read his feed once: from then on he is fanned out to
		await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/feed").bearer(bob).send().status() == 200);

		// this may be the platform's first post: its producers, consumers and code paths are still cold, so the
		// two seconds are held to from the second post on
		String first = Person.post(ana, "Warming up");
		await().atMost(Duration.ofSeconds(20)).until(() -> feed(bob).contains(first));

		String post = Person.post(ana, "For my followers");
		await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(100))
			.until(() -> feed(bob).contains(post));
		HttpApi.Response page = api.get("/api/v1/feed").bearer(bob).send();
		assertThat(page.json().path("degraded").asBoolean()).isFalse();
		assertThat(page.json().path("items").path(0).path("caption").asString()).isEqualTo("For my followers");
		assertThat(page.json().path("items").path(0).path("viewer").path("liked").isBoolean()).as("hydrated for bob").isTrue();
		assertThat(feed(ana)).as("the author's own feed").contains(post);

		assertThat(api.delete("/api/v1/users/" + anaPerson.username() + "/follow").bearer(bob).send().status()).isEqualTo(204);
		await().atMost(Duration.ofSeconds(10)).until(() -> !feed(bob).contains(post));
	}

	private static List<String> feed(String token) {
		return api.get("/api/v1/feed").bearer(token).send().json().path("items").valueStream().map(p -> p.path("id").asString()).toList();
	}
}
