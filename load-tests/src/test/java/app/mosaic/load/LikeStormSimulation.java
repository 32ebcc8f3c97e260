package app.mosaic.load;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * A like storm (issue 12): {@code -Dstorm=1000} people like one post at the same instant, each on a connection
 * of their own, through the gateway; {@code -Drounds=3} times, a new post each round. Each person's app does
 * what Mosaic's clients do with a 503: waits the Retry-After and sends the like again (a like is idempotent),
 * up to {@code -Dtries=10} times. The figures are likes per second until every like is stored, how many were
 * taken at the first try, and the post's count afterwards, which must be exactly the number of people.
 * Figures go to target/load/like-storm.md.
 *
 * <pre>
 * ./mvnw -Pload -pl load-tests gatling:test -Dsimulation=app.mosaic.load.LikeStormSimulation
 * </pre>
 *
 * The people sign up straight at auth-service ({@code -Dauth=}): through the gateway its per-address limit on
 * /auth (300 a minute) would make signing up a thousand people from one machine take seven minutes.
 */
public class LikeStormSimulation extends Simulation {

	static final String GATEWAY = System.getProperty("gateway", "http://127.0.0.1:8080");
	static final String AUTH = System.getProperty("auth", "http://127.0.0.1:8081");
	static final int STORM = Integer.getInteger("storm", 1000);
	static final int ROUNDS = Integer.getInteger("rounds", 3);
	static final int TRIES = Integer.getInteger("tries", 10);

	private final List<People.Person> people = People.signUp(GATEWAY, AUTH, STORM);
	private final List<String> posts = new ArrayList<>();
	private final Steps steps = new Steps();
	private final Map<String, AtomicInteger> firstTries = new java.util.concurrent.ConcurrentHashMap<>();

	{
		People.Person author = people.get(0);
		for (Photos.Photo photo : Photos.upload(GATEWAY, List.of(author), ROUNDS)) {
			posts.add(Api.field(Api.postJson(GATEWAY + "/api/v1/posts", author.token(), """
					{"caption":"Like storm","mediaIds":["%s"]}""".formatted(photo.mediaId()), 201), "id"));
		}
		// no shared connections: a thousand likes really are in flight at once
		HttpProtocolBuilder protocol = http.acceptHeader("application/json");
		List<PopulationBuilder> rounds = new ArrayList<>();
		for (int round = 0; round < ROUNDS; round++) {
			String post = posts.get(round);
			AtomicInteger next = new AtomicInteger();
			Iterator<Map<String, Object>> feeder = Stream.generate(() -> Map.<String, Object>of(
					"token", people.get(next.getAndIncrement() % people.size()).token())).iterator();
			String step = "storm-" + round;
			rounds.add(steps.timed(step, feeder, exec(session -> session.set("tries", 0).set("status", 0))
				.asLongAs(session -> session.getInt("status") != 200 && session.getInt("tries") < TRIES).on(
					exec(http("like").post(GATEWAY + "/api/v1/posts/" + post + "/like").header("Authorization", "Bearer #{token}")
						.check(status().saveAs("status"), header("Retry-After").optional().saveAs("retryAfter")))
						.exec(session -> {
							int status = session.getInt("status");
							if (session.getInt("tries") == 0) {
								firstTries.computeIfAbsent(step, s -> new AtomicInteger()).addAndGet(status == 200 ? 1 : 0);
							}
							Session tried = session.set("tries", session.getInt("tries") + 1);
							// only a 503 is tried again; anything else ends this person's attempts
							return status == 200 || status == 503 ? tried : tried.set("tries", TRIES);
						})
						.doIf(session -> session.getInt("status") == 503)
						.then(pause(session -> Duration.ofSeconds(session.contains("retryAfter")
								? Long.parseLong(session.getString("retryAfter")) : 1))))
				.exec(session -> session.getInt("status") == 200 ? session : session.markAsFailed()))
				.injectOpen(atOnceUsers(STORM)));
		}
		setUp(Steps.inSequence(rounds)).protocols(protocol);
	}

	@Override
	public void after() {
		StringBuilder report = new StringBuilder();
		report.append("%d people like one post at once through the gateway, each on its own connection:\n\n".formatted(STORM));
		report.append("| round | likes stored | taken at the first try | given up | likes/s | p50 | p99 | like count afterwards | exact |\n");
		report.append("|---|---|---|---|---|---|---|---|---|\n");
		boolean allExact = true;
		for (int round = 0; round < ROUNDS; round++) {
			Steps.Step step = steps.get("storm-" + round);
			HttpResponse<String> post = Api.get(GATEWAY + "/api/v1/posts/" + posts.get(round), people.get(0).token());
			for (int wait = 0; wait < 30 && (post == null || post.statusCode() == 503); wait++) { // the storm's breaker
				Api.sleep(1000);
				post = Api.get(GATEWAY + "/api/v1/posts/" + posts.get(round), people.get(0).token());
			}
			int count = post == null || post.statusCode() != 200 ? -1 : Integer.parseInt(Api.field(post.body(), "likeCount"));
			boolean exact = count == STORM && step.count() == STORM;
			allExact &= exact;
			int first = firstTries.getOrDefault("storm-" + round, new AtomicInteger()).get();
			report.append("| %d | %d | %d | %d | %.0f | %d ms | %d ms | %d | %s |\n".formatted(round + 1, step.count(), first,
					step.errors(), step.throughput(), step.percentile(50), step.percentile(99), count, exact ? "yes" : "NO"));
		}
		report.append("\n%s\n".formatted(allExact ? "Every count is exact." : "A count is NOT exact (or a like failed)."));
		Steps.write("like-storm.md", report.toString());
	}
}
