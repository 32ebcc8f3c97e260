package app.mosaic.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.mosaic.testkit.HttpApi;
import app.mosaic.testkit.KafkaTestConsumer;
import app.mosaic.testkit.MosaicServiceTest;
import app.mosaic.testkit.ServiceStubs;
import app.mosaic.testkit.TestJwts;
import app.mosaic.user.profile.Profiles;

/** Setting an avatar claims the media in media-service (here a stub HTTP server) with user-service's own token. */
@MosaicServiceTest
class AvatarIT {

	static final String ATTACH = "/internal/media/attach";

	@Autowired
	Profiles profiles;

	@Autowired
	HttpApi api;
	People.Person me;

	@BeforeEach
	void newPerson() {
		ServiceStubs.reset();
		me = People.create(profiles, "avatar");
	}

	@Test
	void setsAnAvatarClaimedWithAServiceTokenAndShowsItsSignedUrl() throws Exception {
		ServiceStubs.answer("POST", ATTACH, 200, "{\"items\":[]}");

		HttpApi.Response set = api.patch("/api/v1/users/me").bearer(me.token()).json(Map.of("avatarMediaId", "7402938475629183")).send();

		assertThat(set.status()).as(set.toString()).isEqualTo(200);
		assertThat(set.json().path("avatarMediaId").asString()).isEqualTo("7402938475629183");
		assertThat(set.json().path("avatarUrl").asString()).contains("/api/v1/media/7402938475629183/thumb", "sig=");
		ServiceStubs.Received call = ServiceStubs.received(ATTACH).getFirst();
		assertThat(call.body()).contains("\"ownerId\":\"" + me.id() + "\"", "\"target\":\"avatar:" + me.id() + "\"",
				"\"mediaIds\":[\"7402938475629183\"]");
		assertThat(call.authorization()).as("user-service's own client-credentials token, not the user's")
			.startsWith("Bearer ").isNotEqualTo("Bearer " + me.token());
		assertThat(SignedJWT.parse(call.authorization().substring(7)).getJWTClaimsSet().getStringClaim("azp"))
			.isEqualTo("mosaic-user");

		String other = TestJwts.forUser(UUID.randomUUID(), "someone");
		assertThat(api.get("/api/v1/users/" + me.username()).bearer(other).send().json().path("avatarUrl").asString())
			.contains("/api/v1/media/7402938475629183/thumb");
		var event = KafkaTestConsumer.await("user.events",
				r -> r.key().equals(me.id().toString()) && r.value().contains("7402938475629183"), Duration.ofSeconds(20));
		assertThat(event.value()).contains("\"avatarMediaId\":\"7402938475629183\"");
	}

	@Test
	void removesTheAvatarWithoutCallingMediaService() {
		ServiceStubs.answer("POST", ATTACH, 200, "{\"items\":[]}");
		api.patch("/api/v1/users/me").bearer(me.token()).json(Map.of("avatarMediaId", "11")).send();
		Map<String, Object> remove = new HashMap<>();
		remove.put("avatarMediaId", null);

		HttpApi.Response removed = api.patch("/api/v1/users/me").bearer(me.token()).json(remove).send();

		assertThat(removed.status()).isEqualTo(200);
		assertThat(removed.json().has("avatarUrl")).isFalse();
		assertThat(ServiceStubs.received(ATTACH)).hasSize(1);
		assertThat(profiles.findById(me.id()).orElseThrow().avatarMediaId()).isNull();
	}

	@Test
	void refusesMediaThatIsNotYoursOrNotReadyAndKeepsTheOldAvatar() {
		ServiceStubs.answer("POST", ATTACH, 200, "{\"items\":[]}");
		api.patch("/api/v1/users/me").bearer(me.token()).json(Map.of("avatarMediaId", "21")).send();

		ServiceStubs.answer("POST", ATTACH, 404, "{\"status\":404}");
		HttpApi.Response notYours = api.patch("/api/v1/users/me").bearer(me.token()).json(Map.of("avatarMediaId", "22", "bio", "new")).send();
		assertThat(notYours.status()).isEqualTo(400);
		assertThat(notYours.json().path("detail").asString()).contains("avatarMediaId", "not yours");

		ServiceStubs.answer("POST", ATTACH, 409, "{\"status\":409}");
		assertThat(api.patch("/api/v1/users/me").bearer(me.token()).json(Map.of("avatarMediaId", "23")).send().status()).isEqualTo(409);

		assertThat(api.patch("/api/v1/users/me").bearer(me.token()).json(Map.of("avatarMediaId", "abc")).send().status()).isEqualTo(400);
		assertThat(profiles.findById(me.id()).orElseThrow().avatarMediaId()).as("nothing changed, the bio neither").isEqualTo(21L);
		assertThat(profiles.findById(me.id()).orElseThrow().bio()).isNull();
	}

	@Test
	void answers503WhenMediaServiceFailsAndChangesNothing() {
		ServiceStubs.answer("POST", ATTACH, 500, "{}");

		HttpApi.Response failed = api.patch("/api/v1/users/me").bearer(me.token()).json(Map.of("avatarMediaId", "31")).send();

		assertThat(failed.status()).as(failed.toString()).isEqualTo(503);
		assertThat(failed.header("Retry-After")).isPresent();
		assertThat(profiles.findById(me.id()).orElseThrow().avatarMediaId()).isNull();
	}

	@Test
	void editsThatResendTheCurrentAvatarNeedNoMediaService() {
		ServiceStubs.answer("POST", ATTACH, 200, "{\"items\":[]}");
		api.patch("/api/v1/users/me").bearer(me.token()).json(Map.of("avatarMediaId", "51")).send();
		ServiceStubs.answer("POST", ATTACH, 500, "{}"); // media-service fails from now on

		HttpApi.Response edited = api.patch("/api/v1/users/me").bearer(me.token())
			.json(Map.of("avatarMediaId", "51", "bio", "Same face, new words")).send();

		assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
		assertThat(edited.json().path("bio").asString()).isEqualTo("Same face, new words");
		assertThat(ServiceStubs.received(ATTACH)).hasSize(1);
	}

	@Test
	void reusesOneServiceTokenUntilItExpires() {
		ServiceStubs.answer("POST", ATTACH, 200, "{\"items\":[]}");
		api.patch("/api/v1/users/me").bearer(me.token()).json(Map.of("avatarMediaId", "41")).send();
		int tokens = ServiceStubs.tokensIssued();

		for (int i = 0; i < 3; i++) {
			api.patch("/api/v1/users/me").bearer(me.token()).json(Map.of("avatarMediaId", "4" + i)).send();
		}

		assertThat(ServiceStubs.tokensIssued()).isEqualTo(tokens);
		assertThat(ServiceStubs.received(ATTACH)).hasSize(4);
	}
}
