package app.mosaic.post;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import app.mosaic.post.people.People;
import app.mosaic.testkit.HttpApi;
import app.mosaic.testkit.ServiceStubs;
import app.mosaic.testkit.TestJwts;

/**
 * People and photos for post-service tests: a person known as UserRegistered would make them, with a token,
 * and media-service (a stub) answering the attach of a post's photos as the real one does.
 */
public final class Folks {

	public static final String ATTACH = "/internal/media/attach";
	public static final String DETACH = "/internal/media/detach";
	private static final AtomicLong MEDIA = new AtomicLong(System.currentTimeMillis() * 1000);

	public record Person(UUID id, String username, String token) {
	}

	private Folks() {
	}

	public static Person create(People people, String name) {
		UUID id = UUID.randomUUID();
		String username = (name + "_" + id.toString().substring(0, 6)).toLowerCase();
		people.registered(id, username, "Test " + name, Instant.now());
		return new Person(id, username, TestJwts.forUser(id, username));
	}

	/** Fresh media ids, which the stubbed media-service attaches as processed 1080 × 1350 images. */
	public static List<String> photos(int count) {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			ids.add(Long.toString(MEDIA.incrementAndGet()));
		}
		ServiceStubs.answer("POST", ATTACH, 200, attached(ids));
		ServiceStubs.answer("POST", DETACH, 200, "{\"detached\":" + count + "}");
		return ids;
	}

	/** A post of one photo (or the photos given) with this caption; fails unless created. */
	public static String post(HttpApi api, Person author, String caption) {
		HttpApi.Response created = api.post("/api/v1/posts").bearer(author.token())
			.json(java.util.Map.of("caption", caption, "mediaIds", photos(1))).send();
		if (created.status() != 201) {
			throw new AssertionError("post not created: " + created);
		}
		return created.json().path("id").asString();
	}

	static String attached(List<String> ids) {
		StringBuilder items = new StringBuilder();
		for (String id : ids) {
			if (!items.isEmpty()) {
				items.append(',');
			}
			items.append("""
					{"id":"%s","ownerId":"00000000-0000-0000-0000-000000000000","state":"READY","attachedTo":"post:1","type":"IMAGE",
					 "width":1080,"height":1350,"blurhash":"LEHV6nWB2yk8pyo0adR*.7kCMdnj","variants":{
					 "thumb":{"url":"u","width":150,"height":150,"webpUrl":"w"},
					 "large":{"url":"u","width":1080,"height":1350,"webpUrl":null}}}""".formatted(id));
		}
		return "{\"items\":[" + items + "]}";
	}
}
