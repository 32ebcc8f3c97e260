package app.mosaic.testkit;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every Mosaic service must do before it has any feature: report its probes, expose metrics and an
 * OpenAPI document, and answer failures as problem+json. A service's test extends it, annotated with
 * {@link MosaicServiceTest}.
 */
public abstract class ServiceBaselineTests {

	@Autowired
	protected HttpApi api;

	@Autowired
	private org.springframework.context.ApplicationContext context;

	@Test
	void everyEventItPublishesOrConsumesHasAContract() {
		EventContracts.assertDeclaredEventsHaveContracts(org.springframework.boot.autoconfigure.AutoConfigurationPackages.get(context));
		EventContracts.assertConsumersReadTheirContracts(
				context.getBeansOfType(app.mosaic.platform.events.EventConsumer.class).values());
	}

	@Test
	void reportsLivenessAndReadiness() {
		assertThat(api.get("/actuator/health/liveness").send().json().path("status").asString()).isEqualTo("UP");
		HttpApi.Response readiness = api.get("/actuator/health/readiness").send();
		assertThat(readiness.status()).isEqualTo(200);
		assertThat(readiness.json().path("status").asString()).isEqualTo("UP");
	}

	@Test
	void exposesPrometheusMetrics() {
		HttpApi.Response metrics = api.get("/actuator/prometheus").send();
		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("application=");
	}

	@Test
	void timesEveryRouteWithAHistogramADashboardCanRead() {
		api.get("/v3/api-docs").send();
		String metrics = api.get("/actuator/prometheus").send().body();
		// request rate and p99 per route: histogram_quantile(0.99, http_server_requests_seconds_bucket{uri=...})
		assertThat(metrics.lines().filter(l -> l.startsWith("http_server_requests_seconds_bucket{")
				&& l.contains("uri=\"/v3/api-docs\"") && l.contains("le=")))
			.isNotEmpty();
	}

	@Test
	void keepsItsModulesFreeOfCyclesAndInternalAccess() {
		Class<?> application = context.getBeansWithAnnotation(org.springframework.boot.autoconfigure.SpringBootApplication.class)
			.values().stream().map(bean -> org.springframework.util.ClassUtils.getUserClass(bean)).findFirst().orElseThrow();
		org.springframework.modulith.core.ApplicationModules.of(application).verify();
	}

	@Test
	void keepsItsApiCompatibleWithTheBaselineClientsWereGiven() {
		HttpApi.Response docs = api.get("/v3/api-docs").send();
		assertThat(docs.status()).isEqualTo(200);
		ApiContracts.assertCompatibleWithBaseline(context.getEnvironment().getRequiredProperty("spring.application.name"), docs.body());
	}

	@Test
	void servesAnOpenApiDocumentFrontendsCanUseThroughTheGateway() {
		HttpApi.Response docs = api.get("/v3/api-docs").send();
		assertThat(docs.status()).isEqualTo(200);
		var doc = docs.json();
		assertThat(doc.path("openapi").asString()).startsWith("3.");
		assertThat(doc.path("info").path("title").asString()).startsWith("Mosaic").isNotEqualTo("OpenAPI definition");
		assertThat(doc.path("info").path("version").asString()).isEqualTo("v1");
		assertThat(doc.path("info").path("description").asString()).isNotBlank();
		// "Try it out" goes to the gateway's public URL, never to the service's own port
		assertThat(doc.path("servers").path(0).path("url").asString()).isEqualTo("http://localhost:8080");
		assertThat(doc.path("components").path("securitySchemes").path("bearer-jwt").path("scheme").asString()).isEqualTo("bearer");
		assertThat(doc.path("components").path("schemas").has("Problem")).isTrue();
		doc.path("paths").propertyNames().forEach(path -> {
			assertThat(path).startsWith("/api/v1/");
			doc.path("paths").path(path).forEach(operation -> {
				assertThat(operation.path("responses").has("503")).as(path).isTrue();
				assertThat(operation.path("responses").path("503").path("content").has("application/problem+json")).as(path).isTrue();
				assertThat(operation.toString()).as(path + " shows no platform-resolved parameter")
					.doesNotContain("\"caller\"").doesNotContain("\"page\"");
			});
		});
	}

	@Test
	void refusesRequestsWithoutATokenAsProblemJson() {
		HttpApi.Response response = api.get("/api/v1/anything").send();
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().path("status").asInt()).isEqualTo(401);
		assertThat(response.json().path("title").asString()).isEqualTo("Unauthorized");
		assertThat(response.json().path("type").asString()).endsWith("/unauthorized");
		assertThat(response.json().has("properties")).as("RFC 9457 keeps extra members at the top level").isFalse();
		assertThat(response.header("WWW-Authenticate")).contains("Bearer");
	}

	@Test
	void refusesTheTokensOfADeletedAccountFromTheMomentItIsDeleted() {
		UUID user = UUID.randomUUID();
		String token = TestJwts.forUser(user, "soon.gone");
		// accepted once, so its verification is remembered: the deletion must still win over the token cache
		assertThat(context.getBean(org.springframework.security.oauth2.jwt.JwtDecoder.class))
			.isInstanceOf(app.mosaic.platform.tokens.CachingJwtDecoder.class);
		assertThat(api.get("/api/v1/anything").bearer(token).send().status()).isEqualTo(404);

		String deleted = EventContracts.example("identity.events", "UserDeleted",
				java.util.Map.of("5f0c1d7e-2a43-4b8e-9d51-7c6a3e1f2b90", user.toString(),
						"2026-11-22T10:30:00Z", java.time.Instant.now().toString()));
		KafkaTestConsumer.send("identity.events", user.toString(), "UserDeleted", deleted);

		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
			.until(() -> api.get("/api/v1/anything").bearer(token).send().status() == 401);
		HttpApi.Response refused = api.get("/api/v1/anything").bearer(token).send();
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(api.get("/api/v1/anything").bearer(TestJwts.forUser(UUID.randomUUID(), "still.here")).send().status())
			.as("only that account").isEqualTo(404);

		// a deletion older than any token's life (a replayed topic) is past every token it concerns: not kept
		UUID longGone = UUID.randomUUID();
		String old = EventContracts.example("identity.events", "UserDeleted",
				java.util.Map.of("5f0c1d7e-2a43-4b8e-9d51-7c6a3e1f2b90", longGone.toString(),
						"2026-11-22T10:30:00Z", java.time.Instant.now().minus(java.time.Duration.ofDays(2)).toString()));
		KafkaTestConsumer.send("identity.events", longGone.toString(), "UserDeleted", old);
		ProcessedEvents.awaitAll(context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class),
				context.getEnvironment().getProperty("spring.application.name") + ".revocations", java.util.List.of(old));
		assertThat(context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
			.sql("SELECT count(*) FROM revoked_subject WHERE user_id = ?").param(longGone).query(Long.class).single()).isZero();
	}

	@Test
	void refusesDeclaredBodiesOverTheLimitBeforeReadingThem() {
		String token = TestJwts.forUser(UUID.randomUUID(), "ana");
		byte[] big = ("{\"bio\":\"" + "x".repeat(1_500_000) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
		HttpApi.Response declared = api.post("/api/v1/anything").bearer(token).body("application/json", big).send();
		assertThat(declared.status()).isEqualTo(413);
		assertThat(declared.contentType()).startsWith("application/problem+json");
	}

	@Test
	void refusesQueryParametersWithBrokenEncodingOrControlCharactersNamingThem() {
		String token = TestJwts.forUser(UUID.randomUUID(), "ana");
		for (String query : java.util.List.of("q=%00", "q=%ff%fe", "q=%c0%80", "q=a%07b")) {
			HttpApi.Response refused = api.get("/api/v1/anything?" + query).bearer(token).send();
			assertThat(refused.status()).as(query).isEqualTo(400);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			assertThat(refused.json().path("errors").path(0).path("field").asString()).as(query).isEqualTo("q");
		}
		assertThat(api.get("/api/v1/anything?q=Jos%C3%A9").bearer(token).send().status()).isEqualTo(404);
	}

	@Test
	void answersRequestsTomcatRefusesItselfAsProblemJson() {
		String longUri = "/api/v1/" + "a".repeat(20_000);
		String bigHeader = "X-Big: " + "b".repeat(20_000) + "\r\n";
		for (String head : java.util.List.of(
				"GET /api/v1/%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
				"GET /api/v1/users/a%00b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
				"GET /api/v1/users/a%2Fb HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
				"GET /api/v1/users/%ff%fe HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
				"GET " + longUri + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
				"GET /api/v1/anything HTTP/1.1\r\nHost: x\r\n" + bigHeader + "Connection: close\r\n\r\n")) {
			HttpApi.Response response = api.raw(head);
			String what = head.substring(0, Math.min(60, head.length()));
			assertThat(response.status()).as(what).isBetween(400, 499);
			assertThat(response.contentType()).as(what).startsWith("application/problem+json");
			assertThat(response.json().path("status").asInt()).as(what).isEqualTo(response.status());
			assertThat(response.body()).as(what).doesNotContain("Tomcat").doesNotContain("Exception");
		}
	}

	@Test
	void refusesJsonThatIsNotUtf8() {
		String token = TestJwts.forUser(UUID.randomUUID(), "ana");
		byte[] utf16 = "{\"login\":\"ana\"}".getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
		HttpApi.Response sniffed = api.post("/api/v1/anything").bearer(token).body("application/json", utf16).send();
		assertThat(sniffed.status()).isEqualTo(415);
		assertThat(sniffed.contentType()).startsWith("application/problem+json");
		assertThat(sniffed.json().path("detail").asString()).contains("UTF-8");
		byte[] ascii = "{\"login\":\"ana\"}".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		assertThat(api.post("/api/v1/anything").bearer(token).body("application/json; charset=UTF-16", ascii).send().status())
			.isEqualTo(415);
		assertThat(api.post("/api/v1/anything").bearer(token).body("application/json; charset=utf-8", ascii).send().status())
			.as("UTF-8 passes on (to a 404 here)").isEqualTo(404);
	}

	@Test
	void readsTheBearerHeaderAndTheFirewallsRulesAsSpringSecurityDoes() {
		String token = TestJwts.forUser(UUID.randomUUID(), "ana");
		assertThat(api.get("/api/v1/anything").header("Authorization", "bearer " + token).send().status())
			.as("the scheme in any case").isEqualTo(404);
		for (String malformed : java.util.List.of("Bearer " + token + "!", "Bearer  " + token, "Bearer ")) {
			HttpApi.Response refused = api.get("/api/v1/anything").header("Authorization", malformed).send();
			assertThat(refused.status()).as(malformed).isEqualTo(401);
			assertThat(refused.contentType()).startsWith("application/problem+json");
		}
		HttpApi.Response twice = api.get("/api/v1/anything?access_token=" + token).bearer(token).send();
		assertThat(twice.status()).as("a token in the header and the query").isIn(400, 401);
		assertThat(twice.contentType()).startsWith("application/problem+json");
		// a control character (NEL, U+0085, as Tomcat reads the byte) in a header the service reads; a tab is allowed
		HttpApi.Response control = api.raw("GET /api/v1/anything HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token
				+ "\r\nAccept: a\u0085b\r\nConnection: close\r\n\r\n");
		assertThat(control.status()).isEqualTo(400);
		assertThat(control.contentType()).startsWith("application/problem+json");
		assertThat(api.raw("GET /api/v1/anything HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token
				+ "\r\nAccept: application/json,\t*/*\r\nConnection: close\r\n\r\n").status()).isEqualTo(404);
	}

	/**
	 * The checks above hold with Spring's own resolver and firewall too; this proves ours serve the requests.
	 * Spring Security 7 registers a composite around the chain that serves, so the firewall is read from inside it.
	 */
	@Test
	void servesRequestsThroughTheStartersFirewallAndBearerResolver() {
		Object registered = context.getBean("springSecurityFilterChain");
		var serving = (org.springframework.security.web.FilterChainProxy) (registered.getClass().getSimpleName()
			.equals("CompositeFilterChainProxy") ? ReflectionTestUtils.getField(registered, "springSecurityFilterChain") : registered);
		assertThat(ReflectionTestUtils.getField(serving, "firewall"))
			.isSameAs(context.getBean(org.springframework.security.web.firewall.HttpFirewall.class));
		var chain = serving.getFilterChains().getFirst().getFilters();
		Object bearerFilter = chain.stream()
			.filter(f -> f instanceof org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter)
			.findFirst().orElseThrow();
		Object converter = ReflectionTestUtils.getField(bearerFilter, "authenticationConverter");
		assertThat(ReflectionTestUtils.getField(converter, "bearerTokenResolver"))
			.isSameAs(context.getBean(org.springframework.security.oauth2.server.resource.web.BearerTokenResolver.class));
	}

	@Test
	void refusesTamperedAndExpiredTokens() {
		UUID user = UUID.randomUUID();
		assertThat(api.get("/api/v1/anything").bearer(TestJwts.signedByStranger(user, "mallory")).send().status())
			.isEqualTo(401);
		assertThat(api.get("/api/v1/anything").bearer(TestJwts.expired(user, "late")).send().status()).isEqualTo(401);
	}

	@Test
	void answersUnknownPathsWith404ProblemJson() {
		HttpApi.Response response = api.get("/api/v1/no-such-thing").bearer(TestJwts.forUser(UUID.randomUUID(), "ana")).send();
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().path("title").asString()).isNotBlank();
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("at app.mosaic");
	}
}
