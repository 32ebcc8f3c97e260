package app.mosaic.system;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import app.mosaic.testkit.HttpApi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A person's account from sign-up to deletion, only through the gateway, against the real platform. */
class AccountJourneyIT {

	static HttpApi api;

	@BeforeAll
	static void platform() {
		api = Platform.gateway();
	}

	@Test
	void signUpSignInAndSeeYourProfile() {
		Person ana = Person.random();
		HttpApi.Response registered = ana.register();
		assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
		assertThat(registered.json().path("username").asString()).isEqualTo(ana.username());

		String byUsername = ana.signIn(ana.username()).json().path("accessToken").asString();
		// every account gets the realm's "user" role (Keycloak's default roles)
		assertThat(claims(byUsername).path("realm_access").path("roles").valueStream().map(JsonNode::asString))
			.contains("user");
		HttpApi.Response byEmail = ana.signIn(ana.email().toUpperCase());
		assertThat(byEmail.status()).isEqualTo(200);
		assertThat(byEmail.json().path("tokenType").asString()).isEqualTo("Bearer");
		assertThat(byEmail.json().path("expiresIn").asLong()).isPositive();

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			HttpApi.Response me = api.get("/api/v1/users/me").bearer(byUsername).send();
			assertThat(me.status()).as(me.toString()).isEqualTo(200);
			assertThat(me.json().path("username").asString()).isEqualTo(ana.username());
			assertThat(me.json().path("email").asString()).isEqualTo(ana.email());
		});
	}

	@Test
	void registrationRefusesTakenNamesAndBadInput() {
		Person bob = Person.random();
		assertThat(bob.register().status()).isEqualTo(201);
		assertThat(bob.register().status()).isEqualTo(409);

		HttpApi.Response bad = api.post("/api/v1/auth/register")
			.json(Map.of("username", "Bad Name!", "email", "x" + UUID.randomUUID() + "@example.com", "password", "long-enough-1"))
			.send();
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.contentType()).startsWith("application/problem+json");
		assertThat(bad.json().path("errors").findValuesAsString("field")).containsExactly("username");
	}

	@Test
	void wrongPasswordIs401AndRepeatedFailuresAre429() {
		Person carla = Person.random();
		carla.register();
		HttpApi.Response wrong = api.post("/api/v1/auth/token").json(Map.of("login", carla.username(), "password", "not-it-at-all")).send();
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.body()).doesNotContain("invalid_grant");
		for (int i = 0; i < 4; i++) {
			api.post("/api/v1/auth/token").json(Map.of("login", carla.username(), "password", "not-it-at-all")).send();
		}
		HttpApi.Response limited = carla.signIn(carla.username()); // even the right password waits now
		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.header("Retry-After")).isPresent();
	}

	@Test
	void refreshWorksUntilLogout() {
		Person dora = Person.random();
		dora.register();
		JsonNode tokens = dora.signIn(dora.username()).json();
		String refresh = tokens.path("refreshToken").asString();

		HttpApi.Response refreshed = api.post("/api/v1/auth/token/refresh").json(Map.of("refreshToken", refresh)).send();
		assertThat(refreshed.status()).isEqualTo(200);
		String access = refreshed.json().path("accessToken").asString();
		String newRefresh = refreshed.json().path("refreshToken").asString();

		assertThat(api.post("/api/v1/auth/logout").bearer(access).json(Map.of("refreshToken", newRefresh)).send().status())
			.isEqualTo(204);
		assertThat(api.post("/api/v1/auth/token/refresh").json(Map.of("refreshToken", newRefresh)).send().status())
			.isEqualTo(401);
	}

	@Test
	void missingTamperedAndExpiredTokensAre401() throws Exception {
		Person eve = Person.random();
		eve.register();
		String token = eve.signIn(eve.username()).json().path("accessToken").asString();

		assertThat(api.get("/api/v1/users/me").send().status()).isEqualTo(401);

		String[] parts = token.split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
			.replace(eve.username(), "admin");
		String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
				+ "." + parts[2];
		HttpApi.Response tampered = api.get("/api/v1/users/me").bearer(forged).send();
		assertThat(tampered.status()).isEqualTo(401);
		assertThat(tampered.contentType()).startsWith("application/problem+json");

		String expiring = KeycloakAdmin.shortLivedToken(eve.username(), eve.password(), 2);
		assertThat(api.get("/api/v1/users/me").bearer(expiring).send().status()).isNotEqualTo(401);
		// resource servers accept 60 s of clock skew (Spring Security's default), so wait past that
		Thread.sleep(65_000);
		assertThat(api.get("/api/v1/users/me").bearer(expiring).send().status()).isEqualTo(401);
	}

	@Test
	void forgotPasswordSendsAResetMailAndNeverRevealsAccounts() {
		Person finn = Person.random();
		finn.register();
		assertThat(api.post("/api/v1/auth/password/forgot").json(Map.of("email", finn.email())).send().status()).isEqualTo(202);
		assertThat(api.post("/api/v1/auth/password/forgot").json(Map.of("email", "nobody-" + UUID.randomUUID() + "@example.com"))
			.send().status()).isEqualTo(202);

		HttpApi mail = new HttpApi(Platform.MAIL_API);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			HttpApi.Response inbox = mail.get("/api/user/" + finn.email() + "/messages/INBOX").send();
			assertThat(inbox.status()).isEqualTo(200);
			assertThat(inbox.body()).contains("Update Password").contains("/login-actions/action-token");
		});
	}

	@Test
	void deletedAccountCannotSignInAndItsProfileIsGone() {
		Person gus = Person.random();
		gus.register();
		String token = gus.signIn(gus.username()).json().path("accessToken").asString();
		await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/users/me").bearer(token).send().status() == 200);

		assertThat(api.delete("/api/v1/auth/account").bearer(token).json(Map.of("password", "wrong-password")).send().status())
			.isEqualTo(403);
		assertThat(api.delete("/api/v1/auth/account").bearer(token).json(Map.of("password", gus.password())).send().status())
			.isEqualTo(202);

		assertThat(gus.signIn(gus.username()).status()).isEqualTo(401);
		// the access token has minutes left, yet from now on no service takes it
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(api.get("/api/v1/users/me").bearer(token).send().status()).isEqualTo(401);
			assertThat(api.post("/api/v1/media").bearer(token)
				.body("multipart/form-data; boundary=x", "--x--\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)).send().status())
				.isEqualTo(401);
		});
		Person witness = Person.random();
		witness.register();
		String other = witness.signIn(witness.username()).json().path("accessToken").asString();
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
				assertThat(api.get("/api/v1/users/" + gus.username()).bearer(other).send().status()).isEqualTo(404));
	}

	private static JsonNode claims(String jwt) {
		byte[] payload = Base64.getUrlDecoder().decode(jwt.split("\\.")[1]);
		return new HttpApi.Response(200, Map.of(), payload).json();
	}

}
