package app.mosaic.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * Notifications in real time (issue 14): {@code -Dstreams=500} people hold the notification stream open through
 * the gateway, as the web app does (EventSource, the token in the query); open-loop likes of their posts by the
 * others arrive at each of {@code -Drates=10,25,50,100} likes a second for {@code -Dseconds=30}. Measured per
 * rate: the like's own latency, and the time from the like's HTTP response at the liker to the LIKE event at the
 * author's stream (p50, p99, max), and how many of the likes were delivered. Figures go to
 * target/load/notifications.md.
 *
 * <pre>
 * ./mvnw -Pload -pl load-tests gatling:test -Dsimulation=app.mosaic.load.NotificationSimulation
 * </pre>
 */
public class NotificationSimulation extends Simulation {

	static final String GATEWAY = System.getProperty("gateway", "http://127.0.0.1:8080");
	static final String AUTH = System.getProperty("auth", "http://127.0.0.1:8081");
	static final int STREAMS = Integer.getInteger("streams", 500);
	static final int[] RATES = Steps.rates("rates", "10,25,50,100");
	static final int SECONDS = Integer.getInteger("seconds", 30);

	private static final Pattern LIKER = Pattern.compile("\"actors\":\\[\\{\"id\":\"[^\"]+\",\"username\":\"([^\"]+)\"");
	private static final Pattern POST = Pattern.compile("\"post\":\\{\"id\":\"([^\"]+)\"");
	private static final HttpClient STREAM_CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5)).build();

	/**
	 * What was seen of one like: its answer (the step and nanoTime) and its event (nanoTime, 0 until seen); the
	 * event may come before or after the answer.
	 */
	private record Sighting(String step, long answeredAt, long arrivedAt) {
	}

	private final List<People.Person> people = People.signUp(GATEWAY, AUTH, STREAMS);
	private final List<String> posts = new ArrayList<>();
	private final Map<String, Sighting> pending = new ConcurrentHashMap<>();
	private final Steps steps = new Steps();
	private final AtomicLong pairs = new AtomicLong();
	private final List<HttpResponse<Stream<String>>> open = new ArrayList<>();

	{
		List<Photos.Photo> photos = Photos.upload(GATEWAY, people, people.size());
		for (int i = 0; i < people.size(); i++) {
			Photos.Photo photo = photos.get(i);
			posts.add(Api.field(post(photo), "id"));
		}
		openStreams();
		List<PopulationBuilder> rates = new ArrayList<>();
		for (int rate : RATES) {
			String step = "like@" + rate;
			Iterator<Map<String, Object>> feeder = Stream.generate(this::nextPair).iterator();
			rates.add(steps.timed(step, feeder, exec(http("like").post(GATEWAY + "/api/v1/posts/#{post}/like")
				.header("Authorization", "Bearer #{token}").check(status().is(200)))
				.exec(session -> {
					if (!session.isFailed()) {
						answered(session.getString("key"), step, System.nanoTime());
					}
					return session;
				}))
				.injectOpen(constantUsersPerSec(rate).during(Duration.ofSeconds(SECONDS))));
		}
		setUp(Steps.inSequence(rates)).protocols(http.acceptHeader("application/json"));
	}

	/** The first posts on a platform just started can take longer than the gateway waits: try again, as an app would. */
	private static String post(Photos.Photo photo) {
		for (int tries = 1;; tries++) {
			try {
				return Api.postJson(GATEWAY + "/api/v1/posts", photo.owner().freshToken(), """
						{"caption":"Notified","mediaIds":["%s"]}""".formatted(photo.mediaId()), 201);
			}
			catch (IllegalStateException e) {
				if (tries == 10 || !e.getMessage().contains("answered 503")) {
					throw e;
				}
				Api.sleep(1000);
			}
		}
	}

	/** Each like is a new (liker, author) pair, so each one adds an actor and is announced. */
	private Map<String, Object> nextPair() {
		long k = pairs.getAndIncrement();
		int n = people.size();
		int author = (int) (k % n);
		int liker = (int) ((author + 1 + (k / n) % (n - 1)) % n);
		People.Person who = people.get(liker);
		return Map.of("token", who.token(), "post", posts.get(author), "key", posts.get(author) + "/" + who.username());
	}

	private void openStreams() {
		CountDownLatch connected = new CountDownLatch(people.size());
		for (People.Person person : people) {
			HttpRequest request = HttpRequest.newBuilder(URI.create(GATEWAY + "/api/v1/notifications/stream?access_token="
					+ person.freshToken())).header("Accept", "text/event-stream").build();
			HttpResponse<Stream<String>> response;
			try {
				response = STREAM_CLIENT.send(request, HttpResponse.BodyHandlers.ofLines());
			}
			catch (Exception e) {
				throw new IllegalStateException("a stream did not open", e);
			}
			if (response.statusCode() != 200) {
				throw new IllegalStateException("a stream answered " + response.statusCode());
			}
			open.add(response);
			Thread.ofVirtual().start(() -> read(response, connected));
		}
		try {
			if (!connected.await(60, TimeUnit.SECONDS)) {
				throw new IllegalStateException("not every stream sent its first event");
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private void read(HttpResponse<Stream<String>> response, CountDownLatch connected) {
		String event = "";
		try (Stream<String> lines = response.body()) {
			for (String line : (Iterable<String>) lines::iterator) {
				if (line.startsWith("event:")) {
					event = line.substring(6).strip();
				}
				else if (line.startsWith("data:")) {
					long now = System.nanoTime();
					if (event.equals("unread")) {
						connected.countDown();
					}
					else if (event.equals("notification") && line.contains("\"type\":\"LIKE\"")) {
						Matcher liker = LIKER.matcher(line);
						Matcher post = POST.matcher(line);
						if (liker.find() && post.find()) {
							arrived(post.group(1) + "/" + liker.group(1), now);
						}
					}
				}
			}
		}
		catch (RuntimeException e) {
			// the stream closed
		}
	}

	/** The like's answer; its event may already be there. */
	private void answered(String key, String step, long at) {
		meet(key, new Sighting(step, at, 0));
	}

	/** The like's event; its answer may already be there. */
	private void arrived(String key, long at) {
		meet(key, new Sighting(null, 0, at));
	}

	/** Whichever of the two comes second completes the pair and records the delivery. */
	private void meet(String key, Sighting seen) {
		Sighting both = pending.merge(key, seen, (first, second) -> new Sighting(first.step() != null ? first.step() : second.step(),
				Math.max(first.answeredAt(), second.answeredAt()), Math.max(first.arrivedAt(), second.arrivedAt())));
		if (both.step() != null && both.arrivedAt() != 0 && pending.remove(key, both)) {
			delivered(both.step(), both.answeredAt(), both.arrivedAt());
		}
	}

	/** An event that beat the like's answer to the client counts as 0 ms. */
	private void delivered(String step, long answeredAt, long arrivedAt) {
		long millis = Math.max(0, TimeUnit.NANOSECONDS.toMillis(arrivedAt - answeredAt));
		steps.record("delivered@" + step.substring(step.indexOf('@') + 1), System.currentTimeMillis() - millis, millis, true);
	}

	@Override
	public void after() {
		Api.sleep(10_000); // stragglers
		StringBuilder report = new StringBuilder();
		report.append("%d notification streams open through the gateway; open-loop likes of their posts, %d s per rate:\n\n"
			.formatted(STREAMS, SECONDS));
		report.append("| likes/s offered | likes served/s | like p50 | like p99 | like errors | delivered | like → event p50 | p99 | max |\n");
		report.append("|---|---|---|---|---|---|---|---|---|\n");
		for (int rate : RATES) {
			Steps.Step like = steps.get("like@" + rate);
			Steps.Step delivered = steps.get("delivered@" + rate);
			report.append("| %d | %.0f | %d ms | %d ms | %d | %d of %d | %d ms | %d ms | %d ms |\n".formatted(rate, like.throughput(),
					like.percentile(50), like.percentile(99), like.errors(), delivered.count(), like.count(),
					delivered.percentile(50), delivered.percentile(99), delivered.percentile(100)));
		}
		long undelivered = pending.values().stream().filter(s -> s.step() != null).count();
		report.append("\nLikes answered whose event never arrived: %d.\n".formatted(undelivered));
		Steps.write("notifications.md", report.toString());
		open.forEach(r -> r.body().close());
	}
}
