package app.mosaic.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import app.mosaic.testkit.HttpApi;
import app.mosaic.testkit.SseClient;

/**
 * Notifications through the gateway with the real user, post, media and notification services: ana's stream, opened
 * as a browser's EventSource opens it (the token in the query), receives bob's follow, like and comment in order.
 */
class NotificationJourneyIT {

	static HttpApi api;

	@BeforeAll
	static void platform() {
		api = Platform.gateway();
	}

	@Test
	void aStreamReceivesAFollowALikeAndACommentInOrder() throws Exception {
		Person anaPerson = Person.random();
		Person bobPerson = Person.random();
		String ana = anaPerson.signUp();
		String bob = bobPerson.signUp();
		try (SseClient stream = SseClient.open(Platform.GATEWAY + "/api/v1/notifications/stream?access_token=" + ana, null, null)) {
			assertThat(stream.status()).isEqualTo(200);
			assertThat(stream.contentType()).startsWith("text/event-stream");
			assertThat(stream.next(Duration.ofSeconds(10)).name()).isEqualTo("unread");

			assertThat(api.post("/api/v1/users/" + anaPerson.username() + "/follow").bearer(bob).send().status()).isEqualTo(200);
			SseClient.Event follow = stream.next("notification", Duration.ofSeconds(30));
			assertThat(follow.data().path("type").asString()).isEqualTo("FOLLOW");
			assertThat(follow.data().path("actors").path(0).path("username").asString()).isEqualTo(bobPerson.username());

			String post = Person.post(ana, "Sunset");
			assertThat(api.post("/api/v1/posts/" + post + "/like").bearer(bob).send().status()).isEqualTo(200);
			SseClient.Event like = stream.next("notification", Duration.ofSeconds(30));
			assertThat(like.data().path("type").asString()).isEqualTo("LIKE");
			assertThat(like.data().path("post").path("id").asString()).isEqualTo(post);
			assertThat(like.data().path("post").path("thumbUrl").asString()).contains("sig=");

			assertThat(api.post("/api/v1/posts/" + post + "/comments").bearer(bob).json(Map.of("text", "Gorgeous!")).send().status())
				.isEqualTo(201);
			SseClient.Event comment = stream.next("notification", Duration.ofSeconds(30));
			assertThat(comment.data().path("type").asString()).isEqualTo("COMMENT");
			assertThat(comment.data().path("comment").path("text").asString()).isEqualTo("Gorgeous!");
			assertThat(Long.parseLong(comment.id())).isGreaterThan(Long.parseLong(like.id()));
		}
		HttpApi.Response list = api.get("/api/v1/notifications").bearer(ana).send();
		assertThat(list.json().path("items").valueStream().map(n -> n.path("type").asString()))
			.containsExactly("COMMENT", "LIKE", "FOLLOW");
		assertThat(api.get("/api/v1/notifications/unread-count").bearer(ana).send().json().path("count").asInt()).isEqualTo(3);
		assertThat(api.get("/api/v1/notifications").bearer(bob).send().json().path("items").size()).as("ana's, not bob's").isZero();
	}
}
