package app.mosaic.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.doSwitch;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.onCase;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * The home feed under DeathStarBench's socialNetwork workload (issue 13), open loop through the gateway.
 * <p>
 * Setup, outside the measured steps: everyone in the graph signs up, each edge becomes a follow both ways,
 * everyone reads their feed once (so fan-out writes to them), and each person posts {@code -DpostsPerUser=}
 * (10) posts of one photo; the run waits until feed-service has fanned out every one. Then, step by step up
 * the rates, the mix: 60 % home-timeline reads ({@code GET /api/v1/feed}), 30 % profile-grid reads of a random
 * person ({@code GET /api/v1/users/{username}/posts}) and 10 % new posts ({@code POST /api/v1/posts}), each by
 * a random person. Figures go to target/load/feed.md.
 *
 * <pre>
 * ./mvnw -Pload -pl load-tests gatling:test -Dsimulation=app.mosaic.load.FeedSimulation \
 *     -Dgraph=../../shared/data/social-graph/socfb-Reed98.edges
 * </pre>
 */
public class FeedSimulation extends Simulation {

	static final String GATEWAY = System.getProperty("gateway", "http://127.0.0.1:8080");
	/** Setup goes straight to the services: the gateway's per-address /auth limit would take many minutes. */
	static final String AUTH = System.getProperty("auth", "http://127.0.0.1:8081");
	static final String USERS = System.getProperty("users", "http://127.0.0.1:8082");
	static final String POSTS = System.getProperty("posts", "http://127.0.0.1:8083");
	static final String FEED = System.getProperty("feed", "http://127.0.0.1:8084");
	static final int POSTS_PER_USER = Integer.getInteger("postsPerUser", 10);
	/** {@code -Dreuse=<run>}: measure again on the people, follows and posts an earlier run of this graph left. */
	static final String REUSE = System.getProperty("reuse");
	static final int[] RATES = Steps.rates("rates", "100,200,400,700,1000");
	static final int STEP_SECONDS = Integer.getInteger("step", 10);
	static final int WARMUP_SECONDS = Integer.getInteger("warmup", 10);
	/** The target of the issue: 1 000 req/s of the mix with p99 at most 100 ms. */
	static final long P99_TARGET_MS = 100;

	private final SocialGraph graph = SocialGraph.fromProperties();
	private final List<People.Person> people;
	private final ConcurrentLinkedQueue<Photos.Photo> photos;
	private final Steps steps = new Steps();
	private final AtomicLong next = new AtomicLong();
	private final String setup;

	{
		long started = System.nanoTime();
		if (REUSE != null) {
			// the people, follows and posts of an earlier run, still in the platform: only the mix's photos are new
			people = People.signIn(GATEWAY, AUTH, REUSE, graph.size());
			photos = new ConcurrentLinkedQueue<>(Photos.upload(GATEWAY, people, mixPosts()));
			setup = "Setup: %s, %d people and their follows and posts from run %s, signed in again in %d s\n".formatted(
					graph.source(), graph.size(), REUSE, seconds(started, System.nanoTime()));
		}
		else {
			people = People.signUp(GATEWAY, AUTH, graph.size());
			long signedUp = System.nanoTime();
			parallel(8, graph.edges().size(), i -> {
				int[] edge = graph.edges().get(i);
				follow(people.get(edge[0]), people.get(edge[1]));
				follow(people.get(edge[1]), people.get(edge[0]));
			});
			long followed = System.nanoTime();
			parallel(4, people.size(), i -> Api.get(FEED + "/api/v1/feed", people.get(i).freshToken()));
			long fannedOutBefore = fanOutCount();
			int seeded = people.size() * POSTS_PER_USER;
			List<Photos.Photo> uploaded = Photos.upload(GATEWAY, people, seeded + mixPosts());
			long photographed = System.nanoTime();
			// photos were given out round robin: the first `seeded` are each person's POSTS_PER_USER seed posts
			parallel(4, seeded, i -> post(POSTS, uploaded.get(i), "Seed post " + i + " #seed"));
			awaitFanOut(fannedOutBefore + seeded);
			long seededAt = System.nanoTime();
			photos = new ConcurrentLinkedQueue<>(uploaded.subList(seeded, uploaded.size()));
			setup = "Setup: %s, %d people (run %s), %d follows, %d posts; sign-ups %d s, follows %d s, photos %d s, posts and fan-out %d s\n"
				.formatted(graph.source(), graph.size(), people.getFirst().username().split("\\.")[1], graph.follows(), seeded,
						seconds(started, signedUp), seconds(signedUp, followed), seconds(followed, photographed),
						seconds(photographed, seededAt));
		}
		System.out.println(setup);

		HttpProtocolBuilder protocol = http.shareConnections().maxConnectionsPerHost(64).acceptHeader("application/json");
		List<PopulationBuilder> sequence = new ArrayList<>();
		sequence.add(mix("warmup").injectOpen(constantUsersPerSec(RATES[0]).during(WARMUP_SECONDS)));
		for (int rate : RATES) {
			sequence.add(mix("mix@" + rate).injectOpen(constantUsersPerSec(rate).during(STEP_SECONDS)));
		}
		setUp(Steps.inSequence(sequence)).protocols(protocol);
	}

	/** One step of the mix: each arrival draws its kind, and is timed under the step and under step/kind. */
	private ScenarioBuilder mix(String step) {
		ChainBuilder request = doSwitch("#{kind}").on(
				onCase("home").then(exec(http("home").get(GATEWAY + "/api/v1/feed")
					.header("Authorization", "Bearer #{token}").check(status().is(200)))),
				onCase("profile").then(exec(http("profile").get(GATEWAY + "/api/v1/users/#{username}/posts")
					.header("Authorization", "Bearer #{token}").check(status().is(200)))),
				onCase("post").then(exec(http("post").post(GATEWAY + "/api/v1/posts")
					.header("Authorization", "Bearer #{token}").body(StringBody("#{body}")).asJson().check(status().is(201)))));
		return scenario(step).feed(arrivals())
			.exec(session -> session.set("started", System.currentTimeMillis()))
			.exec(request)
			.exec(session -> {
				long startedAt = session.getLong("started");
				long latency = System.currentTimeMillis() - startedAt;
				steps.record(step, startedAt, latency, !session.isFailed());
				steps.record(step + "/" + session.getString("kind"), startedAt, latency, !session.isFailed());
				return session;
			});
	}

	private Iterator<Map<String, Object>> arrivals() {
		return Stream.generate(() -> {
			double draw = ThreadLocalRandom.current().nextDouble();
			People.Person reader = randomPerson();
			if (draw < 0.6) {
				return Map.<String, Object>of("kind", "home", "token", reader.token());
			}
			if (draw < 0.9) {
				return Map.<String, Object>of("kind", "profile", "token", reader.token(), "username", randomPerson().username());
			}
			Photos.Photo photo = photos.poll();
			if (photo == null) {
				throw new IllegalStateException("no photo left to post: raise the photos uploaded");
			}
			return Map.<String, Object>of("kind", "post", "token", photo.owner().token(), "body", caption(photo, "Mix post"));
		}).iterator();
	}

	/** The posts the mix makes (10 % of every arrival), with a margin for the injector's rounding. */
	private static int mixPosts() {
		int arrivals = RATES[0] * WARMUP_SECONDS;
		for (int rate : RATES) {
			arrivals += rate * STEP_SECONDS;
		}
		return arrivals / 10 + arrivals / 50 + 50;
	}

	private String caption(Photos.Photo photo, String text) {
		return """
				{"caption":"%s %d #mosaicload","mediaIds":["%s"]}""".formatted(text, next.getAndIncrement(), photo.mediaId());
	}

	private void post(String base, Photos.Photo photo, String text) {
		Api.postJson(base + "/api/v1/posts", photo.owner().freshToken(), caption(photo, text), 201);
	}

	private static void follow(People.Person follower, People.Person followee) {
		Api.postJson(USERS + "/api/v1/users/" + followee.username() + "/follow", follower.freshToken(), "{}", 200);
	}

	/** How many posts feed-service has fanned out since it started, from its Prometheus counter. */
	private long fanOutCount() {
		HttpResponse<String> metrics = Api.get(FEED + "/actuator/prometheus", people.getFirst().freshToken());
		if (metrics == null || metrics.statusCode() != 200) {
			throw new IllegalStateException("feed-service's metrics cannot be read at " + FEED);
		}
		Matcher count = Pattern.compile("(?m)^feed_fanout_posts_total(?:\\{[^}]*})? ([0-9.Ee+]+)$").matcher(metrics.body());
		return count.find() ? (long) Double.parseDouble(count.group(1)) : 0;
	}

	private void awaitFanOut(long expected) {
		long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
		long count;
		while ((count = fanOutCount()) < expected) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("feed-service fanned out %d of %d posts in 10 minutes".formatted(count, expected));
			}
			Api.sleep(500);
		}
	}

	/** Runs {@code task} for 0 to count - 1 on {@code threads} threads; the first failure fails the run. */
	private static void parallel(int threads, int count, IntConsumer task) {
		try (var pool = Executors.newFixedThreadPool(threads)) {
			List<Future<?>> done = new ArrayList<>(count);
			for (int i = 0; i < count; i++) {
				int n = i;
				done.add(pool.submit(() -> task.accept(n)));
			}
			for (Future<?> each : done) {
				each.get();
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
		catch (ExecutionException e) {
			throw new IllegalStateException("setup failed: " + e.getCause().getMessage(), e.getCause());
		}
	}

	private People.Person randomPerson() {
		return people.get(ThreadLocalRandom.current().nextInt(people.size()));
	}

	private static long seconds(long from, long to) {
		return Duration.ofNanos(to - from).toSeconds();
	}

	@Override
	public void after() {
		StringBuilder report = new StringBuilder(setup).append('\n');
		report.append("The DeathStarBench mix through the gateway (60 % home feed, 30 % profile grid, 10 % new posts):\n\n");
		report.append("| rate (req/s) | served | p50 | p99 | errors | home p50 | home p99 | grid p50 | grid p99 | post p50 | post p99 |\n");
		report.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
		int withinTarget = 0;
		for (int rate : RATES) {
			Steps.Step all = steps.get("mix@" + rate);
			report.append("| %d | %s | %s | %s | %s |\n".formatted(rate, all.cells(), percentiles("mix@" + rate + "/home"),
					percentiles("mix@" + rate + "/profile"), percentiles("mix@" + rate + "/post")));
			if (all.sustained(rate) && all.percentile(99) <= P99_TARGET_MS) {
				withinTarget = rate;
			}
		}
		report.append("\nSustained: %d req/s; with p99 <= %d ms: %d req/s (target 1000)\n".formatted(steps.capacity("mix", RATES),
				P99_TARGET_MS, withinTarget));
		Steps.write("feed.md", report.toString());
	}

	private String percentiles(String step) {
		Steps.Step kind = steps.get(step);
		return "%d ms | %d ms".formatted(kind.percentile(50), kind.percentile(99));
	}
}
