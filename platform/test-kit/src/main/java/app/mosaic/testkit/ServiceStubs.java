package app.mosaic.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.springframework.boot.SpringApplication;

/**
 * Stands in for the other Mosaic services a service calls, and for Keycloak's token endpoint, once per JVM:
 * a real HTTP server answering what a test tells it to, and recording what it received. Services under
 * test reach it when {@code mosaic.test.service-stubs=true}, through {@code mosaic.test.stubs-url}.
 */
public final class ServiceStubs {

	/** What a service sent to the stub. */
	public record Received(String method, String path, String authorization, String body) {
	}

	private record Answer(int status, String body) {
	}

	private record Conditional(String bodyContains, Answer answer) {
	}

	private static HttpServer server;
	private static final Map<String, Answer> answers = new ConcurrentHashMap<>();
	private static final Map<String, List<Conditional>> conditionals = new ConcurrentHashMap<>();
	private static final List<Received> received = new CopyOnWriteArrayList<>();
	private static final AtomicInteger tokensIssued = new AtomicInteger();

	private ServiceStubs() {
	}

	public static synchronized String url() {
		if (server == null) {
			try {
				server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			server.createContext("/", ServiceStubs::handle);
			server.start();
			SpringApplication.getShutdownHandlers().add(() -> server.stop(0));
		}
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	/** The token endpoint, which answers a client-credentials grant with {@link TestJwts#forService}. */
	public static String tokenUri() {
		return url() + "/token";
	}

	/** From now on, {@code method path} answers {@code status} with this JSON body. */
	public static void answer(String method, String path, int status, String json) {
		answers.put(method + " " + path, new Answer(status, json));
	}

	/**
	 * From now on, {@code method path} answers {@code status} with this JSON body when the request's body contains
	 * {@code bodyContains} (such as a viewer's id); the latest such answer wins over earlier ones and over
	 * {@link #answer}.
	 */
	public static void answerWhen(String method, String path, String bodyContains, int status, String json) {
		conditionals.computeIfAbsent(method + " " + path, k -> new CopyOnWriteArrayList<>()).add(0,
				new Conditional(bodyContains, new Answer(status, json)));
	}

	/** The requests to {@code path} so far, oldest first (token requests are only counted). */
	public static List<Received> received(String path) {
		return received.stream().filter(r -> r.path().equals(path)).toList();
	}

	public static int tokensIssued() {
		return tokensIssued.get();
	}

	/** Forgets answers and received requests. */
	public static void reset() {
		answers.clear();
		conditionals.clear();
		received.clear();
	}

	private static void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			String path = exchange.getRequestURI().getPath();
			Answer answer;
			if (path.equals("/token")) {
				answer = token(body, exchange.getRequestHeaders().getFirst("Authorization"));
			}
			else {
				received.add(new Received(exchange.getRequestMethod(), path,
						exchange.getRequestHeaders().getFirst("Authorization"), body));
				String key = exchange.getRequestMethod() + " " + path;
				answer = conditionals.getOrDefault(key, List.of()).stream().filter(c -> body.contains(c.bodyContains()))
					.map(Conditional::answer).findFirst()
					.orElse(answers.getOrDefault(key, new Answer(404, "{\"status\":404,\"detail\":\"The stub has no answer for this.\"}")));
			}
			byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
			if (bytes.length > 0) {
				exchange.getResponseBody().write(bytes);
			}
		}
	}

	private static Answer token(String form, String authorization) {
		String clientId = clientIdOf(authorization);
		if (!form.contains("grant_type=client_credentials") || clientId == null) {
			return new Answer(400, "{\"error\":\"invalid_request\"}");
		}
		tokensIssued.incrementAndGet();
		return new Answer(200, "{\"access_token\":\"" + TestJwts.forService(clientId)
				+ "\",\"token_type\":\"Bearer\",\"expires_in\":300,\"scope\":\"mosaic.internal\"}");
	}

	/** The client id of HTTP Basic client authentication, Spring Security's default. */
	private static String clientIdOf(String authorization) {
		if (authorization == null || !authorization.startsWith("Basic ")) {
			return null;
		}
		String credentials = new String(java.util.Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
		return java.net.URLDecoder.decode(credentials.substring(0, credentials.indexOf(':')), StandardCharsets.UTF_8);
	}
}
