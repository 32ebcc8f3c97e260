package app.mosaic.post.post;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
import app.mosaic.testkit.ServiceStubs;

/** Creating, reading, editing and deleting posts, with media-service as a stub HTTP server. */
@MosaicServiceTest
class PostsIT {

	@Autowired
	HttpApi api;

	@Autowired
	People people;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MediaClaims claims;

	Folks.Person ana;
	Folks.Person bob;

	@BeforeEach
	void setUp() {
		ServiceStubs.reset();
		ana = Folks.create(people, "ana");
		bob = Folks.create(people, "bob");
	}

	@Test
	void publishesACarouselWithCaptionMentionsPlaceAndAltTexts() {
		List<String> photos = Folks.photos(3);
		Map<String, Object> draft = Map.of("caption", "Golden hour in #Lisbon with @" + bob.username().toUpperCase() + " and @nobody_here #sunset",
				"mediaIds", photos, "altTexts", Map.of(photos.get(1), "The river at dusk"),
				"location", Map.of("name", "Miradouro da Graça", "lat", 38.7166, "lng", -9.1318), "hideLikeCount", true);

		HttpApi.Response created = api.post("/api/v1/posts").bearer(ana.token()).json(draft).send();

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		JsonNode post = created.json();
		String id = post.path("id").asString();
		assertThat(created.header("Location")).contains("/api/v1/posts/" + id);
		assertThat(post.path("author").path("username").asString()).isEqualTo(ana.username());
		assertThat(post.path("media").findValuesAsString("id")).containsExactlyElementsOf(photos);
		assertThat(post.path("media").path(1).path("altText").asString()).isEqualTo("The river at dusk");
		assertThat(post.path("media").path(0).path("variants").path("thumb").path("url").asString())
			.contains("/api/v1/media/" + photos.get(0) + "/thumb", "sig=");
		assertThat(post.path("media").path(0).path("variants").path("thumb").path("webpUrl").asString()).contains("thumb.webp");
		assertThat(post.path("hashtags").valueStream().map(JsonNode::asString)).containsExactly("lisbon", "sunset");
		assertThat(post.path("mentions").findValuesAsString("username")).containsExactly(bob.username());
		assertThat(post.path("location").path("name").asString()).isEqualTo("Miradouro da Graça");
		assertThat(post.path("place")).isEqualTo(post.path("location"));
		assertThat(post.path("likeCount").asInt()).as("the author sees the count they hide").isZero();
		assertThat(post.path("viewer").path("liked").asBoolean()).isFalse();

		ServiceStubs.Received attach = ServiceStubs.received(Folks.ATTACH).getFirst();
		assertThat(attach.body()).contains("\"ownerId\":\"" + ana.id() + "\"", "\"target\":\"post:" + id + "\"");
		assertThat(jdbc.sql("SELECT count(*) FROM media_claim WHERE post_id = ?").param(Long.parseLong(id)).query(Long.class).single())
			.as("the claim is settled with the post").isZero();

		var event = KafkaTestConsumer.await("post.events", r -> r.key().equals(id) && r.value().contains("\"PostCreated\""),
				Duration.ofSeconds(20));
		EventContracts.assertValid("post.events", "PostCreated", event.value());
		assertThat(event.value()).contains("\"audience\":\"PUBLIC\"", bob.id().toString(), "\"lisbon\"");

		HttpApi.Response seenByBob = api.get("/api/v1/posts/" + id).bearer(bob.token()).send();
		assertThat(seenByBob.status()).isEqualTo(200);
		assertThat(seenByBob.json().has("likeCount")).as("hidden from everyone but the author").isFalse();
	}

	@Test
	void refusesBadDraftsWithoutClaimingAnything() {
		Map<String, Object> eleven = Map.of("mediaIds", Folks.photos(11));
		assertThat(api.post("/api/v1/posts").bearer(ana.token()).json(eleven).send().json().path("detail").asString())
			.contains("at most 10");
		assertThat(status(Map.of("caption", "no photo"))).isEqualTo(400);
		assertThat(status(Map.of("mediaIds", List.of()))).isEqualTo(400);
		assertThat(status(Map.of("mediaIds", List.of("abc")))).isEqualTo(400);
		assertThat(status(Map.of("mediaIds", List.of("5", "5")))).isEqualTo(400);
		assertThat(status(Map.of("mediaIds", Folks.photos(1), "caption", "x".repeat(2_201)))).isEqualTo(400);
		StringBuilder tags = new StringBuilder();
		for (int i = 0; i < 31; i++) {
			tags.append("#t").append(i).append(' ');
		}
		assertThat(status(Map.of("mediaIds", Folks.photos(1), "caption", tags.toString()))).isEqualTo(400);
		assertThat(status(Map.of("mediaIds", List.of("7", "8"), "altTexts", Map.of("9", "not in the post")))).isEqualTo(400);
		assertThat(status(Map.of("mediaIds", Folks.photos(1), "location", Map.of("name", "Half", "lat", 10)))).isEqualTo(400);
		assertThat(status(Map.of("mediaIds", Folks.photos(1), "location", Map.of("name", "Far", "lat", 91, "lng", 0)))).isEqualTo(400);
		assertThat(status(Map.of("mediaIds", Folks.photos(1), "location", Map.of("placeId", "123456")))).isEqualTo(400);
		assertThat(ServiceStubs.received(Folks.ATTACH)).as("nothing reached media-service").isEmpty();
		assertThat(posts(ana)).isZero();
	}

	@Test
	void refusesMediaThatIsNotYoursOrStillProcessing() {
		ServiceStubs.answer("POST", Folks.ATTACH, 404, "{\"status\":404}");
		HttpApi.Response notYours = api.post("/api/v1/posts").bearer(ana.token()).json(Map.of("mediaIds", List.of("41"))).send();
		assertThat(notYours.status()).isEqualTo(400);
		assertThat(notYours.json().path("detail").asString()).contains("not yours");

		ServiceStubs.answer("POST", Folks.ATTACH, 409, "{\"status\":409}");
		assertThat(api.post("/api/v1/posts").bearer(ana.token()).json(Map.of("mediaIds", List.of("42"))).send().status()).isEqualTo(409);

		assertThat(posts(ana)).isZero();
		assertThat(claimsOf(ana)).as("media-service attached nothing: nothing to release").isZero();
	}

	@Test
	void mediaServiceDownAnswers503AndNoMediaStayClaimed() {
		ServiceStubs.answer("POST", Folks.ATTACH, 500, "{}");
		ServiceStubs.answer("POST", Folks.DETACH, 500, "{}");

		HttpApi.Response failed = api.post("/api/v1/posts").bearer(ana.token()).json(Map.of("mediaIds", List.of("51", "52"))).send();

		assertThat(failed.status()).as(failed.toString()).isEqualTo(503);
		assertThat(failed.contentType()).startsWith("application/problem+json");
		assertThat(failed.header("Retry-After")).isPresent();
		assertThat(posts(ana)).isZero();
		assertThat(claimsOf(ana)).as("media-service could not be told yet: the claim waits for the janitor").isEqualTo(1);

		ServiceStubs.answer("POST", Folks.DETACH, 200, "{\"detached\":2}");
		assertThat(claims.releaseAbandoned()).isGreaterThanOrEqualTo(1);
		assertThat(claimsOf(ana)).isZero();
		assertThat(ServiceStubs.received(Folks.DETACH).getLast().body()).contains("\"mediaIds\":[\"51\",\"52\"]", "\"target\":\"post:");
	}

	@Test
	void ownerEditsAndTagsAndMentionsAreParsedAgain() {
		String id = Folks.post(api, ana, "First #draft");
		Folks.Person cleo = Folks.create(people, "cleo");
		Map<String, Object> edit = new HashMap<>();
		edit.put("caption", "Final #Final with @" + cleo.username());
		edit.put("commentsDisabled", true);
		edit.put("location", Map.of("name", "Porto"));

		HttpApi.Response edited = api.patch("/api/v1/posts/" + id).bearer(ana.token()).json(edit).send();

		assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
		assertThat(edited.json().path("hashtags").path(0).asString()).isEqualTo("final");
		assertThat(edited.json().path("editedAt").isMissingNode()).isFalse();
		assertThat(edited.json().path("commentsDisabled").asBoolean()).isTrue();
		assertThat(edited.json().path("location").path("name").asString()).isEqualTo("Porto");
		assertThat(api.get("/api/v1/hashtags/draft").bearer(bob.token()).send().status()).as("no post has #draft any more").isEqualTo(404);
		var updated = KafkaTestConsumer.await("post.events", r -> r.key().equals(id) && r.value().contains("\"PostUpdated\""),
				Duration.ofSeconds(20));
		EventContracts.assertValid("post.events", "PostUpdated", updated.value());
		assertThat(updated.value()).contains("\"addedMentionUserIds\":[\"" + cleo.id() + "\"]");

		Map<String, Object> removePlace = new HashMap<>();
		removePlace.put("location", null);
		assertThat(api.patch("/api/v1/posts/" + id).bearer(ana.token()).json(removePlace).send().json().has("location")).isFalse();
		assertThat(api.patch("/api/v1/posts/" + id).bearer(bob.token()).json(Map.of("caption", "mine now")).send().status())
			.as("someone else's post").isEqualTo(403);
		assertThat(api.patch("/api/v1/posts/" + id).bearer(ana.token()).json(Map.of("caption", 5)).send().status()).isEqualTo(400);
		assertThat(api.patch("/api/v1/posts/" + id).bearer(ana.token()).json("[]").send().status()).isEqualTo(400);
	}

	@Test
	void ownerDeletesAndTheMediaAreReleased() {
		String id = Folks.post(api, ana, "Short-lived #ephemeral");

		assertThat(api.delete("/api/v1/posts/" + id).bearer(bob.token()).send().status()).isEqualTo(403);
		assertThat(api.delete("/api/v1/posts/" + id).bearer(ana.token()).send().status()).isEqualTo(204);

		assertThat(api.get("/api/v1/posts/" + id).bearer(ana.token()).send().status()).isEqualTo(404);
		assertThat(api.delete("/api/v1/posts/" + id).bearer(ana.token()).send().status()).isEqualTo(404);
		var deleted = KafkaTestConsumer.await("post.events", r -> r.key().equals(id) && r.value().contains("\"PostDeleted\""),
				Duration.ofSeconds(20));
		EventContracts.assertValid("post.events", "PostDeleted", deleted.value());
		assertThat(deleted.value()).contains("\"reason\":\"AUTHOR\"", "\"mediaIds\":[\"");
		assertThat(api.get("/api/v1/hashtags/ephemeral").bearer(ana.token()).send().status()).isEqualTo(404);
	}

	@Test
	void aPrivateAccountsPostsAreForApprovedFollowersAndBlocksHideEverything() {
		String id = Folks.post(api, ana, "Just for friends");
		people.profileUpdated(ana.id(), ana.username(), "Ana", null, true, Instant.now());
		Folks.Person friend = Folks.create(people, "friend");
		people.followed(friend.id(), ana.id());

		assertThat(api.get("/api/v1/posts/" + id).bearer(bob.token()).send().status()).isEqualTo(404);
		assertThat(api.get("/api/v1/users/" + ana.username() + "/posts").bearer(bob.token()).send().status()).isEqualTo(404);
		assertThat(api.post("/api/v1/posts/" + id + "/like").bearer(bob.token()).send().status()).isEqualTo(404);
		assertThat(api.post("/api/v1/posts/" + id + "/comments").bearer(bob.token()).json(Map.of("text", "hi")).send().status()).isEqualTo(404);
		assertThat(api.get("/api/v1/posts/" + id).bearer(friend.token()).send().status()).isEqualTo(200);
		assertThat(api.get("/api/v1/users/" + ana.username() + "/posts").bearer(friend.token()).send().json().path("items")).hasSize(1);

		people.blocked(ana.id(), friend.id());
		assertThat(api.get("/api/v1/posts/" + id).bearer(friend.token()).send().status()).as("blocked by the author").isEqualTo(404);
		people.unblocked(ana.id(), friend.id());
		people.blocked(friend.id(), ana.id());
		assertThat(api.get("/api/v1/posts/" + id).bearer(friend.token()).send().status()).as("blocking the author").isEqualTo(404);
		assertThat(api.get("/api/v1/posts/" + id).bearer(ana.token()).send().status()).as("the author always").isEqualTo(200);
		assertThat(api.get("/api/v1/posts/not-a-number").bearer(ana.token()).send().status()).isEqualTo(404);
	}

	@Test
	void profileGridIsNewestFirstInPages() {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			ids.add(Folks.post(api, ana, "Post " + i));
		}
		JsonNode first = api.get("/api/v1/users/" + ana.username() + "/posts?limit=3").bearer(bob.token()).send().json();
		assertThat(ids(first)).containsExactly(ids.get(4), ids.get(3), ids.get(2));
		JsonNode second = api.get("/api/v1/users/" + ana.username() + "/posts?limit=3&cursor=" + first.path("nextCursor").asString())
			.bearer(bob.token()).send().json();
		assertThat(ids(second)).containsExactly(ids.get(1), ids.get(0));
		assertThat(second.path("nextCursor").isNull()).isTrue();
		assertThat(api.get("/api/v1/users/me/posts").bearer(ana.token()).send().json().path("items")).hasSize(5);
		assertThat(api.get("/api/v1/users/nobody_at_all/posts").bearer(ana.token()).send().status()).isEqualTo(404);
	}

	static List<String> ids(JsonNode page) {
		return page.path("items").valueStream().map(item -> item.path("id").asString()).toList();
	}

	private int status(Map<String, Object> draft) {
		return api.post("/api/v1/posts").bearer(ana.token()).json(draft).send().status();
	}

	private long posts(Folks.Person author) {
		return jdbc.sql("SELECT count(*) FROM post WHERE author_id = ?").param(author.id()).query(Long.class).single();
	}

	private long claimsOf(Folks.Person owner) {
		return jdbc.sql("SELECT count(*) FROM media_claim WHERE owner_id = ?").param(owner.id()).query(Long.class).single();
	}
}
