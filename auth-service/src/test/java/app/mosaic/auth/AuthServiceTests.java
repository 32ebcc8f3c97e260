package app.mosaic.auth;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import app.mosaic.auth.keycloak.KeycloakAccounts;
import app.mosaic.auth.keycloak.KeycloakAccounts.Creation;
import app.mosaic.auth.keycloak.KeycloakTokens;
import app.mosaic.auth.keycloak.KeycloakUnavailableException;
import app.mosaic.auth.keycloak.Tokens;
import app.mosaic.testkit.EventContracts;
import app.mosaic.testkit.HttpApi;
import app.mosaic.testkit.KafkaTestConsumer;
import app.mosaic.testkit.MosaicServiceTest;
import app.mosaic.testkit.ServiceBaselineTests;
import app.mosaic.testkit.TestJwts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * Auth-service against real PostgreSQL and Kafka, with Keycloak's two clients stubbed: the real Keycloak is
 * exercised by the system tests through the gateway.
 */
@MosaicServiceTest
class AuthServiceTests extends ServiceBaselineTests {

	private static final String TOPIC = "identity.events";

	@MockitoBean
	KeycloakAccounts keycloak;

	@MockitoBean
	KeycloakTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Test
	void registrationPublishesUserRegisteredMatchingItsContract() {
		UUID id = UUID.randomUUID();
		when(keycloak.create(eq("ana.silva"), eq("ana@example.com"), eq("s3cret-pass"), eq("Ana Silva")))
			.thenReturn(new Creation.Created(id));

		HttpApi.Response created = api.post("/api/v1/auth/register")
			.json(Map.of("username", "ana.silva", "email", "Ana@Example.com", "password", "s3cret-pass", "fullName", "Ana Silva"))
			.send();

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().path("userId").asString()).isEqualTo(id.toString());
		assertThat(created.json().path("email").asString()).isEqualTo("ana@example.com");
		ConsumerRecord<String, String> record = KafkaTestConsumer.await(TOPIC, r -> id.toString().equals(r.key()),
				Duration.ofSeconds(20));
		assertThat(new String(record.headers().lastHeader("event-type").value())).isEqualTo("UserRegistered");
		EventContracts.assertValid(TOPIC, "UserRegistered", record.value());
	}

	@Test
	void takenUsernameIsAConflictAndPublishesNothing() {
		when(keycloak.create(eq("taken"), anyString(), anyString(), any())).thenReturn(new Creation.Taken("username"));
		long before = outboxRows();

		HttpApi.Response response = api.post("/api/v1/auth/register")
			.json(Map.of("username", "taken", "email", "t@example.com", "password", "long-enough"))
			.send();

		assertThat(response.status()).isEqualTo(409);
		assertThat(response.json().path("detail").asString()).contains("username");
		assertThat(outboxRows()).isEqualTo(before);
	}

	@Test
	void invalidRegistrationNamesEachBadField() {
		HttpApi.Response response = api.post("/api/v1/auth/register")
			.json(Map.of("username", "Not Valid!", "email", "nope", "password", "short"))
			.send();

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().path("errors").findValuesAsString("field")).contains("username", "email", "password");
		HttpApi.Response reserved = api.post("/api/v1/auth/register")
			.json(Map.of("username", "search", "email", "search@example.com", "password", "long-enough-1"))
			.send();
		assertThat(reserved.status()).as("names that are paths under /users are reserved").isEqualTo(400);
		assertThat(reserved.json().path("errors").findValuesAsString("field")).containsExactly("username");
		for (String name : java.util.List.of(".", "..", "_", "__", ".ana", "ana.", "an..a")) {
			HttpApi.Response refused = api.post("/api/v1/auth/register")
				.json(Map.of("username", name, "email", "dots@example.com", "password", "long-enough-1"))
				.send();
			assertThat(refused.status()).as(name).isEqualTo(400);
			assertThat(refused.json().path("errors").findValuesAsString("field")).as(name).containsExactly("username");
		}
		HttpApi.Response nul = api.post("/api/v1/auth/register")
			.json(Map.of("username", "nul.name", "email", "nul@example.com", "password", "long-enough-1", "fullName", "a\u0000b"))
			.send();
		assertThat(nul.status()).isEqualTo(400);
		assertThat(nul.json().path("errors").findValuesAsString("field")).containsExactly("fullName");
	}

	@Test
	void valuesKeycloakRefusesAreABadRequestNotAnOutage() {
		when(keycloak.create(eq("refused.one"), anyString(), anyString(), any()))
			.thenReturn(new Creation.Refused("This username, e-mail or name cannot be used."));
		HttpApi.Response response = api.post("/api/v1/auth/register")
			.json(Map.of("username", "refused.one", "email", "refused@example.com", "password", "long-enough-1"))
			.send();
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.header("Retry-After")).isEmpty();
	}

	@Test
	void malformedJsonIsABadRequest() {
		HttpApi.Response response = api.post("/api/v1/auth/register").json("{\"username\": ").send();
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().path("title").asString()).isEqualTo("Malformed request body");
	}

	@Test
	void wrongCredentialsAre401AndKeycloakDownIs503() {
		when(tokens.passwordGrant(eq("ana"), eq("wrong-pass"), isNull())).thenReturn(null);
		assertThat(api.post("/api/v1/auth/token").json(Map.of("login", "ana", "password", "wrong-pass")).send().status())
			.isEqualTo(401);

		when(tokens.passwordGrant(eq("bob"), anyString(), isNull()))
			.thenThrow(new KeycloakUnavailableException("connection refused", null));
		HttpApi.Response down = api.post("/api/v1/auth/token").json(Map.of("login", "bob", "password", "whatever1")).send();
		assertThat(down.status()).isEqualTo(503);
		assertThat(down.header("Retry-After")).contains("5");
		assertThat(down.body()).doesNotContain("connection refused");
	}

	@Test
	void signInAnswersKeycloaksTokensInMosaicsShape() {
		when(tokens.passwordGrant("ana@example.com", "s3cret-pass", null))
			.thenReturn(new Tokens("access", "refresh", 300, 1800));
		HttpApi.Response response = api.post("/api/v1/auth/token")
			.json(Map.of("login", "Ana@Example.com", "password", "s3cret-pass"))
			.send();
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().path("accessToken").asString()).isEqualTo("access");
		assertThat(response.json().path("refreshExpiresIn").asLong()).isEqualTo(1800);
		assertThat(response.json().path("tokenType").asString()).isEqualTo("Bearer");
	}

	@Test
	void aBrowserSessionKeepsTheRefreshTokenInAnHttpOnlyCookieThatRefreshesAndSignsOut() {
		when(tokens.passwordGrant("ana@example.com", "s3cret-pass", null)).thenReturn(new Tokens("access-1", "refresh-1", 300, 1800));
		HttpApi.Response signedIn = api.post("/api/v1/auth/token").header("X-Mosaic-Session", "cookie")
			.json(Map.of("login", "ana@example.com", "password", "s3cret-pass")).send();
		assertThat(signedIn.status()).isEqualTo(200);
		assertThat(signedIn.json().path("accessToken").asString()).isEqualTo("access-1");
		assertThat(signedIn.json().has("refreshToken")).as("no script may read it").isFalse();
		assertThat(signedIn.header("Set-Cookie")).hasValueSatisfying(cookie -> assertThat(cookie).startsWith("mosaic_refresh=refresh-1;")
			.contains("Path=/api/v1/auth").contains("Max-Age=1800").contains("HttpOnly").contains("SameSite=Strict").doesNotContain("Secure"));

		when(tokens.refresh("refresh-1")).thenReturn(new Tokens("access-2", "refresh-2", 300, 1800));
		HttpApi.Response refreshed = api.post("/api/v1/auth/token/refresh").header("Cookie", "mosaic_refresh=refresh-1").json(Map.of()).send();
		assertThat(refreshed.status()).isEqualTo(200);
		assertThat(refreshed.json().path("accessToken").asString()).isEqualTo("access-2");
		assertThat(refreshed.json().has("refreshToken")).isFalse();
		assertThat(refreshed.header("Set-Cookie")).hasValueSatisfying(cookie -> assertThat(cookie).startsWith("mosaic_refresh=refresh-2;"));

		HttpApi.Response signedOut = api.post("/api/v1/auth/logout").bearer(TestJwts.forUser(UUID.randomUUID(), "ana"))
			.header("Cookie", "mosaic_refresh=refresh-2").header("X-Forwarded-Proto", "https").json(Map.of()).send();
		assertThat(signedOut.status()).isEqualTo(204);
		verify(tokens).logout("refresh-2");
		assertThat(signedOut.header("Set-Cookie")).hasValueSatisfying(cookie -> assertThat(cookie).startsWith("mosaic_refresh=;")
			.contains("Max-Age=0").contains("Secure"));
	}

	@Test
	void aRefreshWithNeitherBodyNorCookieOrAnUnknownSessionKindIsABadRequest() {
		HttpApi.Response nothing = api.post("/api/v1/auth/token/refresh").json(Map.of()).send();
		assertThat(nothing.status()).as(nothing.body()).isEqualTo(400);
		assertThat(nothing.contentType()).isEqualTo("application/problem+json");
		assertThat(nothing.json().path("detail").asString()).contains("refreshToken is required");
		HttpApi.Response kind = api.post("/api/v1/auth/token").header("X-Mosaic-Session", "jar")
			.json(Map.of("login", "ana@example.com", "password", "s3cret-pass")).send();
		assertThat(kind.status()).isEqualTo(400);
		assertThat(kind.json().path("detail").asString()).contains("X-Mosaic-Session");
		// the body still works as before, for every other client
		when(tokens.refresh("refresh-x")).thenReturn(new Tokens("access-x", "refresh-y", 300, 1800));
		HttpApi.Response body = api.post("/api/v1/auth/token/refresh").json(Map.of("refreshToken", "refresh-x")).send();
		assertThat(body.json().path("refreshToken").asString()).isEqualTo("refresh-y");
		assertThat(body.header("Set-Cookie")).isEmpty();
	}

	@Test
	void accountDeletionPublishesUserDeletedOnlyWhenKeycloakDeletes() {
		UUID id = UUID.randomUUID();
		when(tokens.passwordGrant("carla", "right-pass", null)).thenReturn(new Tokens("a", "r", 300, 1800));

		HttpApi.Response deleted = api.delete("/api/v1/auth/account").bearer(TestJwts.forUser(id, "carla"))
			.json(Map.of("password", "right-pass")).send();

		assertThat(deleted.status()).isEqualTo(202);
		verify(keycloak).delete(id);
		ConsumerRecord<String, String> record = KafkaTestConsumer.await(TOPIC,
				r -> id.toString().equals(r.key()) && r.value().contains("UserDeleted"), Duration.ofSeconds(20));
		EventContracts.assertValid(TOPIC, "UserDeleted", record.value());

		UUID other = UUID.randomUUID();
		when(tokens.passwordGrant("dora", "right-pass", null)).thenReturn(new Tokens("a", "r", 300, 1800));
		doThrow(new KeycloakUnavailableException("down", null)).when(keycloak).delete(other);
		long before = outboxRows();
		assertThat(api.delete("/api/v1/auth/account").bearer(TestJwts.forUser(other, "dora"))
			.json(Map.of("password", "right-pass")).send().status()).isEqualTo(503);
		assertThat(outboxRows()).isEqualTo(before);
	}

	@Test
	void deletionNeedsTheRightPassword() {
		UUID id = UUID.randomUUID();
		when(tokens.passwordGrant("eve", "wrong", null)).thenReturn(null);
		assertThat(api.delete("/api/v1/auth/account").bearer(TestJwts.forUser(id, "eve"))
			.json(Map.of("password", "wrong")).send().status()).isEqualTo(403);
		verify(keycloak, never()).delete(id);
	}

	private long outboxRows() {
		return jdbc.sql("SELECT count(*) FROM event_publication").query(Long.class).single();
	}
}
