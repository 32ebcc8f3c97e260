package app.mosaic.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import app.mosaic.testkit.HttpApi;
import app.mosaic.testkit.MultipartBody;

/**
 * Posting through the gateway with the real media, user and post services: a carousel, a follower's like,
 * comment and save into a collection, a reply, an edit, privacy, and the deletion that releases everything.
 */
class PostJourneyIT {

	static HttpApi api;

	@BeforeAll
	static void platform() {
		api = Platform.gateway();
	}

	@Test
	void aCarouselIsLikedCommentedSavedEditedAndDeleted() throws Exception {
		Person anaPerson = Person.random();
		String ana = anaPerson.signUp();
		String bob = Person.random().signUp();
		List<String> photos = List.of(upload(ana), upload(ana));
		String place = "Jardim " + anaPerson.username();

		HttpApi.Response created = api.post("/api/v1/posts").bearer(ana)
			.json(Map.of("caption", "Two views of #MosaicJourney", "mediaIds", photos,
					"altTexts", Map.of(photos.get(0), "Blue stripes"), "location", Map.of("name", place, "lat", 38.72, "lng", -9.15)))
			.send();
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String post = created.json().path("id").asString();
		assertThat(created.json().path("media").valueStream().map(m -> m.path("id").asString())).containsExactlyElementsOf(photos);
		assertThat(api.post("/api/v1/posts").bearer(ana).json(Map.of("mediaIds", photos)).send().status())
			.as("the photos belong to the post now").isEqualTo(409);
		await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/users/" + anaPerson.username()).bearer(bob).send()
			.json().path("counts").path("posts").asInt() == 1);

		assertThat(api.post("/api/v1/users/" + anaPerson.username() + "/follow").bearer(bob).send().status()).isEqualTo(200);
		JsonNode seen = api.get("/api/v1/posts/" + post).bearer(bob).send().json();
		String thumb = seen.path("media").path(0).path("variants").path("thumb").path("url").asString();
		assertThat(api.get(thumb.substring(thumb.indexOf("/api/"))).send().status()).as("its images load").isEqualTo(200);
		assertThat(api.post("/api/v1/posts/" + post + "/like").bearer(bob).send().json().path("likeCount").asInt()).isEqualTo(1);
		HttpApi.Response comment = api.post("/api/v1/posts/" + post + "/comments").bearer(bob).json(Map.of("text", "Gorgeous!")).send();
		assertThat(comment.status()).isEqualTo(201);
		String commentId = comment.json().path("id").asString();
		assertThat(api.post("/api/v1/posts/" + post + "/comments").bearer(ana)
			.json(Map.of("text", "Thank you", "replyToCommentId", commentId)).send().status()).isEqualTo(201);
		String collection = api.post("/api/v1/collections").bearer(bob).json(Map.of("name", "Inspiration")).send().json().path("id").asString();
		assertThat(api.post("/api/v1/collections/" + collection + "/posts/" + post).bearer(bob).send().json().path("postCount").asInt())
			.isEqualTo(1);
		assertThat(api.get("/api/v1/collections/" + collection).bearer(ana).send().status()).as("bob's, not ana's").isEqualTo(404);

		JsonNode mine = api.get("/api/v1/posts/" + post).bearer(ana).send().json();
		assertThat(mine.path("likeCount").asInt()).isEqualTo(1);
		assertThat(mine.path("commentCount").asInt()).isEqualTo(2);
		assertThat(api.get("/api/v1/posts/" + post + "/comments").bearer(ana).send().json().path("items").path(0).path("replyCount").asInt())
			.isEqualTo(1);
		assertThat(api.get("/api/v1/hashtags/mosaicjourney/posts").bearer(bob).send().json().path("items").valueStream()
			.map(p -> p.path("id").asString())).contains(post);
		assertThat(api.get("/api/v1/places/search?q=" + place.replace(' ', '+') + "&lat=38.7&lng=-9.1").bearer(bob).send().json()
			.path("items").path(0).path("name").asString()).isEqualTo(place);

		assertThat(api.patch("/api/v1/posts/" + post).bearer(ana).json(Map.of("caption", "Edited #MosaicJourney")).send().status()).isEqualTo(200);
		assertThat(api.patch("/api/v1/posts/" + post).bearer(bob).json(Map.of("caption", "Mine")).send().status()).isEqualTo(403);
		assertThat(api.get("/api/v1/posts/" + post).bearer(bob).send().json().path("caption").asString()).isEqualTo("Edited #MosaicJourney");

		String stranger = Person.random().signUp();
		assertThat(api.patch("/api/v1/users/me").bearer(ana).json(Map.of("private", true)).send().status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> api.get("/api/v1/posts/" + post).bearer(stranger).send().status() == 404);
		assertThat(api.get("/api/v1/posts/" + post).bearer(bob).send().status()).as("an approved follower").isEqualTo(200);

		assertThat(api.delete("/api/v1/posts/" + post).bearer(ana).send().status()).isEqualTo(204);
		assertThat(api.get("/api/v1/posts/" + post).bearer(bob).send().status()).isEqualTo(404);
		assertThat(api.get("/api/v1/collections/" + collection).bearer(bob).send().json().path("postCount").asInt()).isZero();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			for (String photo : photos) {
				assertThat(api.get("/api/v1/media/" + photo).bearer(ana).send().status()).as("deleted with the post").isEqualTo(404);
			}
		});
		await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/users/me").bearer(ana).send()
			.json().path("counts").path("posts").asInt() == 0);
	}

	private static String upload(String token) throws Exception {
		MultipartBody body = new MultipartBody().file("file", "photo.jpg", "image/jpeg", MediaJourneyIT.photo(1200, 900));
		HttpApi.Response uploaded = api.post("/api/v1/media").bearer(token).body(body.contentType(), body.bytes()).send();
		assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
		return uploaded.json().path("id").asString();
	}
}
