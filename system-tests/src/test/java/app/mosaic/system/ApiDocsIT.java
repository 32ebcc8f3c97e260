package app.mosaic.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import app.mosaic.testkit.HttpApi;

/** The Swagger UI on the gateway shows every service's document, each pointing "Try it out" at the gateway. */
class ApiDocsIT {

	private static final List<String> SERVICES = List.of("auth-service", "user-service", "media-service", "post-service",
			"feed-service", "chat-service", "notification-service");

	@Test
	void everyServicesDocumentIsServedThroughTheGatewayWithTheGatewayAsItsServer() {
		HttpApi api = Platform.gateway();
		assertThat(api.get("/swagger-ui.html").send().status()).isIn(200, 302);
		for (String service : SERVICES) {
			HttpApi.Response docs = api.get("/v3/api-docs/" + service).send();
			assertThat(docs.status()).as(service).isEqualTo(200);
			JsonNode doc = docs.json();
			assertThat(doc.path("info").path("title").asString()).as(service).startsWith("Mosaic ");
			assertThat(doc.path("servers").path(0).path("url").asString()).as(service).isEqualTo(Platform.GATEWAY);
			assertThat(doc.path("components").path("securitySchemes").path("bearer-jwt").path("bearerFormat").asString()).isEqualTo("JWT");
			assertThat(doc.path("paths").propertyNames()).as(service).allMatch(path -> path.startsWith("/api/v1/"));
		}
	}

	@Test
	void theDocumentsSayWhatNeedsATokenAndHowListsPage() {
		HttpApi api = Platform.gateway();
		JsonNode auth = api.get("/v3/api-docs/auth-service").send().json();
		assertThat(auth.path("paths").path("/api/v1/auth/token").path("post").path("security").isEmpty())
			.as("signing in needs no token").isTrue();
		assertThat(auth.path("paths").path("/api/v1/auth/token").path("post").path("responses").has("401")).isFalse();
		assertThat(auth.path("paths").path("/api/v1/auth/password/change").path("post").has("security"))
			.as("the document-wide bearer requirement applies").isFalse();
		assertThat(auth.path("security").path(0).has("bearer-jwt")).isTrue();

		JsonNode users = api.get("/v3/api-docs/user-service").send().json();
		JsonNode followers = users.path("paths").path("/api/v1/users/{username}/followers").path("get");
		assertThat(followers.path("parameters").findValuesAsString("name")).containsExactlyInAnyOrder("username", "cursor", "limit");
		assertThat(followers.path("responses").path("404").path("content").has("application/problem+json")).isTrue();
		assertThat(users.path("paths").propertyNames()).noneMatch(p -> p.contains("/internal") || p.equals("/error"));
	}
}
