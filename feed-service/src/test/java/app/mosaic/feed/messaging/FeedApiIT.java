package app.mosaic.feed.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import app.mosaic.testkit.HttpApi;
import app.mosaic.testkit.MosaicServiceTest;
import app.mosaic.testkit.ServiceStubs;
import app.mosaic.testkit.TestJwts;

/** {@code GET /api/v1/feed}: pages of the timeline hydrated by post-service (a stub), and degraded without it. */
@MosaicServiceTest
class FeedApiIT {

	static final String BATCH = "/internal/posts/batch";

	@Autowired
	HttpApi api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	UUID ana;
	String token;
	long first;
	long second;
	long third;

	@BeforeEach
	void setUp() {
		ServiceStubs.reset();
		ana = UUID.randomUUID();
		token = TestJwts.forUser(ana, "ana");
		first = FeedEvents.newPostId();
		second = FeedEvents.newPostId();
		third = FeedEvents.newPostId();
		new FeedEvents(jdbc).registered(ana).post(ana, first).post(ana, second).post(ana, third).settle();
	}

	@Test
	void aPageIsHydratedWithOneBatchCallInTimelineOrder() {
		String hydrated = """
				{"items":[{"id":"%d","caption":"third","viewer":{"liked":true,"saved":false}},{"id":"%d","caption":"second"}]}"""
			.formatted(third, second);
		ServiceStubs.answer("POST", BATCH, 200, hydrated);
		HttpApi.Response page = api.get("/api/v1/feed?limit=2").bearer(token).send();
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.json().path("items")).isEqualTo(json.readTree(hydrated).path("items"));
		assertThat(page.json().path("nextCursor").asString()).isEqualTo(Long.toString(second));
		assertThat(page.json().path("degraded").asBoolean()).isFalse();
		List<ServiceStubs.Received> calls = ServiceStubs.received(BATCH);
		assertThat(calls).hasSize(1);
		JsonNode asked = json.readTree(calls.get(0).body());
		assertThat(asked.path("viewerId").asString()).isEqualTo(ana.toString());
		assertThat(asked.path("postIds").valueStream().map(JsonNode::asString)).containsExactly(Long.toString(third), Long.toString(second));
		assertThat(calls.get(0).authorization()).startsWith("Bearer ");

		ServiceStubs.answer("POST", BATCH, 200, "{\"items\":[{\"id\":\"%d\"}]}".formatted(first));
		HttpApi.Response last = api.get("/api/v1/feed?limit=2&cursor=" + second).bearer(token).send();
		assertThat(last.json().path("items").path(0).path("id").asString()).isEqualTo(Long.toString(first));
		assertThat(last.json().path("nextCursor").isNull()).isTrue();
	}

	@Test
	void withPostServiceDownTheFeedAnswersFromItsSummariesMarkedDegraded() {
		ServiceStubs.answer("POST", BATCH, 503, "{\"status\":503}");
		HttpApi.Response page = api.get("/api/v1/feed").bearer(token).send();
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.json().path("degraded").asBoolean()).isTrue();
		JsonNode items = page.json().path("items");
		assertThat(items.valueStream().map(i -> i.path("id").asString()))
			.containsExactly(Long.toString(third), Long.toString(second), Long.toString(first));
		JsonNode post = items.path(0);
		assertThat(post.path("author").path("username").asString()).startsWith("user_");
		assertThat(post.path("caption").asString()).isEqualTo("Golden hour in #Lisbon with @bob #sunset");
		assertThat(post.path("media").path(0).path("variants").path("thumb").path("url").asString()).contains("sig=");
	}

	@Test
	void aCursorTheApiNeverGaveIsRefused() {
		HttpApi.Response bad = api.get("/api/v1/feed?cursor=abc").bearer(token).send();
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.contentType()).startsWith("application/problem+json");
	}

	@Test
	void fanOutLagAndWorkAreMetered() {
		String metrics = api.get("/actuator/prometheus").send().body();
		assertThat(metrics).contains("feed_fanout_lag_seconds_count").contains("feed_fanout_entries_total")
			.contains("feed_fanout_posts_total");
	}
}
