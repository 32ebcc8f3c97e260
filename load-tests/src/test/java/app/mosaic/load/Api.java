package app.mosaic.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few calls a load run makes to set itself up (sign-ups, uploads, service tokens), outside the measured
 * steps. Rate-limited answers (429) are waited out like a patient client would, by their Retry-After.
 */
final class Api {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private Api() {
	}

	static String postJson(String url, String token, String json, int expected) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return send(request.build(), expected);
	}

	static String postForm(String url, String form, int expected) {
		return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)).build(), expected);
	}

	/** Uploads a JPEG as the multipart {@code file} part of {@code POST /api/v1/media}; returns the media id. */
	static String upload(String gateway, String token, byte[] jpeg) {
		String boundary = "load-" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"load.jpg\"\r\n"
				+ "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
		body.writeBytes(jpeg);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
		String answer = send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/media"))
			.header("Authorization", "Bearer " + token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), 201);
		return field(answer, "id");
	}

	/** The status and body of a GET, or status -1 when nothing answered. */
	static HttpResponse<String> get(String url, String token) {
		try {
			return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			return null;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** A top-level string or number field of a JSON answer; the harness reads nothing deeper. */
	static String field(String json, String name) {
		Matcher match = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"?([^\",}]+)\"?").matcher(json);
		if (!match.find()) {
			throw new IllegalStateException("no " + name + " in " + json);
		}
		return match.group(1);
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static String send(HttpRequest request, int expected) {
		for (int attempt = 0; attempt < 20; attempt++) {
			try {
				HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == expected) {
					return response.body();
				}
				if (response.statusCode() != 429) {
					throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
				}
				sleep(1000L * Long.parseLong(response.headers().firstValue("Retry-After").orElse("5")));
			}
			catch (IOException e) {
				throw new IllegalStateException(request.uri() + " failed: " + e.getMessage(), e);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
		throw new IllegalStateException(request.uri() + " stayed rate limited");
	}
}
