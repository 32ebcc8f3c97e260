package app.mosaic.user.benchmark;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.json.JsonMapper;

/**
 * A closed-loop load run against a running platform ({@code ./mosaic up}) seeded by {@link SocialGraphSeeder}:
 * signed-in people read profiles, search and follow/unfollow, through the gateway and, for the service's own
 * figure, straight at user-service. Each scenario warms up, then runs for a fixed time with a fixed number
 * of concurrent clients; latencies are exact (every request recorded, sorted at the end).
 */
public final class SocialGraphLoad {

	private static final String GATEWAY = System.getProperty("gateway", "http://127.0.0.1:8080");
	private static final String SERVICE = System.getProperty("service", "http://127.0.0.1:8082");
	private static final int CLIENTS = Integer.getInteger("clients", 16);
	private static final Duration WARMUP = Duration.ofSeconds(Integer.getInteger("warmupSeconds", 10));
	private static final Duration RUN = Duration.ofSeconds(Integer.getInteger("runSeconds", 30));
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final AtomicLong failures = new AtomicLong();
	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5)).build();
	private final List<String> usernames = new ArrayList<>();
	private final List<String> publicUsernames = new ArrayList<>();
	private final List<String> queries = new ArrayList<>();
	private List<String> tokens;

	private SocialGraphLoad() {
	}

	public static void main(String[] args) throws Exception {
		new SocialGraphLoad().run();
	}

	private void run() throws Exception {
		loadTargets();
		String run = Long.toString(System.currentTimeMillis() % 100_000_000, 36);
		List<String[]> people = new ArrayList<>();
		for (int i = 0; i < CLIENTS; i++) {
			people.add(new String[] { "load_" + run + "_" + i, "load-password-" + run });
			register(people.getLast()[0], people.getLast()[1]);
		}
		StringBuilder report = new StringBuilder();
		report.append(String.format(Locale.ROOT, "%d profiles, %d clients, %d s warm-up, %d s measured per scenario%n%n",
				usernames.size(), CLIENTS, WARMUP.toSeconds(), RUN.toSeconds()));
		report.append("| scenario | requests/s | p50 ms | p90 ms | p99 ms | max ms | errors |\n|---|---|---|---|---|---|---|\n");
		for (String base : List.of(SERVICE, GATEWAY)) {
			String where = base.equals(GATEWAY) ? "gateway" : "user-service";
			tokens = signIn(people); // Keycloak tokens live 5 minutes
			report.append(scenario("profile read, " + where, (client, random) -> get(base + "/api/v1/users/"
					+ usernames.get(random.nextInt(usernames.size())), client)));
			report.append(scenario("search, " + where, (client, random) -> get(base + "/api/v1/users/search?q="
					+ URLEncoder.encode(queries.get(random.nextInt(queries.size())), StandardCharsets.UTF_8), client)));
			report.append(scenario("follow + unfollow (per operation), " + where, (client, random) -> {
				String target = publicUsernames.get(random.nextInt(publicUsernames.size()));
				int status = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/users/" + target + "/follow"))
					.POST(HttpRequest.BodyPublishers.noBody()), client);
				return status == 200 ? send(HttpRequest.newBuilder(URI.create(base + "/api/v1/users/" + target + "/follow"))
					.DELETE(), client) : status;
			}, 2));
		}
		System.out.println();
		System.out.println(report);
		Files.writeString(Path.of("target", "social-graph-load-" + CLIENTS + "-clients.md"), report);
		if (failures.get() > 0) {
			System.err.println(failures.get() + " requests failed: the figures above are not valid");
			System.exit(1);
		}
	}

	interface Call {
		int call(int client, ThreadLocalRandom random) throws Exception;
	}

	private String scenario(String name, Call call) throws Exception {
		return scenario(name, call, 1);
	}

	/** @param operations how many requests one call makes (its latency is divided among them) */
	private String scenario(String name, Call call, int operations) throws Exception {
		drive(call, WARMUP, new long[0], new AtomicInteger(), new AtomicLong());
		long[] latencies = new long[4_000_000];
		AtomicInteger count = new AtomicInteger();
		AtomicLong errors = new AtomicLong();
		long started = System.nanoTime();
		drive(call, RUN, latencies, count, errors);
		double seconds = (System.nanoTime() - started) / 1e9;
		int n = Math.min(count.get(), latencies.length);
		long[] sorted = Arrays.copyOf(latencies, n);
		Arrays.sort(sorted);
		String line = String.format(Locale.ROOT, "| %s | %.0f | %.1f | %.1f | %.1f | %.1f | %d |%n", name,
				n * operations / seconds, ms(sorted, 0.50) / operations, ms(sorted, 0.90) / operations,
				ms(sorted, 0.99) / operations, sorted[n - 1] / 1e6 / operations, errors.get());
		System.out.print(line);
		failures.addAndGet(errors.get());
		return line;
	}

	private void drive(Call call, Duration duration, long[] latencies, AtomicInteger count, AtomicLong errors)
			throws Exception {
		long deadline = System.nanoTime() + duration.toNanos();
		List<Thread> threads = new ArrayList<>();
		for (int c = 0; c < CLIENTS; c++) {
			int client = c;
			threads.add(Thread.ofVirtual().start(() -> {
				ThreadLocalRandom random = ThreadLocalRandom.current();
				while (System.nanoTime() < deadline) {
					long t0 = System.nanoTime();
					int status;
					try {
						status = call.call(client, random);
					}
					catch (Exception e) {
						status = -1;
					}
					long took = System.nanoTime() - t0;
					if (status >= 400 || status < 0) {
						errors.incrementAndGet();
					}
					int i = count.getAndIncrement();
					if (i < latencies.length) {
						latencies[i] = took;
					}
				}
			}));
		}
		for (Thread t : threads) {
			t.join();
		}
	}

	private int get(String url, int client) throws Exception {
		return send(HttpRequest.newBuilder(URI.create(url)).GET(), client);
	}

	private int send(HttpRequest.Builder request, int client) throws Exception {
		return http.send(request.header("Authorization", "Bearer " + tokens.get(client)).timeout(Duration.ofSeconds(10))
			.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private static double ms(long[] sorted, double quantile) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
	}

	/** Targets and queries come from the seeded profiles; queries are prefixes, full names and typos. */
	private void loadTargets() throws Exception {
		String url = System.getProperty("db", "jdbc:postgresql://127.0.0.1:5433/user-service");
		try (Connection db = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = db.createStatement();
				ResultSet rs = s.executeQuery("SELECT username, full_name, private FROM profile WHERE email LIKE '%"
						+ SocialGraphSeeder.EMAIL_DOMAIN + "' ORDER BY username")) {
			ThreadLocalRandom random = ThreadLocalRandom.current();
			while (rs.next()) {
				String username = rs.getString(1);
				usernames.add(username);
				if (!rs.getBoolean(3)) {
					publicUsernames.add(username);
				}
				if (random.nextInt(20) == 0) {
					String name = rs.getString(2).toLowerCase(Locale.ROOT);
					queries.add(username.substring(0, Math.min(username.length(), 3 + random.nextInt(6)))); // typing
					queries.add(name); // a full name
					queries.add(typo(username.replaceAll("[0-9]+$", ""), random)); // a typo
				}
			}
		}
		if (usernames.size() < 1000) {
			throw new IllegalStateException("Seed the graph first (SocialGraphSeeder)");
		}
	}

	private static String typo(String s, ThreadLocalRandom random) {
		int i = 1 + random.nextInt(s.length() - 2);
		return s.substring(0, i) + s.charAt(i + 1) + s.charAt(i) + s.substring(i + 2);
	}

	private void register(String username, String password) throws Exception {
		String body = JSON.writeValueAsString(java.util.Map.of("username", username, "email", username + "@load.mosaic.test",
				"password", password, "fullName", "Load " + username));
		HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(GATEWAY + "/api/v1/auth/register"))
			.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
				HttpResponse.BodyHandlers.ofString());
		if (r.statusCode() != 201) {
			throw new IllegalStateException("register " + username + ": " + r.statusCode() + " " + r.body());
		}
	}

	private List<String> signIn(List<String[]> people) throws Exception {
		List<String> result = new ArrayList<>();
		for (String[] p : people) {
			String body = JSON.writeValueAsString(java.util.Map.of("login", p[0], "password", p[1]));
			HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(GATEWAY + "/api/v1/auth/token"))
				.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
					HttpResponse.BodyHandlers.ofString());
			if (r.statusCode() != 200) {
				throw new IllegalStateException("sign in " + p[0] + ": " + r.statusCode() + " " + r.body());
			}
			result.add(JSON.readTree(r.body()).path("accessToken").asString());
		}
		// profiles are created from UserRegistered moments after sign-up
		for (String token : result) {
			for (int i = 0; i < 100; i++) {
				if (http.send(HttpRequest.newBuilder(URI.create(GATEWAY + "/api/v1/users/me")).header("Authorization",
						"Bearer " + token).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					break;
				}
				Thread.sleep(200);
			}
		}
		return result;
	}
}
