package app.mosaic.user.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import app.mosaic.testkit.EventContracts;
import app.mosaic.testkit.HttpApi;
import app.mosaic.testkit.KafkaTestConsumer;
import app.mosaic.testkit.MosaicServiceTest;
import app.mosaic.testkit.TestJwts;
import app.mosaic.user.People;
import app.mosaic.user.People.Person;
import app.mosaic.user.profile.Profiles;

@MosaicServiceTest
class SocialGraphIT {

	@Autowired
	Profiles profiles;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	HttpApi api;

	private Person user(String name) {
		return People.create(profiles, name);
	}

	private HttpApi.Response follow(Person who, Person whom) {
		return api.post("/api/v1/users/" + whom.username() + "/follow").bearer(who.token()).send();
	}

	private JsonNode profile(Person viewer, Person target) {
		HttpApi.Response r = api.get("/api/v1/users/" + target.username()).bearer(viewer.token()).send();
		assertThat(r.status()).as(r.toString()).isEqualTo(200);
		return r.json();
	}

	private void setPrivate(Person user, boolean isPrivate) {
		HttpApi.Response r = api.patch("/api/v1/users/me").bearer(user.token()).json(Map.of("private", isPrivate)).send();
		assertThat(r.status()).as(r.toString()).isEqualTo(200);
	}

	private static String event(String type, UUID actor) {
		var record = KafkaTestConsumer.await("graph.events",
				r -> r.key().equals(actor.toString()) && r.value().contains("\"eventType\":\"" + type + "\""),
				Duration.ofSeconds(20));
		EventContracts.assertValid("graph.events", type, record.value());
		return record.value();
	}

	@Test
	void followingAPublicAccountIsImmediateIdempotentAndCounted() {
		Person ana = user("ana");
		Person bob = user("bob");

		assertThat(follow(ana, bob).json().path("state").asString()).isEqualTo("FOLLOWING");
		assertThat(follow(ana, bob).json().path("state").asString()).as("again").isEqualTo("FOLLOWING");

		JsonNode bobSeenByAna = profile(ana, bob);
		assertThat(bobSeenByAna.path("counts").path("followers").asInt()).isEqualTo(1);
		assertThat(bobSeenByAna.path("viewer").path("following").asBoolean()).isTrue();
		assertThat(profile(bob, ana).path("viewer").path("followedBy").asBoolean()).isTrue();
		assertThat(profile(bob, ana).path("counts").path("following").asInt()).isEqualTo(1);
		assertThat(event("FollowCreated", ana.id())).contains(bob.id().toString());

		assertThat(api.delete("/api/v1/users/" + bob.username() + "/follow").bearer(ana.token()).send().status()).isEqualTo(204);
		assertThat(api.delete("/api/v1/users/" + bob.username() + "/follow").bearer(ana.token()).send().status()).isEqualTo(204);
		assertThat(profile(ana, bob).path("counts").path("followers").asInt()).isZero();
		assertThat(profile(ana, bob).path("viewer").path("following").asBoolean()).isFalse();
		assertThat(event("FollowRemoved", ana.id())).contains("UNFOLLOWED");

		assertThat(follow(ana, ana).status()).isEqualTo(400);
		assertThat(api.post("/api/v1/users/nobody_here_at_all/follow").bearer(ana.token()).send().status()).isEqualTo(404);
	}

	@Test
	void privateAccountsApproveDeclineAndReceiveCancelledRequests() {
		Person owner = user("priv");
		setPrivate(owner, true);
		Person asker = user("asker");
		Person decliner = user("declined");
		Person canceller = user("cancel");
		Person stranger = user("stranger");

		assertThat(follow(asker, owner).json().path("state").asString()).isEqualTo("REQUESTED");
		assertThat(follow(asker, owner).json().path("state").asString()).isEqualTo("REQUESTED");
		assertThat(profile(asker, owner).path("viewer").path("requested").asBoolean()).isTrue();
		assertThat(profile(asker, owner).path("counts").path("followers").asInt()).isZero();
		event("FollowRequested", asker.id());
		HttpApi.Response requests = api.get("/api/v1/users/me/follow-requests").bearer(owner.token()).send();
		assertThat(requests.json().path("items").findValuesAsString("username")).containsExactly(asker.username());

		assertThat(api.post("/api/v1/users/me/follow-requests/" + asker.username() + "/approve").bearer(stranger.token())
			.send().status()).as("only the account's owner approves").isEqualTo(404);
		assertThat(api.post("/api/v1/users/me/follow-requests/" + asker.username() + "/approve").bearer(owner.token())
			.send().status()).isEqualTo(204);
		assertThat(profile(asker, owner).path("viewer").path("following").asBoolean()).isTrue();
		assertThat(profile(asker, owner).path("counts").path("followers").asInt()).isEqualTo(1);
		event("FollowRequestApproved", asker.id());
		event("FollowCreated", asker.id());

		follow(decliner, owner);
		assertThat(api.post("/api/v1/users/me/follow-requests/" + decliner.username() + "/decline").bearer(owner.token())
			.send().status()).isEqualTo(204);
		assertThat(profile(decliner, owner).path("viewer").path("requested").asBoolean()).isFalse();
		event("FollowRequestDeclined", decliner.id());
		assertThat(api.post("/api/v1/users/me/follow-requests/" + decliner.username() + "/decline").bearer(owner.token())
			.send().status()).isEqualTo(404);

		follow(canceller, owner);
		api.delete("/api/v1/users/" + owner.username() + "/follow").bearer(canceller.token()).send();
		event("FollowRequestCancelled", canceller.id());

		follow(stranger, owner);
		setPrivate(owner, false);
		assertThat(profile(stranger, owner).path("viewer").path("following").asBoolean())
			.as("going public lets pending requests in").isTrue();
		assertThat(profile(stranger, owner).path("counts").path("followers").asInt()).isEqualTo(2);
	}

	@Test
	void aPrivateAccountsListsAreHiddenFromNonFollowers() {
		Person owner = user("lists");
		Person follower = user("fan");
		Person stranger = user("outsider");
		follow(follower, owner);
		setPrivate(owner, true);

		assertThat(api.get("/api/v1/users/" + owner.username() + "/followers").bearer(stranger.token()).send().status())
			.isEqualTo(404);
		assertThat(api.get("/api/v1/users/" + owner.username() + "/following").bearer(stranger.token()).send().status())
			.isEqualTo(404);
		assertThat(api.get("/api/v1/users/" + owner.username() + "/followers").bearer(follower.token()).send().json()
			.path("items").findValuesAsString("username")).containsExactly(follower.username());
		assertThat(api.get("/api/v1/users/me/followers").bearer(owner.token()).send().json().path("items")).hasSize(1);
	}

	@Test
	void listsArePagedNewestFirstWithACursor() {
		Person star = user("star");
		List<String> fans = new ArrayList<>();
		for (int i = 0; i < 23; i++) {
			Person fan = user("fan" + i);
			follow(fan, star);
			fans.add(0, fan.username());
		}
		JsonNode first = api.get("/api/v1/users/" + star.username() + "/followers?limit=20").bearer(star.token()).send().json();
		String cursor = first.path("nextCursor").asString();
		JsonNode second = api.get("/api/v1/users/" + star.username() + "/followers?limit=20&cursor=" + cursor)
			.bearer(star.token()).send().json();

		assertThat(first.path("items").findValuesAsString("username")).containsExactlyElementsOf(fans.subList(0, 20));
		assertThat(second.path("items").findValuesAsString("username")).containsExactlyElementsOf(fans.subList(20, 23));
		assertThat(second.has("nextCursor")).as("null, not absent, on the last page").isTrue();
		assertThat(second.path("nextCursor").isNull()).isTrue();
		HttpApi.Response tooMany = api.get("/api/v1/users/" + star.username() + "/followers?limit=51").bearer(star.token()).send();
		assertThat(tooMany.status()).isEqualTo(400);
		assertThat(tooMany.json().path("errors").path(0).path("field").asString()).isEqualTo("limit");
		assertThat(api.get("/api/v1/users/" + star.username() + "/followers?cursor=abc").bearer(star.token()).send().status())
			.isEqualTo(400);
	}

	@Test
	void blockingRemovesFollowsBothWaysAndHidesEachFromTheOther() {
		Person ana = user("blocker");
		Person bob = user("blocked");
		Person carl = user("witness");
		follow(ana, bob);
		follow(bob, ana);
		follow(bob, carl);

		assertThat(api.post("/api/v1/users/" + bob.username() + "/block").bearer(ana.token()).send().status()).isEqualTo(204);
		assertThat(api.post("/api/v1/users/" + bob.username() + "/block").bearer(ana.token()).send().status()).isEqualTo(204);

		JsonNode bobSeenByAna = profile(ana, bob);
		assertThat(bobSeenByAna.path("viewer").path("blocking").asBoolean()).isTrue();
		assertThat(bobSeenByAna.path("viewer").path("following").asBoolean()).isFalse();
		assertThat(bobSeenByAna.path("counts").path("followers").asInt()).isZero();
		assertThat(profile(ana, ana).path("counts").path("followers").asInt()).isZero();
		assertThat(api.get("/api/v1/users/" + ana.username()).bearer(bob.token()).send().status()).isEqualTo(404);
		assertThat(follow(bob, ana).status()).isEqualTo(404);
		assertThat(follow(ana, bob).status()).isEqualTo(403);
		// every action on the blocker answers as for a name that does not exist
		String nobody = "/api/v1/users/nobody.here.at.all";
		for (String action : List.of("/block", "/mute")) {
			assertThat(api.post("/api/v1/users/" + ana.username() + action).bearer(bob.token()).send().status()).as(action)
				.isEqualTo(api.post(nobody + action).bearer(bob.token()).send().status()).isEqualTo(404);
			assertThat(api.delete("/api/v1/users/" + ana.username() + action).bearer(bob.token()).send().status()).as(action)
				.isEqualTo(404);
		}
		assertThat(api.delete("/api/v1/users/me/followers/" + ana.username()).bearer(bob.token()).send().status()).isEqualTo(404);
		assertThat(api.post("/api/v1/users/me/follow-requests/" + ana.username() + "/approve").bearer(bob.token()).send().status())
			.isEqualTo(404);
		assertThat(api.get("/api/v1/users/" + ana.username() + "/followers").bearer(bob.token()).send().status()).isEqualTo(404);
		assertThat(api.get("/api/v1/users/" + carl.username() + "/followers").bearer(ana.token()).send().json().path("items"))
			.as("lists omit people in a block with the viewer").isEmpty();
		assertThat(api.get("/api/v1/users/me/blocked").bearer(ana.token()).send().json().path("items")
			.findValuesAsString("username")).containsExactly(bob.username());
		event("UserBlocked", ana.id());

		assertThat(api.delete("/api/v1/users/" + bob.username() + "/block").bearer(ana.token()).send().status()).isEqualTo(204);
		assertThat(api.get("/api/v1/users/" + ana.username()).bearer(bob.token()).send().status()).isEqualTo(200);
		assertThat(profile(bob, ana).path("viewer").path("following").asBoolean()).as("follows are not restored").isFalse();
		event("UserUnblocked", ana.id());
	}

	@Test
	void mutingIsIdempotentAndInvisibleToTheMuted() {
		Person ana = user("muter");
		Person bob = user("muted");
		follow(ana, bob);

		assertThat(api.post("/api/v1/users/" + bob.username() + "/mute").bearer(ana.token()).send().status()).isEqualTo(204);
		assertThat(api.post("/api/v1/users/" + bob.username() + "/mute").bearer(ana.token()).send().status()).isEqualTo(204);

		assertThat(profile(ana, bob).path("viewer").path("muting").asBoolean()).isTrue();
		assertThat(profile(ana, bob).path("viewer").path("following").asBoolean()).isTrue();
		// the muted person's view of the muter carries nothing that could tell them
		assertThat(profile(bob, ana).path("viewer").propertyNames())
			.containsExactlyInAnyOrder("following", "requested", "followedBy", "blocking", "muting");
		assertThat(profile(bob, ana).path("viewer").path("muting").asBoolean()).isFalse();
		event("UserMuted", ana.id());
		assertThat(api.delete("/api/v1/users/" + bob.username() + "/mute").bearer(ana.token()).send().status()).isEqualTo(204);
		assertThat(profile(ana, bob).path("viewer").path("muting").asBoolean()).isFalse();
		event("UserUnmuted", ana.id());
	}

	@Test
	void removingAFollowerEndsTheirFollow() {
		Person ana = user("remover");
		Person bob = user("removed");
		follow(bob, ana);

		assertThat(api.delete("/api/v1/users/me/followers/" + bob.username()).bearer(ana.token()).send().status()).isEqualTo(204);

		assertThat(profile(bob, ana).path("viewer").path("following").asBoolean()).isFalse();
		assertThat(profile(bob, ana).path("counts").path("followers").asInt()).isZero();
		assertThat(event("FollowRemoved", bob.id())).contains("REMOVED_BY_FOLLOWEE");
	}

	@Test
	void concurrentDuplicatesLeaveOneRowAndRightCounts() throws Exception {
		Person ana = user("racer");
		Person bob = user("target");
		try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
			List<CompletableFuture<Integer>> calls = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				Person who = i % 2 == 0 ? ana : bob;
				Person whom = i % 2 == 0 ? bob : ana;
				calls.add(CompletableFuture.supplyAsync(() -> follow(who, whom).status(), pool));
			}
			assertThat(calls.stream().map(CompletableFuture::join)).containsOnly(200);
		}
		assertThat(jdbc.sql("SELECT count(*) FROM follow WHERE follower_id IN (?, ?)").params(ana.id(), bob.id())
			.query(Integer.class).single()).isEqualTo(2);
		assertThat(profile(ana, bob).path("counts").path("followers").asInt()).isEqualTo(1);
		assertThat(profile(ana, bob).path("counts").path("following").asInt()).isEqualTo(1);
	}

	@Test
	void deletedAccountsLeaveTheGraphWithAnEventPerFollow() {
		Person gone = user("leaving");
		Person fan = user("leftfan");
		Person idol = user("leftidol");
		follow(fan, gone);
		follow(gone, idol);
		String deleted = EventContracts.example("identity.events", "UserDeleted",
				Map.of("5f0c1d7e-2a43-4b8e-9d51-7c6a3e1f2b90", gone.id().toString()));

		KafkaTestConsumer.send("identity.events", gone.id().toString(), "UserDeleted", deleted);

		await().atMost(Duration.ofSeconds(20)).untilAsserted(
				() -> assertThat(api.get("/api/v1/users/" + gone.username()).bearer(fan.token()).send().status()).isEqualTo(404));
		assertThat(profile(fan, fan).path("counts").path("following").asInt()).isZero();
		assertThat(profile(fan, idol).path("counts").path("followers").asInt()).isZero();
		assertThat(event("FollowRemoved", fan.id())).contains("ACCOUNT_DELETED");
		assertThat(event("FollowRemoved", gone.id())).contains("ACCOUNT_DELETED", idol.id().toString());
	}

	@Test
	void servicesAskManyRelationsInOneCall() {
		Person viewer = user("viewer");
		Person followed = user("followed");
		Person blocker = user("blockerx");
		follow(viewer, followed);
		api.post("/api/v1/users/" + viewer.username() + "/block").bearer(blocker.token()).send();

		HttpApi.Response answer = api.post("/internal/users/relations").bearer(TestJwts.forService("feed-service"))
			.json(Map.of("viewerId", viewer.id(), "userIds", List.of(followed.id(), blocker.id(), UUID.randomUUID()))).send();

		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		assertThat(answer.json().path("items")).hasSize(2);
		for (JsonNode item : answer.json().path("items")) {
			if (item.path("userId").asString().equals(followed.id().toString())) {
				assertThat(item.path("following").asBoolean()).isTrue();
			}
			else {
				assertThat(item.path("blockedBy").asBoolean()).isTrue();
			}
		}
		assertThat(api.post("/internal/users/relations").bearer(viewer.token())
			.json(Map.of("viewerId", viewer.id(), "userIds", List.of(followed.id()))).send().status()).isEqualTo(403);
	}
}
