package app.mosaic.feed.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import app.mosaic.feed.explore.Explore;
import app.mosaic.testkit.HttpApi;
import app.mosaic.testkit.MosaicServiceTest;
import app.mosaic.testkit.ServiceStubs;
import app.mosaic.testkit.TestJwts;

/** {@code GET /api/v1/explore} and {@code /explore/hashtags}, from the events that feed them. */
@MosaicServiceTest
class ExploreIT {

	@Autowired
	HttpApi api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	Explore explore;

	UUID ana;
	String token;

	@BeforeEach
	void setUp() {
		ServiceStubs.reset();
		ServiceStubs.answer("POST", FeedApiIT.BATCH, 200, "{\"items\":[]}");
		ana = UUID.randomUUID();
		token = TestJwts.forUser(ana, "ana");
	}

	@Test
	void explorerRanksRecentPublicPostsOfPeopleNotFollowedByEngagementWithTimeDecay() {
		UUID bob = UUID.randomUUID(), cleo = UUID.randomUUID(), dan = UUID.randomUUID(), eve = UUID.randomUUID(),
				fay = UUID.randomUUID(), gus = UUID.randomUUID(), hal = UUID.randomUUID();
		FeedEvents events = new FeedEvents(jdbc).registered(ana);
		for (UUID someone : List.of(bob, cleo, dan, eve, fay, gus, hal)) {
			events.registered(someone);
		}
		long quiet = FeedEvents.newPostId(), popular = FeedEvents.newPostId(), liked = FeedEvents.newPostId(),
				old = FeedEvents.newPostId(), tooOld = FeedEvents.newPostId();
		Instant now = Instant.now();
		events.post(bob, quiet).post(bob, popular).post(cleo, liked)
			.post(cleo, old, now.minus(Duration.ofDays(2)), true, "a", "b")
			.post(cleo, tooOld, now.minus(Duration.ofDays(8)), true, "a", "b")
			.liked(bob, popular, 30).liked(cleo, liked, 2).comment(cleo, liked).liked(cleo, old, 500).liked(cleo, tooOld, 9000);
		// none of these may show: a private account, a block either way, a mute, someone followed, oneself
		long[] hidden = { FeedEvents.newPostId(), FeedEvents.newPostId(), FeedEvents.newPostId(), FeedEvents.newPostId(),
				FeedEvents.newPostId(), FeedEvents.newPostId() };
		events.profile(dan, true).block(ana, eve).block(fay, ana).mute(ana, gus).follow(ana, hal)
			.post(dan, hidden[0]).post(eve, hidden[1]).post(fay, hidden[2]).post(gus, hidden[3]).post(hal, hidden[4])
			.post(ana, hidden[5]);
		for (long post : hidden) {
			events.liked(ana, post, 1000);
		}
		events.settle();

		// 2 likes and a comment beat none; 30 likes beat both; two days old, 500 likes are worth less than new ones
		assertThat(mine(explored(), quiet, popular, liked, old, tooOld)).containsExactly(popular, liked, quiet, old);
		assertThat(explored()).doesNotContain(hidden[0], hidden[1], hidden[2], hidden[3], hidden[4], hidden[5]);

		new FeedEvents(jdbc).liked(bob, quiet, 100).settle();
		assertThat(mine(explored(), quiet, popular, liked, old)).as("new likes move a post up").containsExactly(quiet, popular, liked, old);

		new FeedEvents(jdbc).profile(bob, true).settle();
		assertThat(explored()).as("an account turned private leaves explore").doesNotContain(quiet, popular);
	}

	@Test
	void pagesFollowTheirCursorAndACursorTheApiNeverGaveIsRefused() {
		UUID bob = UUID.randomUUID();
		FeedEvents events = new FeedEvents(jdbc).registered(bob);
		List<Long> posts = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			posts.add(FeedEvents.newPostId());
			events.post(bob, posts.get(i)).liked(bob, posts.get(i), 1000 + i); // far above other tests' posts
		}
		events.settle();
		HttpApi.Response first = api.get("/api/v1/explore?limit=3").bearer(token).send();
		assertThat(first.status()).isEqualTo(200);
		String cursor = first.json().path("nextCursor").asString();
		api.get("/api/v1/explore?limit=3&cursor=" + cursor).bearer(token).send();
		List<ServiceStubs.Received> asked = ServiceStubs.received(FeedApiIT.BATCH);
		assertThat(ids(asked.get(0))).containsExactly(posts.get(4), posts.get(3), posts.get(2));
		assertThat(ids(asked.get(1))).startsWith(posts.get(1), posts.get(0));

		for (String bad : List.of("abc", "1.2.3", "-1.5", Long.toString(Double.doubleToLongBits(Double.NaN), 36) + ".5")) {
			HttpApi.Response refused = api.get("/api/v1/explore?cursor=" + bad).bearer(token).send();
			assertThat(refused.status()).as(bad).isEqualTo(400);
			assertThat(refused.contentType()).startsWith("application/problem+json");
		}
		assertThat(api.get("/api/v1/explore?limit=51").bearer(token).send().status()).isEqualTo(400);
		assertThat(api.get("/api/v1/explore").send().status()).isEqualTo(401);
	}

	@Test
	void trendingHashtagsAreThoseUsedFarAboveTheirUsualRate() {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String hot = "hot" + run, steady = "steady" + run, rare = "rare" + run, hidden = "hidden" + run, other = "other" + run;
		UUID bob = UUID.randomUUID();
		FeedEvents events = new FeedEvents(jdbc).registered(bob);
		Instant now = Instant.now();
		for (int day = 2; day <= 8; day++) { // once a day in the week before: the usual rate is one a day
			events.post(bob, FeedEvents.newPostId(), now.minus(Duration.ofDays(day)), true, steady, other);
		}
		for (int i = 0; i < 3; i++) {
			events.post(bob, FeedEvents.newPostId(), now, true, steady, other);
		}
		List<Long> hotPosts = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			hotPosts.add(FeedEvents.newPostId());
			events.post(bob, hotPosts.get(i), now, true, hot, other);
		}
		events.post(bob, FeedEvents.newPostId(), now, true, rare, other).post(bob, FeedEvents.newPostId(), now, true, rare, other);
		for (int i = 0; i < 5; i++) { // posts for followers only are nobody's trend
			events.post(bob, FeedEvents.newPostId(), now, false, hidden, other);
		}
		events.settle();

		assertThat(trending()).containsSubsequence(hot + "=6", steady + "=3");
		assertThat(trending()).noneMatch(t -> t.startsWith(rare + "=") || t.startsWith(hidden + "="));
		JsonNode top = api.get("/api/v1/explore/hashtags?limit=50").bearer(token).send().json();
		JsonNode hotTag = top.valueStream().filter(t -> t.path("tag").asString().equals(hot)).findFirst().orElseThrow();
		assertThat(hotTag.path("score").asDouble()).isEqualTo(6.0); // (6 - 0) / sqrt(0 + 1)

		// a deleted post and an edit that drops the tag stop counting
		events.deletePost(bob, hotPosts.get(0)).edit(bob, hotPosts.get(1), other).settle();
		assertThat(trending()).contains(hot + "=4");
		// hours older than the day and the week before it are forgotten; the week before is kept
		String gone = "gone" + run;
		events.post(bob, FeedEvents.newPostId(), now.minus(Duration.ofDays(10)), true, gone, other).settle();
		assertThat(uses(gone)).isEqualTo(1);
		assertThat(explore.forgetOldUses()).isPositive();
		assertThat(uses(gone)).isZero();
		assertThat(uses(steady)).as("the 7 days before today and today").isEqualTo(10);
	}

	private long uses(String tag) {
		return jdbc.sql("SELECT coalesce(sum(uses), 0) FROM hashtag_use WHERE tag = ?").param(tag).query(Long.class).single();
	}

	private List<String> trending() {
		HttpApi.Response tags = api.get("/api/v1/explore/hashtags?limit=50").bearer(token).send();
		assertThat(tags.status()).isEqualTo(200);
		return tags.json().valueStream().map(t -> t.path("tag").asString() + "=" + t.path("recentPosts").asLong()).toList();
	}

	/** Every post explore offers ana, page after page, in order (post-service is asked for each page). */
	private List<Long> explored() {
		int before = ServiceStubs.received(FeedApiIT.BATCH).size();
		String cursor = "";
		for (int page = 0; page < 100; page++) {
			HttpApi.Response answer = api.get("/api/v1/explore?limit=50&cursor=" + cursor).bearer(token).send();
			assertThat(answer.status()).isEqualTo(200);
			if (answer.json().path("nextCursor").isNull()) {
				break;
			}
			cursor = answer.json().path("nextCursor").asString();
		}
		List<ServiceStubs.Received> asked = ServiceStubs.received(FeedApiIT.BATCH);
		return asked.subList(before, asked.size()).stream().flatMap(call -> ids(call).stream()).toList();
	}

	private List<Long> ids(ServiceStubs.Received call) {
		return json.readTree(call.body()).path("postIds").valueStream().map(id -> Long.parseLong(id.asString())).toList();
	}

	private static List<Long> mine(List<Long> explored, long... posts) {
		Set<Long> wanted = new java.util.HashSet<>();
		for (long post : posts) {
			wanted.add(post);
		}
		return explored.stream().filter(wanted::contains).toList();
	}
}
