package app.mosaic.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import app.mosaic.testkit.HttpApi;

/**
 * Bad input sent to every public endpoint through the gateway: malformed and non-UTF-8 JSON, wrong types,
 * control characters, huge strings, deep nesting, oversize and chunked bodies, broken percent-encoding, path
 * tricks and multipart edge cases. Every answer is a 2xx or a 4xx problem+json, never a 5xx, and the platform
 * is healthy afterwards. The endpoints are read from the OpenAPI documents, so every endpoint added later is
 * covered without being listed here.
 */
class BadInputCorpusIT {

	private static final List<String> SERVICES = List.of("auth-service", "user-service", "media-service", "post-service",
			"feed-service", "chat-service", "notification-service");

	/**
	 * Operations the corpus must not run for real: they would end the session it uses, or (the notification
	 * stream) a valid request stays open for half an hour; NotificationStreamIT probes the stream's bad input.
	 */
	private static final List<String> SPARED = List.of("DELETE /api/v1/auth/account", "POST /api/v1/auth/logout",
			"POST /api/v1/auth/password/change", "GET /api/v1/notifications/stream");

	@Test
	void everyPublicEndpointAnswersBadInputWithA4xxProblemAndNever5xx() {
		HttpApi api = Platform.gateway();
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			tokens.add(Person.random().signUp()); // spread over people: the per-user rate limit is not under test
		}
		List<String> failures = new ArrayList<>();
		int sent = 0;
		for (Operation operation : operations(api)) {
			for (Probe probe : probes(operation)) {
				String token = tokens.get(sent++ % tokens.size());
				HttpApi.Response response = probe.send(api, token);
				String what = operation + " with " + probe.name() + " -> " + response.status();
				if (response.status() >= 500 || (response.status() >= 400 && !response.contentType().startsWith("application/problem+json"))) {
					failures.add(what + " " + response.body().substring(0, Math.min(200, response.body().length())));
				}
			}
		}
		for (String path : List.of("/api/v1/users/..%2F..%2Factuator", "/api/v1/users/%2e%2e/%2e%2e/actuator/env",
				"/api/v1/users/a%00b", "/api/v1/users/%ff%fe", "/api/v1/media/1/..%2F..%2Fetc%2Fpasswd")) {
			HttpApi.Response response = api.raw("GET " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + tokens.get(0)
					+ "\r\nConnection: close\r\n\r\n");
			sent++;
			if (response.status() >= 500 || response.status() < 400) {
				failures.add("GET " + path + " -> " + response.status());
			}
		}
		System.out.println("Bad-input corpus: " + sent + " requests to " + operations(api).size() + " operations");
		assertThat(sent).as("requests sent").isGreaterThan(200);
		assertThat(failures).as("answers that were 5xx, or errors not in problem+json").isEmpty();

		// and everything still works
		assertThat(api.get("/api/v1/users/me").bearer(Person.random().signUp()).send().status()).isIn(200, 404);
		for (int port = 8081; port <= 8087; port++) {
			HttpApi service = new HttpApi("http://127.0.0.1:" + (port + Platform.PORT_OFFSET));
			assertThat(service.get("/actuator/health/readiness").send().status()).as("port " + port).isEqualTo(200);
		}
	}

	private static List<Operation> operations(HttpApi api) {
		List<Operation> operations = new ArrayList<>();
		for (String service : SERVICES) {
			JsonNode doc = api.get("/v3/api-docs/" + service).send().json();
			for (String path : doc.path("paths").propertyNames()) {
				JsonNode item = doc.path("paths").path(path);
				for (String method : item.propertyNames()) {
					JsonNode op = item.path(method);
					String name = method.toUpperCase() + " " + path;
					if (SPARED.contains(name)) {
						continue;
					}
					JsonNode content = op.path("requestBody").path("content");
					List<String> queries = new ArrayList<>();
					op.path("parameters").forEach(p -> {
						if ("query".equals(p.path("in").asString())) {
							queries.add(p.path("name").asString());
						}
					});
					operations.add(new Operation(method.toUpperCase(), path, content.has("multipart/form-data"),
							content.has("application/json") || content.has("*/*"), queries));
				}
			}
		}
		return operations;
	}

	private static List<Probe> probes(Operation op) {
		List<Probe> probes = new ArrayList<>();
		String path = op.path.replaceAll("\\{[^}]+}", "1");
		String nul = op.path.replaceAll("\\{[^}]+}", "a%00b");
		probes.add(new Probe("path with NUL", op.method, nul, null, null, false));
		probes.add(new Probe("path with bad UTF-8", op.method, op.path.replaceAll("\\{[^}]+}", "%ff%fe"), null, null, false));
		probes.add(new Probe("path with a huge id", op.method, op.path.replaceAll("\\{[^}]+}", "9".repeat(40)), null, null, false));
		for (String query : op.queries) {
			for (String value : List.of("%00", "%ff%fe", "%c0%80", "-1", "99999999999999999999", "x".repeat(5000))) {
				probes.add(new Probe(query + "=" + value.substring(0, Math.min(12, value.length())), op.method,
						path + "?" + query + "=" + value, null, null, false));
			}
		}
		if (op.json) {
			Map<String, byte[]> bodies = new LinkedHashMap<>();
			bodies.put("malformed JSON", "{\"a\": ".getBytes(StandardCharsets.UTF_8));
			bodies.put("an array", "[]".getBytes(StandardCharsets.UTF_8));
			bodies.put("null", "null".getBytes(StandardCharsets.UTF_8));
			bodies.put("wrong types", "{\"text\": 1, \"caption\": [], \"username\": {}, \"private\": \"yes\", \"mediaIds\": \"x\"}".getBytes(StandardCharsets.UTF_8));
			bodies.put("NUL in text", "{\"text\": \"a\\u0000b\", \"bio\": \"a\\u0000b\", \"login\": \"a\\u0000b\", \"password\": \"a\\u0000bcdefgh\", \"username\": \"a\\u0000b\", \"email\": \"a\\u0000b@x.y\", \"refreshToken\": \"a\\u0000b\"}".getBytes(StandardCharsets.UTF_8));
			bodies.put("a lone surrogate", "{\"text\": \"\\ud800\", \"bio\": \"\\ud800\", \"login\": \"\\ud800\"}".getBytes(StandardCharsets.UTF_8));
			bodies.put("invalid UTF-8", new byte[] { '{', '"', 'b', 'i', 'o', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}' });
			bodies.put("UTF-16", "{\"login\":\"ana\",\"password\":\"x\"}".getBytes(StandardCharsets.UTF_16LE));
			bodies.put("a 1 MB string", ("{\"bio\": \"" + "x".repeat(1_000_000) + "\"}").getBytes(StandardCharsets.UTF_8));
			bodies.put("10 000-deep nesting", ("[".repeat(10_000) + "]".repeat(10_000)).getBytes(StandardCharsets.UTF_8));
			bodies.forEach((name, body) -> probes.add(new Probe(name, op.method, path, "application/json", body, false)));
			probes.add(new Probe("3 MB chunked", op.method, path, "application/json", new byte[3 * 1024 * 1024], true));
			probes.add(new Probe("form instead of JSON", op.method, path, "application/x-www-form-urlencoded", "a=b".getBytes(StandardCharsets.UTF_8), false));
		}
		if (op.multipart) {
			byte[] unclosed = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\u0000.jpg\"\r\n\r\nxx".getBytes(StandardCharsets.UTF_8);
			probes.add(new Probe("multipart without a boundary", op.method, path, "multipart/form-data", unclosed, false));
			probes.add(new Probe("multipart never closed", op.method, path, "multipart/form-data; boundary=b", unclosed, false));
			probes.add(new Probe("a text file", op.method, path, "multipart/form-data; boundary=b",
					"--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\nContent-Type: image/jpeg\r\n\r\nnot an image\r\n--b--\r\n"
						.getBytes(StandardCharsets.UTF_8), false));
			probes.add(new Probe("an edit of null", op.method, path, "multipart/form-data; boundary=b",
					"--b\r\nContent-Disposition: form-data; name=\"edit\"\r\nContent-Type: application/json\r\n\r\nnull\r\n--b--\r\n"
						.getBytes(StandardCharsets.UTF_8), false));
		}
		return probes;
	}

	record Operation(String method, String path, boolean multipart, boolean json, List<String> queries) {
		@Override
		public String toString() {
			return method + " " + path;
		}
	}

	record Probe(String name, String method, String path, String contentType, byte[] body, boolean chunked) {

		HttpApi.Response send(HttpApi api, String token) {
			if (path.contains("%00") || path.contains("%ff") || path.contains("%c0")) {
				// no HTTP client sends such a request line: write it as an attacker would
				return api.raw(method + " " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token
						+ "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
			}
			HttpApi.Call call = switch (method) {
				case "GET" -> api.get(path);
				case "POST" -> api.post(path);
				case "PUT" -> api.put(path);
				case "PATCH" -> api.patch(path);
				case "DELETE" -> api.delete(path);
				default -> throw new IllegalArgumentException(method);
			};
			call.bearer(token);
			if (body != null) {
				call = chunked ? call.chunked(contentType, body) : call.body(contentType, body);
			}
			return call.send();
		}
	}
}
