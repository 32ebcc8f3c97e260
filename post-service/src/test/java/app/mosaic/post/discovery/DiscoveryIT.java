package app.mosaic.post.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import app.mosaic.post.Folks;
import app.mosaic.post.people.People;
import app.mosaic.testkit.HttpApi;
import app.mosaic.testkit.MosaicServiceTest;
import app.mosaic.testkit.ServiceStubs;

/** Hashtag and place pages and their search. */
@MosaicServiceTest
class DiscoveryIT {

	@Autowired
	HttpApi api;

	@Autowired
	People people;

	Folks.Person ana;
	Folks.Person bob;
	String unique;

	@BeforeEach
	void setUp() {
		ServiceStubs.reset();
		ana = Folks.create(people, "ana");
		bob = Folks.create(people, "bob");
		unique = "t" + Long.toString(System.nanoTime(), 36);
	}

	@Test
	void hashtagPagesShowRecentPublicPostsAndSearchFindsTagsByPrefix() {
		String open = Folks.post(api, ana, "#" + unique + "Blue sky");
		Folks.post(api, ana, "#" + unique + "blue again");
		Folks.post(api, ana, "#" + unique + "bluer");
		Folks.Person hidden = Folks.create(people, "hidden");
		Folks.post(api, hidden, "#" + unique + "blue secret");
		people.profileUpdated(hidden.id(), hidden.username(), null, null, true, Instant.now());

		JsonNode tag = api.get("/api/v1/hashtags/%23" + unique.toUpperCase() + "BLUE").bearer(bob.token()).send().json();
		assertThat(tag.path("tag").asString()).isEqualTo(unique + "blue");
		assertThat(tag.path("postCount").asInt()).isEqualTo(3);
		JsonNode posts = api.get("/api/v1/hashtags/" + unique + "blue/posts").bearer(bob.token()).send().json();
		assertThat(posts.path("items")).as("the private account's post is not on the page").hasSize(2);
		assertThat(posts.path("items").path(1).path("id").asString()).isEqualTo(open);

		JsonNode found = api.get("/api/v1/hashtags/search?q=%23" + unique + "blu").bearer(bob.token()).send().json();
		assertThat(found.path("items").valueStream().map(t -> t.path("tag").asString())).containsExactly(unique + "blue", unique + "bluer");
		assertThat(api.get("/api/v1/hashtags/search?q=" + "x".repeat(101)).bearer(bob.token()).send().status()).isEqualTo(400);
		assertThat(api.get("/api/v1/hashtags/" + unique + "none").bearer(bob.token()).send().status()).isEqualTo(404);
	}

	@Test
	void postsTaggedAtTheSameSpotShareOnePlaceAndSearchIsNearestFirst() {
		String name = "Café " + unique;
		String near = place(ana, Map.of("name", name, "lat", 38.7110, "lng", -9.1400));
		String same = place(bob, Map.of("name", name.toUpperCase(), "lat", 38.7112, "lng", -9.1401));
		String far = place(ana, Map.of("name", name, "lat", 41.1496, "lng", -8.6110));
		String byId = place(bob, Map.of("placeId", near));
		assertThat(same).isEqualTo(near);
		assertThat(byId).isEqualTo(near);
		assertThat(far).isNotEqualTo(near);

		JsonNode placeView = api.get("/api/v1/places/" + near).bearer(bob.token()).send().json();
		assertThat(placeView.path("postCount").asInt()).isEqualTo(3);
		assertThat(api.get("/api/v1/places/" + near + "/posts").bearer(bob.token()).send().json().path("items")).hasSize(3);

		List<String> fromPorto = api.get("/api/v1/places/search?q=" + unique + "&lat=41.15&lng=-8.61").bearer(bob.token()).send().json()
			.path("items").valueStream().map(p -> p.path("id").asString()).toList();
		assertThat(fromPorto).containsExactly(far, near);
		List<String> fromLisbon = api.get("/api/v1/places/search?q=cafe%20" + unique.substring(0, unique.length() - 1) + "&lat=38.71&lng=-9.14")
			.bearer(bob.token()).send().json().path("items").valueStream().map(p -> p.path("id").asString()).toList();
		assertThat(fromLisbon).as("a typo is forgiven").startsWith(near);
		assertThat(api.get("/api/v1/places/search?q=x&lat=91&lng=0").bearer(bob.token()).send().status()).isEqualTo(400);
		assertThat(api.get("/api/v1/places/search?q=x&lat=10").bearer(bob.token()).send().status()).isEqualTo(400);
		assertThat(api.get("/api/v1/places/123").bearer(bob.token()).send().status()).isEqualTo(404);
	}

	private String place(Folks.Person who, Map<String, Object> location) {
		HttpApi.Response created = api.post("/api/v1/posts").bearer(who.token())
			.json(Map.of("mediaIds", Folks.photos(1), "location", location)).send();
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().path("location").path("id").asString();
	}
}
