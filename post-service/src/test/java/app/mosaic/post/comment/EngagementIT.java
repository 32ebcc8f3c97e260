package app.mosaic.post.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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

/** Likes, comments, replies and comment likes: who may do what, and counts that stay exact. */
@MosaicServiceTest
class EngagementIT {

	@Autowired
	HttpApi api;

	@Autowired
	People people;

	@Autowired
	JdbcClient jdbc;

	Folks.Person ana;
	Folks.Person bob;
	String post;

	@BeforeEach
	void setUp() {
		ServiceStubs.reset();
		ana = Folks.create(people, "ana");
		bob = Folks.create(people, "bob");
		post = Folks.post(api, ana, "Like me");
	}

	@Test
	void likingTwiceIsOneLikeAndUnlikingTakesItBack() {
		JsonNode liked = api.post("/api/v1/posts/" + post + "/like").bearer(bob.token()).send().json();
		assertThat(liked.path("liked").asBoolean()).isTrue();
		assertThat(liked.path("likeCount").asInt()).isEqualTo(1);
		assertThat(api.post("/api/v1/posts/" + post + "/like").bearer(bob.token()).send().json().path("likeCount").asInt()).isEqualTo(1);
		assertThat(api.get("/api/v1/posts/" + post).bearer(bob.token()).send().json().path("viewer").path("liked").asBoolean()).isTrue();
		assertThat(api.get("/api/v1/posts/" + post + "/likes").bearer(ana.token()).send().json().path("items").path(0).path("username").asString())
			.isEqualTo(bob.username());
		var event = KafkaTestConsumer.await("post.events", r -> r.key().equals(post) && r.value().contains("\"PostLiked\""),
				Duration.ofSeconds(20));
		EventContracts.assertValid("post.events", "PostLiked", event.value());
		assertThat(event.value()).contains("\"postAuthorId\":\"" + ana.id() + "\"", "\"userId\":\"" + bob.id() + "\"");

		JsonNode unliked = api.delete("/api/v1/posts/" + post + "/like").bearer(bob.token()).send().json();
		assertThat(unliked.path("liked").asBoolean()).isFalse();
		assertThat(unliked.path("likeCount").asInt()).isZero();
		assertThat(api.delete("/api/v1/posts/" + post + "/like").bearer(bob.token()).send().status()).isEqualTo(200);
		EventContracts.assertValid("post.events", "PostUnliked", KafkaTestConsumer.await("post.events",
				r -> r.key().equals(post) && r.value().contains("\"PostUnliked\""), Duration.ofSeconds(20)).value());
		assertThat(api.post("/api/v1/posts/999/like").bearer(bob.token()).send().status()).isEqualTo(404);
	}

	/**
	 * 48 callers share a pool of 10 connections: on a loaded machine some wait past the pool's 3 s and are shed
	 * with 503 before anything is written, and a client sends them again, as Retry-After says.
	 */
	private static int admitted(java.util.function.IntSupplier call) throws InterruptedException {
		int status = call.getAsInt();
		for (int tries = 0; status == 503 && tries < 10; tries++) {
			Thread.sleep(200);
			status = call.getAsInt();
		}
		return status;
	}

	@Test
	void concurrentLikesAndCommentsAreCountedExactly() throws Exception {
		int people = 300;
		List<Folks.Person> likers = new ArrayList<>();
		for (int i = 0; i < people; i++) {
			likers.add(Folks.create(this.people, "fan"));
		}
		try (ExecutorService pool = Executors.newFixedThreadPool(48)) {
			List<Future<Integer>> answers = new ArrayList<>();
			for (Folks.Person liker : likers) {
				answers.add(pool.submit(() -> admitted(() -> api.post("/api/v1/posts/" + post + "/like").bearer(liker.token()).send().status())));
				answers.add(pool.submit(() -> admitted(() -> api.post("/api/v1/posts/" + post + "/like").bearer(liker.token()).send().status())));
				answers.add(pool.submit(() -> admitted(() -> api.post("/api/v1/posts/" + post + "/comments").bearer(liker.token())
					.json(Map.of("text", "First!")).send().status())));
			}
			for (Future<Integer> answer : answers) {
				assertThat(answer.get()).isIn(200, 201);
			}
		}
		JsonNode counted = api.get("/api/v1/posts/" + post).bearer(ana.token()).send().json();
		assertThat(counted.path("likeCount").asInt()).isEqualTo(people);
		assertThat(counted.path("commentCount").asInt()).isEqualTo(people);
		assertThat(jdbc.sql("SELECT count(*) FROM post_like WHERE post_id = ?").param(Long.parseLong(post)).query(Long.class).single())
			.isEqualTo(people);
	}

	@Test
	void repliesAreOneLevelDeepAndCountedOnTheirThread() {
		String top = comment(bob, Map.of("text", "Where is this, @" + ana.username() + "?"));
		String reply = comment(ana, Map.of("text", "Lisbon!", "replyToCommentId", top));
		String replyToReply = comment(bob, Map.of("text", "Thanks", "replyToCommentId", reply));

		JsonNode replies = api.get("/api/v1/comments/" + top + "/replies").bearer(bob.token()).send().json();
		assertThat(replies.path("items").valueStream().map(c -> c.path("id").asString())).containsExactly(replyToReply, reply);
		assertThat(replies.path("items").path(0).path("parentId").asString()).as("attached to the thread").isEqualTo(top);
		JsonNode comments = api.get("/api/v1/posts/" + post + "/comments").bearer(bob.token()).send().json();
		assertThat(comments.path("items")).hasSize(1);
		assertThat(comments.path("items").path(0).path("replyCount").asInt()).isEqualTo(2);
		assertThat(comments.path("items").path(0).path("mentions").path(0).path("username").asString()).isEqualTo(ana.username());
		assertThat(api.get("/api/v1/posts/" + post).bearer(bob.token()).send().json().path("commentCount").asInt()).isEqualTo(3);

		var created = KafkaTestConsumer.await("post.events", r -> r.key().equals(post) && r.value().contains(replyToReply),
				Duration.ofSeconds(20));
		EventContracts.assertValid("post.events", "CommentCreated", created.value());
		assertThat(created.value()).contains("\"parentCommentId\":\"" + top + "\"", "\"parentAuthorId\":\"" + bob.id() + "\"",
				"\"postAuthorId\":\"" + ana.id() + "\"");

		Folks.Person other = Folks.create(people, "other");
		assertThat(api.post("/api/v1/posts/" + post + "/comments").bearer(other.token())
			.json(Map.of("text", "x", "replyToCommentId", "12345")).send().status()).isEqualTo(404);
		assertThat(api.post("/api/v1/posts/" + post + "/comments").bearer(other.token()).json(Map.of("text", "  ")).send().status())
			.isEqualTo(400);
		assertThat(api.post("/api/v1/posts/" + post + "/comments").bearer(other.token()).json(Map.of("text", "y".repeat(2_201)))
			.send().status()).isEqualTo(400);
	}

	@Test
	void authorsEditTheirCommentsAndPostOwnersDeleteAnyOnTheirPost() {
		String bobs = comment(bob, Map.of("text", "Nice"));
		String reply = comment(bob, Map.of("text", "Really nice", "replyToCommentId", bobs));
		Folks.Person cleo = Folks.create(people, "cleo");

		assertThat(api.patch("/api/v1/comments/" + bobs).bearer(ana.token()).json(Map.of("text", "Rude")).send().status()).isEqualTo(403);
		HttpApi.Response edited = api.patch("/api/v1/comments/" + bobs).bearer(bob.token()).json(Map.of("text", "Very nice")).send();
		assertThat(edited.json().path("text").asString()).isEqualTo("Very nice");
		assertThat(edited.json().has("editedAt")).isTrue();
		assertThat(api.delete("/api/v1/comments/" + bobs).bearer(cleo.token()).send().status()).isEqualTo(403);

		assertThat(api.delete("/api/v1/comments/" + bobs).bearer(ana.token()).send().status()).as("the post's owner").isEqualTo(204);

		assertThat(api.get("/api/v1/comments/" + reply + "/replies").bearer(bob.token()).send().status()).as("went with its thread")
			.isEqualTo(404);
		assertThat(api.get("/api/v1/posts/" + post).bearer(bob.token()).send().json().path("commentCount").asInt()).isZero();
		var deleted = KafkaTestConsumer.await("post.events", r -> r.key().equals(post) && r.value().contains("\"CommentDeleted\"")
				&& r.value().contains(reply), Duration.ofSeconds(20));
		EventContracts.assertValid("post.events", "CommentDeleted", deleted.value());
	}

	@Test
	void commentsTurnedOffAreRefused() {
		api.patch("/api/v1/posts/" + post).bearer(ana.token()).json(Map.of("commentsDisabled", true)).send();

		HttpApi.Response refused = api.post("/api/v1/posts/" + post + "/comments").bearer(bob.token()).json(Map.of("text", "hi")).send();

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().path("detail").asString()).contains("turned off");
	}

	@Test
	void commentLikesAreIdempotentAndTold() {
		String c = comment(bob, Map.of("text", "Like this comment"));

		assertThat(api.post("/api/v1/comments/" + c + "/like").bearer(ana.token()).send().json().path("likeCount").asInt()).isEqualTo(1);
		assertThat(api.post("/api/v1/comments/" + c + "/like").bearer(ana.token()).send().json().path("likeCount").asInt()).isEqualTo(1);
		assertThat(api.get("/api/v1/posts/" + post + "/comments").bearer(ana.token()).send().json()
			.path("items").path(0).path("viewer").path("liked").asBoolean()).isTrue();
		EventContracts.assertValid("post.events", "CommentLiked", KafkaTestConsumer.await("post.events",
				r -> r.key().equals(post) && r.value().contains("\"CommentLiked\""), Duration.ofSeconds(20)).value());
		assertThat(api.delete("/api/v1/comments/" + c + "/like").bearer(ana.token()).send().json().path("likeCount").asInt()).isZero();
		EventContracts.assertValid("post.events", "CommentUnliked", KafkaTestConsumer.await("post.events",
				r -> r.key().equals(post) && r.value().contains("\"CommentUnliked\""), Duration.ofSeconds(20)).value());
	}

	@Test
	void commentsOfPeopleInABlockWithTheViewerAreHidden() {
		Folks.Person troll = Folks.create(people, "troll");
		comment(troll, Map.of("text", "Bad take"));
		comment(bob, Map.of("text", "Good take"));
		people.blocked(bob.id(), troll.id());

		JsonNode seen = api.get("/api/v1/posts/" + post + "/comments").bearer(bob.token()).send().json();

		assertThat(seen.path("items").valueStream().map(i -> i.path("text").asString())).containsExactly("Good take");
	}

	private String comment(Folks.Person who, Map<String, Object> body) {
		HttpApi.Response created = api.post("/api/v1/posts/" + post + "/comments").bearer(who.token()).json(body).send();
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().path("id").asString();
	}
}
