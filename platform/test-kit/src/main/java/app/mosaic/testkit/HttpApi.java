package app.mosaic.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for black-box tests: requests as a user of the API sends them, answers with their
 * status, headers and JSON. Used against one service in service tests and against the gateway in system tests.
 */
public final class HttpApi {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String baseUrl;
	private final HttpClient client = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.version(HttpClient.Version.HTTP_1_1)
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	public HttpApi(String baseUrl) {
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	public Call get(String path) {
		return new Call("GET", path);
	}

	public Call post(String path) {
		return new Call("POST", path);
	}

	public Call put(String path) {
		return new Call("PUT", path);
	}

	public Call patch(String path) {
		return new Call("PATCH", path);
	}

	public Call delete(String path) {
		return new Call("DELETE", path);
	}

	public Call options(String path) {
		return new Call("OPTIONS", path);
	}

	public static String json(Object value) {
		return JSON.writeValueAsString(value);
	}

	/** One request being built. */
	public final class Call {

		private final String method;
		private final String path;
		private final Map<String, String> headers = new LinkedHashMap<>();
		private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

		private Call(String method, String path) {
			this.method = method;
			this.path = path;
		}

		public Call bearer(String token) {
			return header("Authorization", "Bearer " + token);
		}

		public Call header(String name, String value) {
			headers.put(name, value);
			return this;
		}

		/** A JSON body: a String is sent as it is, anything else is serialized. */
		public Call json(Object value) {
			headers.putIfAbsent("Content-Type", "application/json");
			body = HttpRequest.BodyPublishers.ofString(value instanceof String s ? s : JSON.writeValueAsString(value));
			return this;
		}

		public Call body(String contentType, byte[] bytes) {
			headers.put("Content-Type", contentType);
			body = HttpRequest.BodyPublishers.ofByteArray(bytes);
			return this;
		}

		/** A body of unknown length: sent with Transfer-Encoding: chunked, no Content-Length. */
		public Call chunked(String contentType, byte[] bytes) {
			headers.put("Content-Type", contentType);
			body = HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArray(bytes));
			return this;
		}

		public Response send() {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
				.timeout(Duration.ofSeconds(30))
				.method(method, body);
			headers.forEach(request::header);
			try {
				HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
				return new Response(response.statusCode(), response.headers().map(), response.body());
			}
			catch (IOException e) {
				throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
	}

	/** An answer: status, headers (names in lower case) and body. */
	public record Response(int status, Map<String, java.util.List<String>> headers, byte[] bytes) {

		public String body() {
			return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
		}

		public JsonNode json() {
			return JSON.readTree(bytes);
		}

		public Optional<String> header(String name) {
			return headers.entrySet().stream()
				.filter(e -> e.getKey().equalsIgnoreCase(name))
				.flatMap(e -> e.getValue().stream())
				.findFirst();
		}

		public String contentType() {
			return header("Content-Type").orElse("");
		}

		@Override
		public String toString() {
			return status + " " + body();
		}
	}
}
