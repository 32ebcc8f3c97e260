package app.mosaic.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The people a load run acts as: created through the gateway like anyone signing up, many of them, so the
 * per-user rate limit never shapes the figures. Access tokens live five minutes: each person signs in again
 * every four, so a long run never measures 401s.
 */
final class People {

	static final class Person {

		private final String username;
		private final String password;
		private final String gateway;
		private volatile String token;

		Person(String gateway, String username, String password) {
			this.gateway = gateway;
			this.username = username;
			this.password = password;
			signIn();
		}

		String username() {
			return username;
		}

		String token() {
			return token;
		}

		void signIn() {
			String tokens = post(gateway + "/api/v1/auth/token", """
					{"login":"%s","password":"%s"}""".formatted(username, password), 200);
			Matcher match = ACCESS_TOKEN.matcher(tokens);
			if (!match.find()) {
				throw new IllegalStateException("no access token in " + tokens);
			}
			token = match.group(1);
		}
	}

	private static final Duration SIGN_IN_AGAIN = Duration.ofMinutes(4);

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	private static final Pattern ACCESS_TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");

	private People() {
	}

	static List<Person> signUp(String gateway, int count) {
		String run = UUID.randomUUID().toString().substring(0, 6);
		List<Person> people = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String username = "load." + run + "." + i;
			String password = "load-pass-" + run;
			post(gateway + "/api/v1/auth/register", """
					{"username":"%s","email":"%s@load.example","password":"%s","fullName":"Load %d"}"""
				.formatted(username, username, password, i), 201);
			people.add(new Person(gateway, username, password));
		}
		ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().factory());
		renewals.scheduleWithFixedDelay(() -> {
			try {
				people.forEach(Person::signIn);
			}
			catch (RuntimeException e) { // a renewal that fails is tried again next time, not given up
				System.err.println("signing in again failed: " + e.getMessage());
			}
		}, SIGN_IN_AGAIN.toSeconds(),
				SIGN_IN_AGAIN.toSeconds(), TimeUnit.SECONDS);
		// profiles are made from UserRegistered: wait until the last one exists
		Person last = people.get(people.size() - 1);
		for (int tries = 0; get(gateway + "/api/v1/users/me", last.token()) != 200; tries++) {
			if (tries > 100) {
				throw new IllegalStateException("profiles did not appear");
			}
			sleep(200);
		}
		return people;
	}

	/** Sends, waiting out the gateway's per-address limit on /auth (429 with Retry-After) like a patient client. */
	private static String post(String url, String json, int expected) {
		for (int attempt = 0; attempt < 20; attempt++) {
			try {
				HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
					.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
						HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == expected) {
					return response.body();
				}
				if (response.statusCode() != 429) {
					throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
				}
				sleep(1000L * Long.parseLong(response.headers().firstValue("Retry-After").orElse("5")));
			}
			catch (java.io.IOException e) {
				throw new IllegalStateException(url + " failed: " + e.getMessage(), e);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
		throw new IllegalStateException(url + " stayed rate limited");
	}

	private static int get(String url, String token) {
		try {
			return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
					HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (java.io.IOException e) {
			return -1;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
