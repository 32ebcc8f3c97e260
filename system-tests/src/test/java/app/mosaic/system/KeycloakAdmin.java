package app.mosaic.system;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;

/**
 * Keycloak's own admin API, for what a test cannot get through Mosaic: a genuinely expired, correctly signed
 * token, issued by a test-only client whose tokens live for a few seconds.
 */
final class KeycloakAdmin {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final HttpClient HTTP = HttpClient.newHttpClient();
	private static final String CLIENT = "system-test-short-lived";

	private KeycloakAdmin() {
	}

	static synchronized String shortLivedToken(String username, String password, int lifespanSeconds) throws Exception {
		String admin = JSON.readTree(form(Platform.KEYCLOAK + "/realms/master/protocol/openid-connect/token",
				Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin")))
			.path("access_token").asString();
		HttpRequest create = HttpRequest.newBuilder(URI.create(Platform.KEYCLOAK + "/admin/realms/mosaic/clients"))
			.header("Authorization", "Bearer " + admin)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("clientId", CLIENT, "publicClient", true,
					"directAccessGrantsEnabled", true, "standardFlowEnabled", false,
					"attributes", Map.of("access.token.lifespan", String.valueOf(lifespanSeconds))))))
			.build();
		int status = HTTP.send(create, HttpResponse.BodyHandlers.discarding()).statusCode();
		if (status != 201 && status != 409) {
			throw new IllegalStateException("Could not create the test client: " + status);
		}
		return JSON.readTree(form(Platform.KEYCLOAK + "/realms/mosaic/protocol/openid-connect/token",
				Map.of("grant_type", "password", "client_id", CLIENT, "username", username, "password", password)))
			.path("access_token").asString();
	}

	private static String form(String url, Map<String, String> fields) throws Exception {
		String body = fields.entrySet().stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
	}
}
