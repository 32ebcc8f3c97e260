package app.mosaic.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.Future;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import app.mosaic.testkit.HttpApi;
import app.mosaic.testkit.TestJwts;
import app.mosaic.testkit.TestSecurityConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway in front of stand-in services (plain HTTP servers that say who they are and what they got):
 * routing, token checks, correlation ids, rate limits and fallbacks. Whole journeys through the real
 * services are the system tests'.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "mosaic.gateway.failed-sign-ins-per-login=3", "mosaic.gateway.per-user=1000", "management.server.port=0",
				"mosaic.gateway.trusted-proxies=127.0.0.1/32", "mosaic.gateway.failed-sign-ins-per-login-all-addresses=5" })
@Import(TestSecurityConfiguration.class)
class GatewayTests {

	static final HttpServer userService = stub("user-service", 200);
	static final HttpServer postService = stub("post-service", 200);
	static final HttpServer authService = stub("auth-service", 401);
	static final HttpServer mediaService = stub("media-service", 200);
	/** Requests the stubs answered with 503, as a service shedding load does. */
	static final AtomicInteger shed = new AtomicInteger();

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	HttpApi api;

	String token = TestJwts.forUser(UUID.randomUUID(), "ana");

	/** A web app build, as npm run build leaves it in web/dist. */
	static final Path webApp = webAppBuild();

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("mosaic.gateway.web-app-dir", webApp::toString);
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestJwts.ISSUER);
		registry.add("USER_SERVICE_URL", () -> url(userService));
		registry.add("POST_SERVICE_URL", () -> url(postService));
		registry.add("AUTH_SERVICE_URL", () -> url(authService));
		registry.add("MEDIA_SERVICE_URL", () -> url(mediaService));
		registry.add("FEED_SERVICE_URL", () -> "http://127.0.0.1:9"); // nothing listens: the service is down
	}

	static Path webAppBuild() {
		try {
			Path dir = Files.createTempDirectory("web-dist");
			Files.createDirectories(dir.resolve("assets"));
			Files.writeString(dir.resolve("index.html"), "<!doctype html><div id=root></div><script type=module src=/assets/app-1.js></script>");
			Files.writeString(dir.resolve("assets/app-1.js"), "console.log('mosaic')");
			// a file where an API path is: the API must still answer
			Files.createDirectories(dir.resolve("api/v1/users"));
			Files.writeString(dir.resolve("api/v1/users/me"), "not the API");
			return dir;
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	@Test
	void servesTheWebAppsFilesAndItsPagesWithoutATokenAndNeverInPlaceOfTheApi() {
		HttpApi.Response page = api.get("/").header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").send();
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("<div id=root>");
		assertThat(page.header("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'"));
		HttpApi.Response deepLink = api.get("/sign-up").header("Accept", "text/html").send();
		assertThat(deepLink.status()).isEqualTo(200);
		assertThat(deepLink.body()).contains("<div id=root>");
		assertThat(deepLink.header("Cache-Control")).contains("no-cache");
		HttpApi.Response script = api.get("/assets/app-1.js").send();
		assertThat(script.status()).isEqualTo(200);
		assertThat(script.body()).contains("mosaic");
		assertThat(api.get("/assets/missing.js").send().status()).isEqualTo(404);
		// the API keeps its own rules, HTML wanted or not
		HttpApi.Response apiPage = api.get("/api/v1/users/me").header("Accept", "text/html").send();
		assertThat(apiPage.status()).isEqualTo(401);
		assertThat(apiPage.contentType()).isEqualTo("application/problem+json");
		assertThat(api.post("/").header("Accept", "text/html").send().status()).isEqualTo(401);
	}

	@Autowired
	HttpClient routes;

	@Test
	void routesOverABoundedPoolOfConnectionsPerService() {
		// an elastic pool opened a connection per request under overload and ran the heap out (gateway.md, run 5)
		ConnectionProvider pool = routes.configuration().connectionProvider();
		assertThat(pool.maxConnections()).isEqualTo(1000);
	}

	@Autowired
	org.springframework.security.web.server.WebFilterChainProxy securityChain;

	@Autowired
	org.springframework.security.web.server.firewall.ServerWebExchangeFirewall firewall;

	@Test
	void servesRequestsThroughItsOwnFirewall() {
		// the request checks below hold with Spring's firewall too; this proves ours is the one in the chain
		assertThat(org.springframework.test.util.ReflectionTestUtils.getField(securityChain, "firewall")).isSameAs(firewall);
	}

	@BeforeEach
	void connect() {
		api = new HttpApi("http://127.0.0.1:" + port);
	}

	@AfterAll
	static void stop() {
		userService.stop(0);
		postService.stop(0);
		authService.stop(0);
		mediaService.stop(0);
	}

	@Test
	void refusesApiCallsWithoutAValidToken() {
		HttpApi.Response none = api.get("/api/v1/users/me").send();
		assertThat(none.status()).isEqualTo(401);
		assertThat(none.contentType()).startsWith("application/problem+json");
		// the services' shape: RFC 9457 members, the same type URIs
		assertThat(none.json().path("type").asString()).isEqualTo("https://mosaic.app/problems/unauthorized");
		assertThat(none.json().path("title").asString()).isEqualTo("Unauthorized");
		assertThat(none.json().path("status").asInt()).isEqualTo(401);
		assertThat(none.json().path("detail").asString()).isNotBlank();
		assertThat(api.get("/api/v1/users/me").bearer(TestJwts.signedByStranger(UUID.randomUUID(), "x")).send().status())
			.isEqualTo(401);
		assertThat(api.get("/api/v1/users/me").bearer(TestJwts.expired(UUID.randomUUID(), "x")).send().status())
			.isEqualTo(401);
	}

	@Test
	void readsTheBearerTokenAsSpringSecurityDoesFromTheHeaderOrOnAGetFromTheQuery() {
		assertThat(api.get("/api/v1/users/me").header("Authorization", "bearer " + token).send().status())
			.as("the scheme in any case").isEqualTo(200);
		assertThat(api.get("/api/v1/users/me?access_token=" + token).send().status()).as("EventSource's way").isEqualTo(200);
		for (HttpApi.Response refused : List.of(
				api.get("/api/v1/users/me").header("Authorization", "Bearer " + token + "!").send(),
				api.get("/api/v1/users/me").header("Authorization", "Bearer ").send(),
				api.get("/api/v1/users/me?access_token=").send(),
				api.get("/api/v1/users/me?access_token=" + token).bearer(token).send(),
				api.get("/api/v1/users/me?access_token=" + token + "&access_token=" + token).send(),
				api.post("/api/v1/users/me?access_token=" + token).body("application/json", "{}".getBytes(StandardCharsets.UTF_8)).send())) {
			assertThat(refused.status()).isIn(400, 401);
			assertThat(refused.contentType()).startsWith("application/problem+json");
		}
		// the firewall: a control character (NEL, as the byte reads in ISO-8859-1) in a header value it reads; tabs pass
		HttpApi.Response control = api.raw("GET /api/v1/users/me HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token
				+ "\r\nX-Correlation-Id: a\u0085b\r\nConnection: close\r\n\r\n");
		assertThat(control.status()).isEqualTo(400);
		assertThat(control.contentType()).startsWith("application/problem+json");
		assertThat(api.raw("GET /api/v1/users/me HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token
				+ "\r\nX-Correlation-Id: a\tb\r\nConnection: close\r\n\r\n").status()).isEqualTo(200);
	}

	@Test
	void servesOneSwaggerUiOverEveryServicesDocumentStartingWithSignIn() {
		assertThat(api.get("/swagger-ui.html").send().status()).isIn(200, 302);
		HttpApi.Response config = api.get("/v3/api-docs/gateway/swagger-config").send();
		assertThat(config.status()).isEqualTo(200);
		assertThat(config.json().path("urls").findValuesAsString("name")).containsExactlyInAnyOrder("auth-service",
				"post-service", "user-service", "media-service", "feed-service", "notification-service", "chat-service");
		assertThat(config.json().path("urls.primaryName").asString()).isEqualTo("auth-service");
		assertThat(config.json().path("persistAuthorization").asBoolean()).isTrue();
	}

	@Test
	void sendsTheSecurityHeadersABrowserEnforces() {
		HttpApi.Response response = api.get("/api/v1/users/me").bearer(token).send();
		assertThat(response.header("Content-Security-Policy").orElse("")).contains("default-src 'self'").contains("frame-ancestors 'none'");
		assertThat(response.header("X-Content-Type-Options")).contains("nosniff");
		assertThat(response.header("Referrer-Policy")).contains("no-referrer");
		assertThat(response.header("Strict-Transport-Security")).as("only over HTTPS").isEmpty();
		HttpApi.Response refused = api.get("/api/v1/users/me").send();
		assertThat(refused.header("Content-Security-Policy")).as("on errors too").isPresent();
	}

	@Test
	void answersWhatItRefusesBeforeRoutingAsProblemJson() {
		String auth = "Authorization: Bearer " + token + "\r\n";
		for (String head : java.util.List.of(
				"GET /api/v1/users/a%00b HTTP/1.1\r\nHost: x\r\n" + auth + "Connection: close\r\n\r\n",
				"GET /api/v1/users/..%2F..%2Factuator HTTP/1.1\r\nHost: x\r\n" + auth + "Connection: close\r\n\r\n",
				"GET /api/v1/users/search?q=" + "x".repeat(6000) + " HTTP/1.1\r\nHost: x\r\n" + auth + "Connection: close\r\n\r\n",
				"GET /api/v1/users/me HTTP/1.1\r\nHost: x\r\n" + auth + "X-Big: " + "b".repeat(20_000) + "\r\nConnection: close\r\n\r\n")) {
			HttpApi.Response response = api.raw(head);
			String what = head.substring(0, Math.min(50, head.length()));
			assertThat(response.status()).as(what).isIn(400, 414, 431);
			assertThat(response.contentType()).as(what).startsWith("application/problem+json");
			assertThat(response.json().path("status").asInt()).as(what).isEqualTo(response.status());
		}
	}

	@Test
	void keepsProbesAndMetricsOffThePublicPort() {
		assertThat(api.get("/actuator/prometheus").send().status()).isEqualTo(404);
		assertThat(api.get("/actuator/health/readiness").send().status()).isEqualTo(404);
		HttpApi management = new HttpApi("http://127.0.0.1:" + managementPort);
		assertThat(management.get("/actuator/health/readiness").send().status()).isEqualTo(200);
		assertThat(management.get("/actuator/prometheus").send().body()).contains("jvm_memory_used_bytes");
	}

	@Test
	void verifiesEachTokenOnceAndStillRefusesAnExpiredOne() {
		String fresh = TestJwts.forUser(UUID.randomUUID(), "ben");
		HttpApi management = new HttpApi("http://127.0.0.1:" + managementPort);
		double hits = tokenCacheHits(management);
		assertThat(api.get("/api/v1/users/me").bearer(fresh).send().status()).isEqualTo(200);
		assertThat(api.get("/api/v1/users/me").bearer(fresh).send().status()).isEqualTo(200);
		assertThat(tokenCacheHits(management)).isGreaterThanOrEqualTo(hits + 1);
		String expired = TestJwts.expired(UUID.randomUUID(), "ben");
		assertThat(api.get("/api/v1/users/me").bearer(expired).send().status()).isEqualTo(401);
		assertThat(api.get("/api/v1/users/me").bearer(expired).send().status()).isEqualTo(401);
	}

	private static double tokenCacheHits(HttpApi management) {
		return management.get("/actuator/prometheus").send().body().lines()
			.filter(line -> line.startsWith("cache_gets_total{") && line.contains("cache=\"verified-tokens\"")
					&& line.contains("result=\"hit\""))
			.mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

	@Test
	void routesByPathPrefixWithProfileGridsGoingToPostService() {
		assertThat(api.get("/api/v1/users/me").bearer(token).send().body()).startsWith("user-service");
		assertThat(api.get("/api/v1/users/ana/posts").bearer(token).send().body()).startsWith("post-service");
		assertThat(api.get("/api/v1/users/me/saved").bearer(token).send().body()).startsWith("post-service");
		assertThat(api.get("/api/v1/posts/42").bearer(token).send().body()).startsWith("post-service");
	}

	@Test
	void passesTheCorrelationIdDownstreamAndBack() {
		HttpApi.Response given = api.get("/api/v1/users/me").bearer(token).header("X-Correlation-Id", "abc-123").send();
		assertThat(given.header("X-Correlation-Id")).contains("abc-123");
		assertThat(given.body()).contains("correlation=abc-123");

		HttpApi.Response made = api.get("/api/v1/users/me").bearer(token).send();
		assertThat(made.header("X-Correlation-Id")).isPresent();
		assertThat(made.body()).contains("correlation=" + made.header("X-Correlation-Id").orElseThrow());
	}

	@Test
	void publicAuthEndpointsNeedNoToken() {
		HttpApi.Response response = api.post("/api/v1/auth/register").json(Map.of("username", "x")).send();
		assertThat(response.body()).startsWith("auth-service");
	}

	@Test
	void imageBytesPassWithoutATokenForTheServiceToCheckTheirSignature() {
		assertThat(api.get("/api/v1/media/42/large?exp=1&sig=x").send().body()).startsWith("media-service");
		assertThat(api.get("/api/v1/media/42").send().status()).as("metadata still needs a token").isEqualTo(401);
		assertThat(api.delete("/api/v1/media/42/large").send().status()).isEqualTo(401);
	}

	@Test
	void repeatedFailedSignInsForOneLoginAreRateLimited() {
		for (int i = 0; i < 3; i++) {
			assertThat(signIn("victim").status()).isEqualTo(401);
		}
		HttpApi.Response limited = signIn("Victim");
		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.header("Retry-After")).isPresent();
		assertThat(limited.contentType()).startsWith("application/problem+json");
		assertThat(signIn("someone-else").status()).isEqualTo(401);
	}

	@Test
	void aGuesserIsStoppedWithoutLockingOutTheOwnerElsewhere() {
		for (int i = 0; i < 3; i++) {
			assertThat(signInFrom("203.0.113.1", "owner").status()).isEqualTo(401);
		}
		assertThat(signInFrom("203.0.113.1", "owner").status()).as("the guesser's address").isEqualTo(429);
		assertThat(signInFrom("198.51.100.7", "owner").status()).as("the owner's own address").isEqualTo(401);
		// many addresses together still meet a per-login ceiling
		assertThat(signInFrom("198.51.100.8", "owner").status()).isEqualTo(401);
		assertThat(signInFrom("198.51.100.9", "owner").status()).isEqualTo(429);
	}

	@Test
	void aServiceSheddingLoadIsNotAskedAgainAndItsAnswerReachesTheClient() {
		// a retry of a 503 adds load where there is too much (and the retry's reset failed with a 500)
		int before = shed.get();
		HttpApi.Response response = api.get("/api/v1/posts/shedding").bearer(token).send();
		assertThat(response.status()).isEqualTo(503);
		assertThat(response.header("Retry-After")).contains("2");
		assertThat(shed.get() - before).as("requests the service saw").isEqualTo(1);
	}

	@Test
	void aServiceThatIsDownAnswers503WithRetryAfter() {
		HttpApi.Response response = api.get("/api/v1/feed").bearer(token).send();
		assertThat(response.status()).isEqualTo(503);
		assertThat(response.header("Retry-After")).isPresent();
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().path("type").asString()).isEqualTo("https://mosaic.app/problems/service-unavailable");
		assertThat(response.json().path("status").asInt()).isEqualTo(503);
	}

	@Test
	void manySlowCallsToOneServiceAtOnceAreAllServed() throws Exception {
		// no bulkhead in front of a service: a burst of slow calls waits for its answers instead of being refused
		int calls = 60;
		try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<Integer>> statuses = new ArrayList<>();
			for (int i = 0; i < calls; i++) {
				statuses.add(clients.submit(() -> new HttpApi("http://127.0.0.1:" + port).get("/api/v1/posts/slow")
					.bearer(token).send().status()));
			}
			for (Future<Integer> status : statuses) {
				assertThat(status.get()).isEqualTo(200);
			}
		}
	}

	@Test
	void unknownPathsAre404ProblemJson() {
		HttpApi.Response response = api.get("/api/v1/nothing-here").bearer(token).send();
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

	@Test
	void oversizedBodiesAre413() {
		byte[] big = new byte[3 * 1024 * 1024];
		HttpApi.Response response = api.post("/api/v1/posts").bearer(token).body("application/json", big).send();
		assertThat(response.status()).as(response.toString()).isEqualTo(413);
		// no Content-Length: the gateway counts the bytes as they arrive and stops at the limit
		HttpApi.Response chunked = api.post("/api/v1/posts").bearer(token).chunked("application/json", big).send();
		assertThat(chunked.status()).as(chunked.toString()).isEqualTo(413);
		assertThat(chunked.contentType()).startsWith("application/problem+json");
		HttpApi.Response signIn = api.post("/api/v1/auth/token").chunked("application/json", big).send();
		assertThat(signIn.status()).as("the sign-in body the gateway buffers is limited too").isEqualTo(413);
	}

	@Test
	void answersCorsPreflightsForAllowedOriginsOnly() {
		HttpApi.Response allowed = api.options("/api/v1/posts/1")
			.header("Origin", "http://localhost:5173")
			.header("Access-Control-Request-Method", "DELETE")
			.header("Access-Control-Request-Headers", "authorization")
			.send();
		assertThat(allowed.status()).isEqualTo(200);
		assertThat(allowed.header("Access-Control-Allow-Origin")).contains("http://localhost:5173");
		assertThat(allowed.header("Access-Control-Allow-Methods").orElse("")).contains("DELETE");
		// the web app's session cookie (auth-service's BrowserSession) goes along to the allowed origins only
		assertThat(allowed.header("Access-Control-Allow-Credentials")).contains("true");
		assertThat(allowed.body()).doesNotStartWith("post-service"); // answered by the gateway itself

		HttpApi.Response foreign = api.options("/api/v1/posts/1")
			.header("Origin", "https://evil.example")
			.header("Access-Control-Request-Method", "DELETE")
			.send();
		assertThat(foreign.status()).isEqualTo(403);
		assertThat(foreign.header("Access-Control-Allow-Origin")).isEmpty();
		assertThat(foreign.contentType()).startsWith("application/problem+json");
		HttpApi.Response foreignCall = api.get("/api/v1/users/me").bearer(token).header("Origin", "https://evil.example").send();
		assertThat(foreignCall.status()).isEqualTo(403);
		assertThat(foreignCall.contentType()).startsWith("application/problem+json");
	}

	private HttpApi.Response signInFrom(String address, String login) {
		// the test client is a trusted proxy here, so it may say whom it forwards for
		return api.post("/api/v1/auth/token").header("X-Forwarded-For", address)
			.json(java.util.Map.of("login", login, "password", "wrong")).send();
	}

	private HttpApi.Response signIn(String login) {
		return api.post("/api/v1/auth/token").json(Map.of("login", login, "password", "wrong-password")).send();
	}

	private static HttpServer stub(String name, int status) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/", exchange -> {
				exchange.getRequestBody().readAllBytes();
				if (exchange.getRequestURI().getPath().endsWith("/slow")) {
					sleep(Duration.ofMillis(400));
				}
				if (exchange.getRequestURI().getPath().endsWith("/shedding")) {
					shed.incrementAndGet();
					exchange.getResponseHeaders().add("Retry-After", "2");
					exchange.sendResponseHeaders(503, -1);
					exchange.close();
					return;
				}
				byte[] body = (name + " " + exchange.getRequestURI().getPath() + " correlation="
						+ exchange.getRequestHeaders().getFirst("X-Correlation-Id")).getBytes(StandardCharsets.UTF_8);
				exchange.sendResponseHeaders(status, body.length);
				exchange.getResponseBody().write(body);
				exchange.close();
			});
			server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
			server.start();
			return server;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private static String url(HttpServer server) {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}
}
