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

	/**
	 * Sends bytes exactly as given (a request line no HTTP client would build: encoded dots or NULs in the
	 * path, oversized headers) and reads the answer; the connection is closed after it.
	 */
	public Response raw(String requestHead) {
		URI base = URI.create(baseUrl);
		try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream().write(requestHead.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
			socket.getOutputStream().flush();
			byte[] all = socket.getInputStream().readAllBytes();
			String text = new String(all, java.nio.charset.StandardCharsets.ISO_8859_1);
			int headEnd = text.indexOf("\r\n\r\n");
			String[] head = (headEnd < 0 ? text : text.substring(0, headEnd)).split("\r\n");
			Map<String, java.util.List<String>> headers = new LinkedHashMap<>();
			for (int i = 1; i < head.length; i++) {
				int colon = head[i].indexOf(':');
				if (colon > 0) {
					headers.computeIfAbsent(head[i].substring(0, colon).trim().toLowerCase(), k -> new java.util.ArrayList<>())
						.add(head[i].substring(colon + 1).trim());
				}
			}
			byte[] body = headEnd < 0 ? new byte[0] : java.util.Arrays.copyOfRange(all, headEnd + 4, all.length);
			if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", java.util.List.of("")).get(0))) {
				body = unchunk(body);
			}
			return new Response(Integer.parseInt(head[0].split(" ")[1]), headers, body);
		}
		catch (IOException e) {
			throw new IllegalStateException("raw request failed: " + e.getMessage(), e);
		}
	}

	private static byte[] unchunk(byte[] chunked) {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		int i = 0;
		while (i < chunked.length) {
			int lineEnd = i;
			while (lineEnd + 1 < chunked.length && !(chunked[lineEnd] == '\r' && chunked[lineEnd + 1] == '\n')) {
				lineEnd++;
			}
			int size = Integer.parseInt(new String(chunked, i, lineEnd - i, java.nio.charset.StandardCharsets.US_ASCII).split(";")[0].trim(), 16);
			if (size == 0) {
				break;
			}
			out.write(chunked, lineEnd + 2, size);
			i = lineEnd + 2 + size + 2;
		}
		return out.toByteArray();
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
