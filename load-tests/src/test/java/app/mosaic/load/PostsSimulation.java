package app.mosaic.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * Posts under load (issue 12), open loop, step by step up the rates:
 * <ol>
 * <li>create: {@code POST /api/v1/posts} of one processed photo through the gateway (media claimed from
 * media-service, the post and its PostCreated in one transaction);</li>
 * <li>read: {@code GET /api/v1/posts/{id}} straight to post-service and through the gateway;</li>
 * <li>batch: {@code POST /internal/posts/batch} of 20 ids for a viewer, as feed-service hydrates a page, with a
 * service token (internal: not routed by the gateway, so read directly, and compared with direct single reads);</li>
 * <li>read with relations: the design not chosen, where post-service would ask user-service for the viewer's
 * relation to the author on every read instead of keeping its own copy of the graph. Measured as that call
 * ({@code POST /internal/users/relations}) followed by the read, which is the least that design costs.</li>
 * </ol>
 * The photos are uploaded before the steps. Figures go to target/load/posts.md.
 *
 * <pre>
 * ./mvnw -Pload -pl load-tests gatling:test -Dsimulation=app.mosaic.load.PostsSimulation
 * </pre>
 */
public class PostsSimulation extends Simulation {

	static final String GATEWAY = System.getProperty("gateway", "http://127.0.0.1:8080");
	static final String POSTS = System.getProperty("direct", "http://127.0.0.1:8083");
	static final String USERS = System.getProperty("users", "http://127.0.0.1:8082");
	/** People sign up straight at auth-service: the gateway's /auth limit per address would take minutes (setup only). */
	static final String AUTH = System.getProperty("auth", "http://127.0.0.1:8081");
	static final String KEYCLOAK = System.getProperty("keycloak", "http://127.0.0.1:8180");
	static final String SERVICE_CLIENT = System.getProperty("serviceClient", "mosaic-feed");
	static final String SERVICE_SECRET = System.getProperty("serviceSecret", "mosaic-feed-local-secret");
	static final int PEOPLE = Integer.getInteger("people", 200);
	static final int[] CREATE_RATES = Steps.rates("createRates", "20,40,80,160");
	static final int CREATE_STEP_SECONDS = Integer.getInteger("createStep", 8);
	/** Every post needs a photo uploaded before the run (about 15 a second here): the create steps are short. */
	static final int CREATE_WARMUP_SECONDS = Integer.getInteger("createWarmup", 5);
	static final int[] READ_RATES = Steps.rates("rates", "200,400,800,1200,1600");
	static final int[] BATCH_RATES = Steps.rates("batchRates", "50,100,200,400,600");
	static final int STEP_SECONDS = Integer.getInteger("step", 15);
	static final int WARMUP_SECONDS = Integer.getInteger("warmup", 15);
	static final int BATCH_SIZE = 20;
	static final int REST_SECONDS = Integer.getInteger("rest", 20);
	/** Which parts run after the create steps: {@code -Dparts=read,batch,relations} (all by default). */
	static final List<String> PARTS = List.of(System.getProperty("parts", "read,batch,relations").split(","));

	/** A post the run created, by whom. */
	private record Created(String postId, People.Person author) {
	}

	private final List<People.Person> people = People.signUp(GATEWAY, AUTH, PEOPLE);
	private final ConcurrentLinkedQueue<Photos.Photo> photos = new ConcurrentLinkedQueue<>(
			Photos.upload(GATEWAY, people, photosNeeded()));
	private final ServiceToken service = new ServiceToken(KEYCLOAK, SERVICE_CLIENT, SERVICE_SECRET);
	private final List<Created> created = Collections.synchronizedList(new ArrayList<>());
	private final Steps steps = new Steps();
	private final AtomicLong next = new AtomicLong();

	{
		HttpProtocolBuilder protocol = http.shareConnections().maxConnectionsPerHost(64).acceptHeader("application/json");
		List<PopulationBuilder> sequence = new ArrayList<>();
		// the reads need the posts the create steps make, so create always runs
		addSteps(sequence, "create", CREATE_RATES, CREATE_WARMUP_SECONDS, CREATE_STEP_SECONDS, this::create);
		if (PARTS.contains("read")) {
			addSteps(sequence, "direct", READ_RATES, WARMUP_SECONDS, STEP_SECONDS, () -> read(POSTS));
			addSteps(sequence, "gateway", READ_RATES, WARMUP_SECONDS, STEP_SECONDS, () -> read(GATEWAY));
		}
		if (PARTS.contains("batch")) {
			addSteps(sequence, "batch", BATCH_RATES, WARMUP_SECONDS, STEP_SECONDS, this::batch);
		}
		if (PARTS.contains("relations")) {
			addSteps(sequence, "relations", READ_RATES, WARMUP_SECONDS, STEP_SECONDS, this::readWithRelations);
		}
		setUp(Steps.inSequence(sequence)).protocols(protocol);
	}

	private record Action(Iterator<Map<String, Object>> feeder, ChainBuilder chain) {
	}

	/** A rest ({@link Steps#rest}), a warm-up at the first rate, then one step per rate. */
	private void addSteps(List<PopulationBuilder> sequence, String name, int[] rates, int warmupSeconds, int seconds,
			Supplier<Action> action) {
		sequence.add(Steps.rest(name, REST_SECONDS));
		Action warmup = action.get();
		sequence.add(steps.timed("warmup-" + name, warmup.feeder(), warmup.chain())
			.injectOpen(constantUsersPerSec(rates[0]).during(warmupSeconds)));
		for (int rate : rates) {
			Action step = action.get();
			sequence.add(steps.timed(name + "@" + rate, step.feeder(), step.chain()).injectOpen(constantUsersPerSec(rate).during(seconds)));
		}
	}

	private static int photosNeeded() {
		int needed = CREATE_RATES[0] * CREATE_WARMUP_SECONDS;
		for (int rate : CREATE_RATES) {
			needed += rate * CREATE_STEP_SECONDS;
		}
		return needed + needed / 20; // the injector may start a few more users than rate x seconds
	}

	/** Each arriving user posts one of its own photos with a caption of three hashtags. */
	private Action create() {
		Iterator<Map<String, Object>> feeder = Stream.generate(() -> {
			Photos.Photo photo = photos.poll();
			if (photo == null) {
				throw new IllegalStateException("no photo left to post: raise the photos uploaded");
			}
			long n = next.getAndIncrement();
			return Map.<String, Object>of("token", photo.owner().token(), "owner", photo.owner(), "body", """
					{"caption":"Load post %d #mosaicload #tag%d #%s","mediaIds":["%s"]}""".formatted(n, n % 50,
					photo.owner().username().replace('.', '_'), photo.mediaId()));
		}).iterator();
		return new Action(feeder, exec(http("create").post(GATEWAY + "/api/v1/posts").header("Authorization", "Bearer #{token}")
			.body(StringBody("#{body}")).asJson().check(status().is(201), jsonPath("$.id").saveAs("postId")))
			.exec(session -> {
				if (!session.isFailed()) {
					created.add(new Created(session.getString("postId"), session.get("owner")));
				}
				return session;
			}));
	}

	/** A random person reads a random post. */
	private Action read(String base) {
		Iterator<Map<String, Object>> feeder = Stream.generate(() -> Map.<String, Object>of(
				"token", randomPerson().token(), "postId", randomPost().postId())).iterator();
		return new Action(feeder, exec(http("read").get(base + "/api/v1/posts/#{postId}")
			.header("Authorization", "Bearer #{token}").check(status().is(200))));
	}

	/** A page of 20 distinct random posts hydrated for a random viewer, as feed-service asks for one. */
	private Action batch() {
		Iterator<Map<String, Object>> feeder = Stream.generate(() -> {
			Set<String> ids = new LinkedHashSet<>();
			while (ids.size() < Math.min(BATCH_SIZE, created.size())) {
				ids.add(randomPost().postId());
			}
			String body = """
					{"viewerId":"%s","postIds":[%s]}""".formatted(randomPerson().id(),
					ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",")));
			return Map.<String, Object>of("token", service.token(), "body", body, "expected", ids.size());
		}).iterator();
		return new Action(feeder, exec(http("batch").post(POSTS + "/internal/posts/batch").header("Authorization", "Bearer #{token}")
			.body(StringBody("#{body}")).asJson().check(status().is(200), jsonPath("$.items[*].id").count().is(session -> session.getInt("expected")))));
	}

	/** The relation of the viewer to the author from user-service, then the read: the other design's critical path. */
	private Action readWithRelations() {
		Iterator<Map<String, Object>> feeder = Stream.generate(() -> {
			People.Person reader = randomPerson();
			Created post = randomPost();
			return Map.<String, Object>of("token", reader.token(), "service", service.token(), "postId", post.postId(),
					"relations", """
							{"viewerId":"%s","userIds":["%s"]}""".formatted(reader.id(), post.author().id()));
		}).iterator();
		return new Action(feeder, exec(http("relations").post(USERS + "/internal/users/relations")
			.header("Authorization", "Bearer #{service}").body(StringBody("#{relations}")).asJson().check(status().is(200)))
			.exec(http("read").get(POSTS + "/api/v1/posts/#{postId}").header("Authorization", "Bearer #{token}")
				.check(status().is(200))));
	}

	private People.Person randomPerson() {
		return people.get(ThreadLocalRandom.current().nextInt(people.size()));
	}

	private Created randomPost() {
		synchronized (created) {
			if (created.isEmpty()) {
				throw new IllegalStateException("no post was created: the create steps all failed");
			}
			return created.get(ThreadLocalRandom.current().nextInt(created.size()));
		}
	}

	@Override
	public void after() {
		StringBuilder report = new StringBuilder();
		report.append("Create a post through the gateway (one photo, three hashtags):\n\n");
		report.append("| rate (posts/s) | served | p50 | p99 | errors |\n|---|---|---|---|---|\n");
		for (int rate : CREATE_RATES) {
			report.append("| %d | %s |\n".formatted(rate, steps.get("create@" + rate).cells()));
		}
		report.append("\nSustained: %d posts/s (%d posts created in all)\n\n".formatted(steps.capacity("create", CREATE_RATES), created.size()));

		report.append("Read one post, `GET /api/v1/posts/{id}`, and the same read after asking user-service for the relation:\n\n");
		report.append("| rate (req/s) | direct served | p50 | p99 | errors | gateway served | p50 | p99 | errors | direct with relations call | p50 | p99 | errors |\n");
		report.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
		for (int rate : READ_RATES) {
			report.append("| %d | %s | %s | %s |\n".formatted(rate, steps.get("direct@" + rate).cells(),
					steps.get("gateway@" + rate).cells(), steps.get("relations@" + rate).cells()));
		}
		int direct = steps.capacity("direct", READ_RATES);
		int gateway = steps.capacity("gateway", READ_RATES);
		int relations = steps.capacity("relations", READ_RATES);
		report.append("\nSustained: direct %d req/s, gateway %d req/s (ratio %.2f), direct with the relations call %d req/s (ratio %.2f to the local copy)\n"
			.formatted(direct, gateway, ratio(gateway, direct), relations, ratio(relations, direct)));
		Steps.Step directLow = steps.get("direct@" + READ_RATES[0]);
		Steps.Step relationsLow = steps.get("relations@" + READ_RATES[0]);
		report.append("p50 / p99 at %d req/s: local copy %d / %d ms, with the relations call %d / %d ms\n\n".formatted(READ_RATES[0],
				directLow.percentile(50), directLow.percentile(99), relationsLow.percentile(50), relationsLow.percentile(99)));

		report.append("Internal batch of %d posts for a viewer (direct, service token):\n\n".formatted(BATCH_SIZE));
		report.append("| rate (batches/s) | served | p50 | p99 | errors |\n|---|---|---|---|---|\n");
		for (int rate : BATCH_RATES) {
			report.append("| %d | %s |\n".formatted(rate, steps.get("batch@" + rate).cells()));
		}
		int batch = steps.capacity("batch", BATCH_RATES);
		Steps.Step batchLow = steps.get("batch@" + BATCH_RATES[0]);
		report.append("\nSustained: %d batches/s against %d single reads/s: one batch of %d costs %.2f single reads (target < 3)\n"
			.formatted(batch, direct, BATCH_SIZE, ratio(direct, batch)));
		report.append("p50 at the lowest rates: batch %d ms, single read %d ms\n".formatted(batchLow.percentile(50), directLow.percentile(50)));
		Steps.write("posts.md", report.toString());
	}

	private static double ratio(int a, int b) {
		return b == 0 ? 0.0 : (double) a / b;
	}
}
