package app.mosaic.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
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
 * Direct messages in real time (issue 15): {@code -Dclients=200} people hold /ws/chat open through the gateway,
 * in {@code clients / 2} DIRECT conversations; open-loop sends (HTTP POST through the gateway, as the web app
 * sends), after {@code -Dwarmup=20} s at 10 a second that are not measured, arrive at each of {@code -Drates=25,50,100,200} messages a second for {@code -Dseconds=30}, alternating
 * sides. Measured per rate: the send's own latency, and the time from the send's start to the frame at the
 * recipient's socket (p50, p99, max), and how many were delivered. Figures go to target/load/chat.md.
 *
 * <pre>
 * ./mvnw -Pload -pl load-tests gatling:test -Dsimulation=app.mosaic.load.ChatSimulation
 * </pre>
 */
public class ChatSimulation extends Simulation {

	static final String GATEWAY = System.getProperty("gateway", "http://127.0.0.1:8080");
	static final String AUTH = System.getProperty("auth", "http://127.0.0.1:8081");
	/** Where sends and sockets go: the gateway, or chat-service itself ({@code -Dchat=http://127.0.0.1:8085}) for the ratio. */
	static final String CHAT = System.getProperty("chat", GATEWAY);
	static final int CLIENTS = Integer.getInteger("clients", 200) / 2 * 2;
	static final int[] RATES = Steps.rates("rates", "25,50,100,200");
	static final int SECONDS = Integer.getInteger("seconds", 30);
	static final int WARMUP = Integer.getInteger("warmup", 20);

	private static final Pattern CLIENT_ID = Pattern.compile("\"clientMessageId\":\"([^\"]+)\"");
	private static final HttpClient SOCKETS = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/** When a send started (its step and nanoTime), until its frame arrives at the recipient. */
	private record Sent(String step, long at) {
	}

	private final List<People.Person> people = People.signUp(GATEWAY, AUTH, CLIENTS);
	private final List<String> conversations = new ArrayList<>();
	private final Map<String, Sent> pending = new ConcurrentHashMap<>();
	private final Steps steps = new Steps();
	private final AtomicLong sends = new AtomicLong();
	private final List<WebSocket> open = new ArrayList<>();

	{
		for (int i = 0; i < CLIENTS; i += 2) {
			conversations.add(start(people.get(i), people.get(i + 1)));
		}
		openSockets();
		List<PopulationBuilder> rates = new ArrayList<>();
		// the first sends after setup run code nothing has run yet (and C2 compiles it): not measured
		rates.add(send("warmup", 10, WARMUP));
		for (int rate : RATES) {
			rates.add(send("send@" + rate, rate, SECONDS));
		}
		setUp(Steps.inSequence(rates)).protocols(http.acceptHeader("application/json"));
	}

	private PopulationBuilder send(String step, int rate, int seconds) {
		Iterator<Map<String, Object>> feeder = Stream.generate(() -> nextSend(step)).iterator();
		return steps.timed(step, feeder, exec(session -> {
			sent(session.getString("key"), step);
			return session;
		}).exec(http("send").post(CHAT + "/api/v1/conversations/#{conversation}/messages")
			.header("Authorization", "Bearer #{token}").header("Content-Type", "application/json")
			.body(StringBody("{\"text\":\"#{text}\",\"clientMessageId\":\"#{key}\"}")).check(status().is(201))))
			.injectOpen(constantUsersPerSec(rate).during(Duration.ofSeconds(seconds)));
	}

	/** chat-service learns of new accounts from their UserRegistered: until then the name answers 404. */
	private static String start(People.Person from, People.Person to) {
		for (int tries = 1;; tries++) {
			try {
				return Api.field(Api.postJson(GATEWAY + "/api/v1/conversations", from.freshToken(), """
						{"usernames":["%s"]}""".formatted(to.username()), 201), "id");
			}
			catch (IllegalStateException e) {
				if (tries == 60) {
					throw e;
				}
				Api.sleep(500);
			}
		}
	}

	/** The next pair's conversation, from its two sides in turn. */
	private Map<String, Object> nextSend(String step) {
		long k = sends.getAndIncrement();
		int pair = (int) (k % conversations.size());
		int side = (int) ((k / conversations.size()) % 2);
		People.Person sender = people.get(pair * 2 + side);
		return Map.of("token", sender.token(), "conversation", conversations.get(pair), "key", UUID.randomUUID().toString(),
				"text", "message " + k + " at " + step);
	}

	private void openSockets() {
		CountDownLatch ready = new CountDownLatch(people.size());
		for (People.Person person : people) {
			open.add(SOCKETS.newWebSocketBuilder().subprotocols("bearer", person.freshToken())
				.buildAsync(URI.create(CHAT.replaceFirst("^http", "ws") + "/ws/chat"), new Listener(person.username(), ready)).join());
		}
		try {
			if (!ready.await(60, TimeUnit.SECONDS)) {
				throw new IllegalStateException("not every socket said ready");
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** One socket: its ready frame, and the frames of messages it receives (the echoes of its own sends are skipped). */
	private final class Listener implements WebSocket.Listener {

		private final CountDownLatch ready;
		private final StringBuilder partial = new StringBuilder();
		/** A message frame names its sender first: {@code "sender":{"id":"...","username":"..."}}. */
		private final String mine;

		Listener(String username, CountDownLatch ready) {
			this.ready = ready;
			this.mine = "\"username\":\"" + username + "\"";
		}

		@Override
		public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
			partial.append(data);
			if (last) {
				long now = System.nanoTime();
				String frame = partial.toString();
				partial.setLength(0);
				if (frame.contains("\"type\":\"ready\"")) {
					ready.countDown();
				}
				else if (frame.startsWith("{\"type\":\"message\"") && frame.indexOf("\"username\":\"") != frame.indexOf(mine)) {
					Matcher id = CLIENT_ID.matcher(frame);
					if (id.find()) {
						arrived(id.group(1), now);
					}
				}
			}
			socket.request(1);
			return null;
		}
	}

	private void sent(String key, String step) {
		pending.put(key, new Sent(step, System.nanoTime()));
	}

	/** The recipient's frame of a message: its delivery. */
	private void arrived(String key, long at) {
		Sent sent = pending.remove(key);
		if (sent == null) {
			return;
		}
		long millis = TimeUnit.NANOSECONDS.toMillis(at - sent.at());
		steps.record("delivered@" + sent.step().substring(sent.step().indexOf('@') + 1), System.currentTimeMillis() - millis, millis,
				true);
	}

	@Override
	public void after() {
		Api.sleep(5_000); // stragglers
		StringBuilder report = new StringBuilder();
		report.append("%d chat sockets open %s in %d DIRECT conversations; open-loop sends, %d s per rate:\n\n"
			.formatted(CLIENTS, CHAT.equals(GATEWAY) ? "through the gateway" : "straight at chat-service (" + CHAT + ")",
					conversations.size(), SECONDS));
		report.append("| messages/s offered | sends served/s | send p50 | send p99 | send errors | delivered | send → frame p50 | p99 | max |\n");
		report.append("|---|---|---|---|---|---|---|---|---|\n");
		for (int rate : RATES) {
			Steps.Step send = steps.get("send@" + rate);
			Steps.Step delivered = steps.get("delivered@" + rate);
			report.append("| %d | %.0f | %d ms | %d ms | %d | %d of %d | %d ms | %d ms | %d ms |\n".formatted(rate, send.throughput(),
					send.percentile(50), send.percentile(99), send.errors(), delivered.count(), send.count(),
					delivered.percentile(50), delivered.percentile(99), delivered.percentile(100)));
		}
		report.append("\nSends whose frame never reached the recipient (failed sends included): %d.\n".formatted(pending.size()));
		Steps.write("chat.md", report.toString());
		open.forEach(s -> s.sendClose(WebSocket.NORMAL_CLOSURE, "done"));
	}
}
