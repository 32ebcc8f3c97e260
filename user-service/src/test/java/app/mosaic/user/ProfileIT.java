package app.mosaic.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.mosaic.testkit.EventContracts;
import app.mosaic.testkit.HttpApi;
import app.mosaic.testkit.KafkaTestConsumer;
import app.mosaic.testkit.MosaicServiceTest;
import app.mosaic.testkit.TestJwts;
import app.mosaic.user.profile.Profiles;

@MosaicServiceTest
class ProfileIT {

	@Autowired
	Profiles profiles;

	@Autowired
	HttpApi api;
	People.Person me;

	@Autowired
	javax.sql.DataSource dataSource;

	@BeforeEach
	void newPerson() {
		me = People.create(profiles, "edit");
	}

	@Test
	void editsProfileFieldsAndPublishesProfileUpdated() {
		HttpApi.Response edited = api.patch("/api/v1/users/me").bearer(me.token())
			.json(Map.of("fullName", "Ana Silva", "bio", "Photos of Lisbon", "website", "https://ana.example/pics",
					"private", true, "accountType", "CREATOR"))
			.send();

		assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
		assertThat(edited.json().path("fullName").asString()).isEqualTo("Ana Silva");
		assertThat(edited.json().path("bio").asString()).isEqualTo("Photos of Lisbon");
		assertThat(edited.json().path("private").asBoolean()).isTrue();
		assertThat(edited.json().path("accountType").asString()).isEqualTo("CREATOR");
		var event = KafkaTestConsumer.await("user.events", r -> r.key().equals(me.id().toString()), Duration.ofSeconds(20));
		EventContracts.assertValid("user.events", "ProfileUpdated", event.value());
		assertThat(event.value()).contains("\"private\":true", me.username());

		Map<String, Object> clear = new HashMap<>();
		clear.put("bio", null);
		HttpApi.Response cleared = api.patch("/api/v1/users/me").bearer(me.token()).json(clear).send();
		assertThat(cleared.json().has("bio")).as("explicit null clears").isFalse();
		assertThat(cleared.json().path("fullName").asString()).as("absent fields stay").isEqualTo("Ana Silva");

		HttpApi.Response seen = api.get("/api/v1/users/" + me.username()).bearer(TestJwts.forUser(UUID.randomUUID(), "x")).send();
		assertThat(seen.json().path("website").asString()).isEqualTo("https://ana.example/pics");
		assertThat(seen.json().has("email")).as("others never see the e-mail").isFalse();
	}

	@Test
	void refusesInvalidEditsPerField() {
		assertField(Map.of("bio", "x".repeat(151)), "bio");
		assertField(Map.of("website", "ftp://files.example"), "website");
		assertField(Map.of("website", "not a url"), "website");
		assertThat(api.patch("/api/v1/users/me").bearer(me.token()).json(Map.of("accountType", "ALIEN")).send().status())
			.isEqualTo(400);
		assertThat(api.patch("/api/v1/users/me").json(Map.of("bio", "x")).send().status()).isEqualTo(401);
	}

	@Test
	void refusesControlCharactersAndLooseTypesNamingTheFieldWithoutEchoingIt() {
		assertField(Map.of("bio", "ab\u0000cd"), "bio");
		assertField(Map.of("fullName", "a\u0007b"), "fullName");
		assertField(Map.of("private", 1), "private");
		assertField(Map.of("accountType", 1), "accountType");
		HttpApi.Response loneSurrogate = api.patch("/api/v1/users/me").bearer(me.token())
			.body("application/json", "{\"bio\":\"\\ud800 secret-input\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8)).send();
		assertThat(loneSurrogate.status()).isEqualTo(400);
		assertThat(loneSurrogate.json().path("errors").path(0).path("field").asString()).isEqualTo("bio");
		assertThat(loneSurrogate.body()).doesNotContain("secret-input");
		HttpApi.Response coerced = api.patch("/api/v1/users/me").bearer(me.token()).json(Map.of("private", "yes-please")).send();
		assertThat(coerced.json().path("errors").path(0).path("message").asString()).isEqualTo("must be true or false");
		assertThat(coerced.body()).doesNotContain("yes-please");
	}

	@Test
	void cutsOffAChunkedBodyOverTheLimitOnTheBytesRead() {
		byte[] big = ("{\"bio\":\"" + "x".repeat(1_500_000) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
		HttpApi.Response chunked = api.patch("/api/v1/users/me").bearer(me.token()).chunked("application/json", big).send();
		assertThat(chunked.status()).isEqualTo(413);
		assertThat(chunked.contentType()).startsWith("application/problem+json");
	}

	@Test
	void anExhaustedDatabasePoolShedsTheRequestWith503AndRetryAfter() throws Exception {
		java.util.List<java.sql.Connection> held = new java.util.ArrayList<>();
		try {
			// take every connection, as an overload would
			for (int i = 0; i < 10; i++) {
				held.add(dataSource.getConnection());
			}
			HttpApi.Response busy = api.get("/api/v1/users/me").bearer(me.token()).send();
			assertThat(busy.status()).isEqualTo(503);
			assertThat(busy.header("Retry-After")).isPresent();
			assertThat(busy.contentType()).startsWith("application/problem+json");
			// a write finds out when its transaction begins, not in JDBC: the same answer
			HttpApi.Response busyWrite = api.patch("/api/v1/users/me").bearer(me.token()).json(Map.of("bio", "busy")).send();
			assertThat(busyWrite.status()).isEqualTo(503);
			assertThat(busyWrite.header("Retry-After")).isPresent();
		}
		finally {
			for (java.sql.Connection c : held) {
				c.close();
			}
		}
		assertThat(api.get("/api/v1/users/me").bearer(me.token()).send().status()).isEqualTo(200);
	}

	@Test
	void storesTextInOneNormalForm() {
		// "é" typed as e + combining acute is stored as the single code point
		HttpApi.Response edited = api.patch("/api/v1/users/me").bearer(me.token()).json(Map.of("fullName", "Jose\u0301")).send();
		assertThat(edited.status()).isEqualTo(200);
		assertThat(edited.json().path("fullName").asString()).isEqualTo("Jos\u00e9");
	}

	@Test
	void unknownProfilesAre404() {
		HttpApi.Response r = api.get("/api/v1/users/no_such_person_here").bearer(me.token()).send();
		assertThat(r.status()).isEqualTo(404);
		assertThat(r.contentType()).isEqualTo("application/problem+json");
	}

	private void assertField(Map<String, Object> body, String field) {
		HttpApi.Response r = api.patch("/api/v1/users/me").bearer(me.token()).json(body).send();
		assertThat(r.status()).as(r.toString()).isEqualTo(400);
		assertThat(r.json().path("errors").findValuesAsString("field")).contains(field);
	}
}
