package app.mosaic.user.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.mosaic.testkit.HttpApi;
import app.mosaic.testkit.MosaicServiceTest;
import app.mosaic.testkit.TestJwts;
import app.mosaic.user.profile.Profiles;

@MosaicServiceTest
class SearchIT {

	@Autowired
	Profiles profiles;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	HttpApi api;
	/** Unique per run, so other tests' people never match. */
	String base;

	@BeforeEach
	void freshNames() {
		base = "q" + new java.util.Random().ints(6, 0, 26).mapToObj(i -> String.valueOf((char) ('a' + i))).reduce("", String::concat);
	}

	private UUID person(String username, String fullName) {
		UUID id = UUID.randomUUID();
		profiles.createIfAbsent(id, username, username + "@example.com", fullName, Instant.now());
		return id;
	}

	private String token(UUID id) {
		return TestJwts.forUser(id, "searcher");
	}

	private List<String> search(UUID viewer, String q) {
		HttpApi.Response r = api.get("/api/v1/users/search?q=" + q).bearer(token(viewer)).send();
		assertThat(r.status()).as(r.toString()).isEqualTo(200);
		return r.json().path("items").findValuesAsString("username");
	}

	@Test
	void exactThenPrefixThenNameThenNearMisses() {
		UUID viewer = person(base + "_viewer_x", "Viewer");
		person("zz" + base + "x", "Similar Spelling");
		person(base + "bel", "Someone Else");
		person(base, "Exact Match");
		person("other" + base.substring(0, 3), base + " Surname");

		List<String> found = search(viewer, base);

		assertThat(found).first().isEqualTo(base);
		assertThat(found.subList(1, 3)).containsExactlyInAnyOrder(base + "_viewer_x", base + "bel");
		assertThat(found).contains("other" + base.substring(0, 3), "zz" + base + "x");
		assertThat(found.indexOf("other" + base.substring(0, 3))).as("name prefix after username prefixes")
			.isLessThan(found.indexOf("zz" + base + "x"));
	}

	@Test
	void toleratesTypos() {
		UUID viewer = person(base + "_v", "Viewer");
		person(base + "hannah", "Hannah Typo");

		assertThat(search(viewer, base + "hanah")).contains(base + "hannah");
		assertThat(search(viewer, "@" + base.toUpperCase() + "HANNAH")).first().isEqualTo(base + "hannah");
	}

	@Test
	void neverShowsPeopleInABlockWithTheViewer() {
		UUID viewer = person(base + "_me", "Me");
		UUID blocksMe = person(base + "_hater", "Hater");
		person(base + "_pest", "Pest");
		person(base + "_friend", "Friend");
		api.post("/api/v1/users/" + base + "_me/block").bearer(TestJwts.forUser(blocksMe, base + "_hater")).send();
		api.post("/api/v1/users/" + base + "_pest/block").bearer(token(viewer)).send();

		assertThat(search(viewer, base)).contains(base + "_friend").doesNotContain(base + "_hater", base + "_pest");
	}

	@Test
	void refusesEmptyOrHugeQueries() {
		UUID viewer = person(base + "_e", "E");
		assertThat(api.get("/api/v1/users/search?q=").bearer(token(viewer)).send().status()).isEqualTo(400);
		assertThat(api.get("/api/v1/users/search?q=" + "a".repeat(65)).bearer(token(viewer)).send().status()).isEqualTo(400);
		assertThat(search(viewer, "%25_")).as("LIKE wildcards are literal").isEmpty();
	}

	@Test
	void suggestsWhomYourFollowsFollowRankedByHowMany() {
		UUID me = person(base + "_me", "Me");
		UUID b = person(base + "_b", "B");
		UUID c = person(base + "_c", "C");
		person(base + "_d", "D");
		person(base + "_e", "E");
		follow(me, base + "_b");
		follow(me, base + "_c");
		follow(b, base + "_d");
		follow(c, base + "_d");
		follow(b, base + "_e");
		follow(b, base + "_me");

		HttpApi.Response r = api.get("/api/v1/users/suggestions").bearer(token(me)).send();
		List<String> names = r.json().path("items").findValuesAsString("username");

		assertThat(names).startsWith(base + "_d", base + "_e").doesNotContain(base + "_me", base + "_b", base + "_c");
		assertThat(r.json().path("items").get(0).path("followedBy").asInt()).isEqualTo(2);
	}

	@Test
	void suggestsPopularAccountsToSomeoneWhoFollowsNoOne() {
		UUID newcomer = person(base + "_new", "New");

		// a public account with more followers than anyone else in this database
		person(base + "_star", "Star");
		for (int i = 0; i < 30; i++) {
			follow(person(base + "_fan" + i, "Fan"), base + "_star");
		}
		HttpApi.Response r = api.get("/api/v1/users/suggestions?limit=5").bearer(token(newcomer)).send();

		List<String> names = r.json().path("items").findValuesAsString("username");
		assertThat(names).hasSize(5).first().isEqualTo(base + "_star");
		assertThat(names).doesNotContain(base + "_new");
		List<Integer> followerCounts = names.stream()
			.map(n -> jdbc.sql("SELECT follower_count FROM profile WHERE username = ?").param(n).query(Integer.class).single())
			.toList();
		assertThat(followerCounts).as("most followed first").isSortedAccordingTo(java.util.Comparator.reverseOrder());
		assertThat(r.json().path("items").valueStream().map(i -> i.path("followedBy").asInt())).containsOnly(0);
	}

	private void follow(UUID who, String whom) {
		assertThat(api.post("/api/v1/users/" + whom + "/follow").bearer(token(who)).send().status()).isEqualTo(200);
	}
}
