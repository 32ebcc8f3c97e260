package app.mosaic.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import app.mosaic.testkit.HttpApi;
import app.mosaic.testkit.MultipartBody;

/**
 * Profiles and the social graph through the gateway, with every service real: Keycloak issues user-service
 * its own token to claim an avatar in media-service; follows, requests, blocks and search as people use them.
 */
class SocialGraphJourneyIT {

	static HttpApi api;

	@BeforeAll
	static void platform() {
		api = Platform.gateway();
	}

	@Test
	void avatarIsClaimedFromMediaServiceAndServedToOthers() throws Exception {
		Member ana = Member.join();
		Member viewer = Member.join();
		String mediaId = upload(ana.token);

		HttpApi.Response edited = api.patch("/api/v1/users/me").bearer(ana.token)
			.json(Map.of("avatarMediaId", mediaId, "bio", "Lisbon in pictures", "accountType", "CREATOR")).send();

		assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
		JsonNode seen = api.get("/api/v1/users/" + ana.username).bearer(viewer.token).send().json();
		assertThat(seen.path("bio").asString()).isEqualTo("Lisbon in pictures");
		URI avatar = URI.create(seen.path("avatarUrl").asString());
		HttpApi.Response image = api.get(avatar.getRawPath() + "?" + avatar.getRawQuery()).send();
		assertThat(image.status()).as(image.toString()).isEqualTo(200);
		assertThat(ImageIO.read(new ByteArrayInputStream(image.bytes())).getWidth()).isEqualTo(150);

		String strangers = upload(viewer.token);
		HttpApi.Response notHers = api.patch("/api/v1/users/me").bearer(ana.token).json(Map.of("avatarMediaId", strangers)).send();
		assertThat(notHers.status()).as("someone else's upload").isEqualTo(400);
		assertThat(api.get("/api/v1/users/me").bearer(ana.token).send().json().path("avatarMediaId").asString())
			.isEqualTo(mediaId);
	}

	@Test
	void followRequestsBlocksAndSearchBetweenThreePeople() {
		Member ana = Member.join();
		Member bea = Member.join();
		Member cid = Member.join();
		assertThat(api.patch("/api/v1/users/me").bearer(bea.token).json(Map.of("private", true)).send().status()).isEqualTo(200);

		// a public account is followed at once; a private one is asked
		assertThat(follow(cid, ana).json().path("state").asString()).isEqualTo("FOLLOWING");
		assertThat(follow(cid, bea).json().path("state").asString()).isEqualTo("REQUESTED");
		JsonNode anaSeenByCid = api.get("/api/v1/users/" + ana.username).bearer(cid.token).send().json();
		assertThat(anaSeenByCid.path("counts").path("followers").asInt()).isEqualTo(1);
		assertThat(anaSeenByCid.path("viewer").path("following").asBoolean()).isTrue();
		assertThat(api.get("/api/v1/users/" + bea.username + "/followers").bearer(cid.token).send().status())
			.as("a private account's lists, before approval").isEqualTo(404);

		// bea approves cid's request: now cid sees her lists
		HttpApi.Response requests = api.get("/api/v1/users/me/follow-requests").bearer(bea.token).send();
		assertThat(usernames(requests)).containsExactly(cid.username);
		assertThat(api.post("/api/v1/users/me/follow-requests/" + cid.username + "/approve").bearer(ana.token).send().status())
			.as("not ana's request to approve").isEqualTo(404);
		assertThat(api.post("/api/v1/users/me/follow-requests/" + cid.username + "/approve").bearer(bea.token).send().status())
			.isEqualTo(204);
		assertThat(usernames(api.get("/api/v1/users/" + bea.username + "/followers").bearer(cid.token).send()))
			.containsExactly(cid.username);
		assertThat(usernames(api.get("/api/v1/users/" + cid.username + "/following").bearer(ana.token).send()))
			.containsExactlyInAnyOrder(ana.username, bea.username);

		// search finds people by name prefix, typo-tolerant
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				usernames(api.get("/api/v1/users/search?q=" + bea.username.substring(0, 8)).bearer(ana.token).send()))
			.contains(bea.username));

		// ana blocks cid: the follow goes, and ana disappears for cid
		assertThat(api.post("/api/v1/users/" + cid.username + "/block").bearer(ana.token).send().status()).isEqualTo(204);
		assertThat(api.get("/api/v1/users/" + ana.username).bearer(cid.token).send().status()).isEqualTo(404);
		assertThat(follow(cid, ana).status()).isEqualTo(404);
		assertThat(usernames(api.get("/api/v1/users/search?q=" + ana.username).bearer(cid.token).send()))
			.doesNotContain(ana.username);
		assertThat(api.get("/api/v1/users/me").bearer(cid.token).send().json().path("counts").path("following").asInt())
			.isEqualTo(1);
		assertThat(usernames(api.get("/api/v1/users/me/blocked").bearer(ana.token).send())).containsExactly(cid.username);

		// mute is silent: bea mutes cid, who still sees her as before
		assertThat(api.post("/api/v1/users/" + cid.username + "/mute").bearer(bea.token).send().status()).isEqualTo(204);
		assertThat(api.get("/api/v1/users/" + cid.username).bearer(bea.token).send().json().path("viewer").path("muting")
			.asBoolean()).as("bea sees her mute").isTrue();
		JsonNode beaSeenByCid = api.get("/api/v1/users/" + bea.username).bearer(cid.token).send().json();
		assertThat(beaSeenByCid.path("viewer").path("following").asBoolean()).isTrue();
		assertThat(beaSeenByCid.path("viewer").path("muting").asBoolean()).as("cid is told nothing").isFalse();

		// unfollow and remove-follower leave nobody behind
		assertThat(api.delete("/api/v1/users/me/followers/" + cid.username).bearer(bea.token).send().status()).isEqualTo(204);
		assertThat(api.get("/api/v1/users/me").bearer(bea.token).send().json().path("counts").path("followers").asInt())
			.isZero();
	}

	@Test
	void suggestsWhomThePeopleYouFollowFollow() {
		Member dan = Member.join();
		Member eva = Member.join();
		Member fay = Member.join();
		follow(dan, eva);
		follow(eva, fay);

		HttpApi.Response suggestions = api.get("/api/v1/users/suggestions").bearer(dan.token).send();

		assertThat(suggestions.status()).as(suggestions.toString()).isEqualTo(200);
		JsonNode first = suggestions.json().path("items").get(0);
		assertThat(first.path("user").path("username").asString()).isEqualTo(fay.username);
		assertThat(first.path("followedBy").asInt()).as("eva, whom dan follows, follows fay").isEqualTo(1);
		assertThat(suggestions.json().path("items").valueStream().map(i -> i.path("user").path("username").asString()))
			.doesNotContain(dan.username, eva.username);
	}

	private static HttpApi.Response follow(Member who, Member whom) {
		return api.post("/api/v1/users/" + whom.username + "/follow").bearer(who.token).send();
	}

	private static List<String> usernames(HttpApi.Response page) {
		assertThat(page.status()).as(page.toString()).isEqualTo(200);
		return page.json().path("items").valueStream().map(u -> u.path("username").asString()).toList();
	}

	private static String upload(String token) throws Exception {
		BufferedImage image = new BufferedImage(400, 400, BufferedImage.TYPE_INT_RGB);
		var g = image.createGraphics();
		g.setColor(new Color(200, 60, 90));
		g.fillOval(50, 50, 300, 300);
		g.dispose();
		ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
		ImageIO.write(image, "jpeg", jpeg);
		MultipartBody body = new MultipartBody().file("file", "me.jpg", "image/jpeg", jpeg.toByteArray());
		HttpApi.Response created = api.post("/api/v1/media").bearer(token).body(body.contentType(), body.bytes()).send();
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().path("id").asString();
	}

	/** A signed-up person whose profile user-service has created (from UserRegistered, moments later). */
	record Member(String username, String token) {

		static Member join() {
			Person person = Person.random();
			String token = person.signUp();
			await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/users/me").bearer(token).send().status() == 200);
			return new Member(person.username(), token);
		}
	}
}
