package app.mosaic.load;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The people a load run acts as: signed up like anyone signing up, many of them, so the per-user rate limit
 * never shapes the figures. Access tokens live five minutes: each person's token is refreshed four minutes after
 * it was issued (a refresh costs no password hashing), so a long run never measures 401s.
 */
final class People {

	static final class Person {

		private final String username;
		private final String password;
		private final String auth;
		private volatile String token;
		private volatile String refreshToken;
		private volatile long issuedAt;
		private volatile String id;

		Person(String auth, String username, String password) {
			this.auth = auth;
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

		/** The account's id, known once its profile exists. */
		String id() {
			return id;
		}

		void signIn() {
			tokens(Api.postJson(auth + "/api/v1/auth/token", null, """
					{"login":"%s","password":"%s"}""".formatted(username, password), 200));
		}

		/** The token, renewed first if it is old: for setup calls, which must not fail on an expired token. */
		String freshToken() {
			renewIfOld();
			return token;
		}

		/** Refreshes the token once it is older than {@link #RENEW_AFTER}; signs in again if the refresh fails. */
		synchronized void renewIfOld() {
			if (System.nanoTime() - issuedAt < RENEW_AFTER.toNanos()) {
				return;
			}
			try {
				tokens(Api.postJson(auth + "/api/v1/auth/token/refresh", null, """
						{"refreshToken":"%s"}""".formatted(refreshToken), 200));
			}
			catch (IllegalStateException refused) {
				signIn();
			}
		}

		private void tokens(String body) {
			refreshToken = Api.field(body, "refreshToken");
			token = Api.field(body, "accessToken");
			issuedAt = System.nanoTime();
		}
	}

	/** Tokens live 5 minutes: renewed at 3, so a pass over a thousand people has two minutes to finish. */
	private static final Duration RENEW_AFTER = Duration.ofMinutes(3);

	private People() {
	}

	static List<Person> signUp(String gateway, int count) {
		return signUp(gateway, gateway, count);
	}

	/**
	 * Signs {@code count} people up and in through {@code auth}: the gateway, or auth-service itself when a run
	 * needs more people than the gateway's per-address limit on /auth signs up from one machine in minutes.
	 * Four at a time: Keycloak's password hashing is the cost.
	 */
	static List<Person> signUp(String gateway, String auth, int count) {
		return people(gateway, auth, UUID.randomUUID().toString().substring(0, 6), count, true);
	}

	/** Signs in the {@code count} people an earlier run {@code run} signed up (its usernames are load.run.n). */
	static List<Person> signIn(String gateway, String auth, String run, int count) {
		return people(gateway, auth, run, count, false);
	}

	private static List<Person> people(String gateway, String auth, String run, int count, boolean register) {
		String password = "load-pass-" + run;
		List<Person> people = new ArrayList<>();
		try (var pool = Executors.newFixedThreadPool(4)) {
			List<Future<Person>> signUps = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				String username = "load." + run + "." + i;
				int n = i;
				signUps.add(pool.submit(() -> {
					if (register) {
						Api.postJson(auth + "/api/v1/auth/register", null, """
								{"username":"%s","email":"%s@load.example","password":"%s","fullName":"Load %d"}"""
							.formatted(username, username, password, n), 201);
					}
					return new Person(auth, username, password);
				}));
			}
			for (Future<Person> signUp : signUps) {
				people.add(signUp.get());
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
		catch (ExecutionException e) {
			throw new IllegalStateException("signing up failed: " + e.getCause().getMessage(), e.getCause());
		}
		// four renewals at a time: one after the other, a thousand people took longer than a token's margin
		ExecutorService renewing = Executors.newFixedThreadPool(4, Thread.ofPlatform().daemon().factory());
		ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().factory());
		renewals.scheduleWithFixedDelay(() -> {
			List<Future<?>> passes = people.stream().map(person -> renewing.submit(() -> {
				try {
					person.renewIfOld();
				}
				catch (RuntimeException e) { // a renewal that fails is tried again next time, not given up
					System.err.println("signing in again failed: " + e.getMessage());
				}
			})).<Future<?>>map(f -> f).toList();
			for (Future<?> pass : passes) {
				try {
					pass.get();
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					return;
				}
				catch (ExecutionException e) {
					// reported inside
				}
			}
		}, 5, 5, TimeUnit.SECONDS);
		// profiles are made from UserRegistered: wait until everyone's exists
		for (Person person : people) {
			for (int tries = 0; person.id == null; tries++) {
				HttpResponse<String> me = Api.get(gateway + "/api/v1/users/me", person.freshToken());
				if (me != null && me.statusCode() == 200) {
					person.id = Api.field(me.body(), "id");
				}
				else if (tries > 100) {
					throw new IllegalStateException("the profile of " + person.username() + " did not appear");
				}
				else {
					Api.sleep(200);
				}
			}
		}
		return people;
	}
}
