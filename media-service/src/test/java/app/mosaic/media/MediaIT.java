package app.mosaic.media;

import static app.mosaic.media.TestImages.jpeg;
import static app.mosaic.media.TestImages.stripes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import app.mosaic.media.media.Media;
import app.mosaic.media.media.MediaManagement;
import app.mosaic.media.storage.ObjectStore;
import app.mosaic.platform.media.MediaUrls;
import app.mosaic.testkit.EventContracts;
import app.mosaic.testkit.HttpApi;
import app.mosaic.testkit.KafkaTestConsumer;
import app.mosaic.testkit.MosaicServiceTest;
import app.mosaic.testkit.MultipartBody;
import app.mosaic.testkit.TestJwts;

@MosaicServiceTest
class MediaIT {

	private static final Color RED = new Color(200, 30, 40);
	private static final Color BLUE = new Color(30, 60, 200);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObjectStore objects;

	@Autowired
	MediaManagement management;

	@Autowired
	MediaUrls urls;

	@Autowired
	HttpApi api;
	UUID owner;
	String token;

	@BeforeEach
	void newOwner() {
		owner = UUID.randomUUID();
		token = TestJwts.forUser(owner, "owner");
	}

	@Test
	void malformedMultipartUploadsAreClientErrorsNeverServerErrors() {
		byte[] jpeg = TestImages.jpeg(TestImages.stripes(400, 300, java.awt.Color.RED, java.awt.Color.BLUE));
		String boundary = "mosaic-boundary";
		String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\u0000b.jpg\"\r\n"
				+ "Content-Type: image/jpeg\r\n\r\n";
		byte[] nulName = concat(head.getBytes(java.nio.charset.StandardCharsets.UTF_8), jpeg,
				("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
		byte[] unclosed = concat(head.getBytes(java.nio.charset.StandardCharsets.UTF_8), jpeg);
		String type = "multipart/form-data; boundary=" + boundary;
		assertThat(api.post("/api/v1/media").bearer(token).body(type, unclosed).send().status()).as("no closing boundary").isBetween(400, 499);
		assertThat(api.post("/api/v1/media").bearer(token).body("multipart/form-data", nulName).send().status()).as("no boundary").isBetween(400, 499);
		HttpApi.Response nul = api.post("/api/v1/media").bearer(token).body(type, nulName).send();
		assertThat(nul.status()).as("a NUL in the file name: the name is never used").isIn(201, 400);
		MultipartBody nullEdit = new MultipartBody().file("file", "a.jpg", "image/jpeg", jpeg).field("edit", "application/json", "null");
		assertThat(api.post("/api/v1/media").bearer(token).body(nullEdit.contentType(), nullEdit.bytes()).send().status())
			.as("an edit of null is no edit").isIn(201, 400);
		MultipartBody looseEdit = new MultipartBody().file("file", "a.jpg", "image/jpeg", jpeg).field("edit", "application/json", "{\"rotate\":\"90\"}");
		HttpApi.Response loose = api.post("/api/v1/media").bearer(token).body(looseEdit.contentType(), looseEdit.bytes()).send();
		assertThat(loose.status()).as("rotate is a number, not a string").isEqualTo(400);
	}

	private static byte[] concat(byte[]... parts) {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

	@Test
	void uploadAnswersVariantsWhoseSignedUrlsServeTheImage() {
		HttpApi.Response created = upload(token, jpeg(stripes(2000, 1500, RED, BLUE)), null);

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode media = created.json();
		String id = media.path("id").asString();
		assertThat(created.header("Location")).hasValue("/api/v1/media/" + id);
		assertThat(media.path("type").asString()).isEqualTo("IMAGE");
		assertThat(media.path("width").asInt()).isEqualTo(1080);
		assertThat(media.path("height").asInt()).isEqualTo(810);
		assertThat(media.path("blurhash").asString()).hasSize(28);
		Map<String, int[]> sizes = Map.of("thumb", new int[] { 150, 150 }, "small", new int[] { 320, 240 }, "medium",
				new int[] { 640, 480 }, "large", new int[] { 1080, 810 });
		sizes.forEach((name, size) -> {
			JsonNode variant = media.path("variants").path(name);
			assertThat(variant.path("width").asInt()).isEqualTo(size[0]);
			assertThat(variant.path("height").asInt()).isEqualTo(size[1]);

			HttpApi.Response jpeg = api.get(pathOf(variant.path("url").asString())).send(); // no token
			assertThat(jpeg.status()).isEqualTo(200);
			assertThat(jpeg.contentType()).isEqualTo("image/jpeg");
			BufferedImage image = TestImages.decode(jpeg.bytes());
			assertThat(image.getWidth()).isEqualTo(size[0]);
			assertThat(image.getHeight()).isEqualTo(size[1]);
			assertThat(jpeg.header("Cache-Control").orElseThrow()).contains("immutable", "max-age=31536000", "public");
			String etag = jpeg.header("ETag").orElseThrow();
			assertThat(etag).matches("\"[0-9a-f]{64}\"");

			HttpApi.Response again = api.get(pathOf(variant.path("url").asString())).header("If-None-Match", etag).send();
			assertThat(again.status()).isEqualTo(304);
			assertThat(again.bytes()).isEmpty();

			HttpApi.Response webp = api.get(pathOf(variant.path("webpUrl").asString())).send();
			assertThat(webp.status()).isEqualTo(200);
			assertThat(webp.contentType()).isEqualTo("image/webp");
			assertThat(TestImages.decode(webp.bytes()).getWidth()).isEqualTo(size[0]);
		});
	}

	@Test
	void publishesMediaProcessedMatchingItsContract() {
		String id = upload(token, jpeg(stripes(800, 600, RED)), null).json().path("id").asString();

		var record = KafkaTestConsumer.await("media.events", r -> r.key().equals(id), Duration.ofSeconds(20));

		EventContracts.assertValid("media.events", "MediaProcessed", record.value());
		assertThat(record.value()).contains("\"ownerId\":\"" + owner + "\"", "\"width\":800");
	}

	@Test
	void appliesTheEditPartSentAsJsonOrAsAPlainField() {
		byte[] image = jpeg(stripes(1000, 600, RED, BLUE));
		HttpApi.Response asJson = upload(token, image, "{\"aspect\": \"1:1\", \"filter\": \"mono\"}");
		assertThat(asJson.status()).as(asJson.body()).isEqualTo(201);
		assertThat(asJson.json().path("width").asInt()).isEqualTo(600);
		assertThat(asJson.json().path("height").asInt()).isEqualTo(600);

		MultipartBody plain = new MultipartBody().file("file", "p.jpg", "image/jpeg", image)
			.field("edit", null, "{\"aspect\": \"4:5\", \"rotate\": 90}");
		HttpApi.Response asField = api.post("/api/v1/media").bearer(token).body(plain.contentType(), plain.bytes()).send();
		assertThat(asField.status()).as(asField.body()).isEqualTo(201);
		// rotated to 600 × 1000, then the largest 4:5 centre crop: 600 × 750
		assertThat(asField.json().path("width").asInt()).isEqualTo(600);
		assertThat(asField.json().path("height").asInt()).isEqualTo(750);
	}

	@Test
	void refusesBadInputWithClearProblems() {
		assertProblem(upload(token, "plain text pretending".getBytes(), null, "photo.jpg"), 415, "not a JPEG");
		assertProblem(upload(token, new byte[0], null), 400, "empty");
		byte[] whole = jpeg(stripes(600, 400, RED, BLUE));
		assertProblem(upload(token, Arrays.copyOf(whole, whole.length / 2), null), 400, "truncated");
		assertProblem(upload(token, TestImages.pngClaiming(30_000, 30_000), null), 413, "megapixels");
		assertProblem(upload(token, TestImages.resource("animated.gif"), null), 415, "Animated");
		byte[] huge = new byte[21 * 1024 * 1024];
		System.arraycopy(whole, 0, huge, 0, whole.length);
		assertProblem(upload(token, huge, null), 413, "20 MB");
		assertProblem(upload(token, whole, "{not json"), 400, "JSON");
		assertProblem(upload(token, whole, "{\"brightness\": 300}"), 400, "brightness");
		assertProblem(upload(token, whole, "{\"crop\": {\"x\": 0, \"y\": 0, \"width\": 601, \"height\": 10}}"), 400, "crop");
		MultipartBody noFile = new MultipartBody().field("edit", null, "{}");
		assertProblem(api.post("/api/v1/media").bearer(token).body(noFile.contentType(), noFile.bytes()).send(), 400, "file");
		assertProblem(api.post("/api/v1/media").bearer(token).json("{}").send(), 415, null);
		assertThat(api.post("/api/v1/media").body("image/jpeg", whole).send().status()).isEqualTo(401);
	}

	@Test
	void signedUrlsRefuseTamperingAndExpiry() {
		JsonNode media = upload(token, jpeg(stripes(400, 300, RED)), null).json();
		long id = Long.parseLong(media.path("id").asString());
		String url = pathOf(media.path("variants").path("small").path("url").asString());
		assertThat(api.get(url).send().status()).isEqualTo(200);

		String otherVariant = url.replace("/small?", "/large?");
		assertProblem(api.get(otherVariant).send(), 403, "expired or is not valid");
		String otherId = url.replace("/" + id + "/", "/" + (id + 1) + "/");
		assertProblem(api.get(otherId).send(), 403, null);
		String longer = url.replaceFirst("exp=(\\d+)", "exp=" + Instant.now().plus(Duration.ofDays(400)).getEpochSecond());
		assertProblem(api.get(longer).send(), 403, null);
		assertProblem(api.get("/api/v1/media/" + id + "/small").send(), 403, null);
		String expired = urls.variantUrl(id, "small", Instant.now().minusSeconds(1));
		assertProblem(api.get(pathOf(expired)).send(), 403, null);
		String unknownButSigned = urls.variantUrl(id + 12345, "small");
		assertProblem(api.get(pathOf(unknownButSigned)).send(), 404, null);
	}

	@Test
	void onlyTheOwnerReadsMetadata() {
		String id = upload(token, jpeg(stripes(400, 300, RED)), null).json().path("id").asString();

		assertThat(api.get("/api/v1/media/" + id).bearer(token).send().json().path("id").asString()).isEqualTo(id);
		assertProblem(api.get("/api/v1/media/" + id).bearer(TestJwts.forUser(UUID.randomUUID(), "other")).send(), 404, null);
		assertThat(api.get("/api/v1/media/" + id).send().status()).isEqualTo(401);
		assertProblem(api.get("/api/v1/media/not-a-number").bearer(token).send(), 404, null);
	}

	@Test
	void servicesAttachAndDetachOnlyTheOwnersLooseMedia() {
		String first = uploadId(token);
		String second = uploadId(token);
		String service = TestJwts.forService("post-service");
		UUID stranger = UUID.randomUUID();

		HttpApi.Response notYours = api.post("/internal/media/attach").bearer(service)
			.json(Map.of("ownerId", stranger, "target", "post:1", "mediaIds", List.of(first))).send();
		assertProblem(notYours, 404, "not yours");

		HttpApi.Response attached = api.post("/internal/media/attach").bearer(service)
			.json(Map.of("ownerId", owner, "target", "post:1", "mediaIds", List.of(second, first))).send();
		assertThat(attached.status()).as(attached.body()).isEqualTo(200);
		assertThat(attached.json().path("items").get(0).path("id").asString()).isEqualTo(second);
		assertThat(attached.json().path("items").get(1).path("attachedTo").asString()).isEqualTo("post:1");
		assertThat(api.post("/internal/media/attach").bearer(service)
			.json(Map.of("ownerId", owner, "target", "post:1", "mediaIds", List.of(first))).send().status())
			.as("repeating the same attach succeeds").isEqualTo(200);
		assertProblem(api.post("/internal/media/attach").bearer(service)
			.json(Map.of("ownerId", owner, "target", "post:2", "mediaIds", List.of(first))).send(), 409, "in use");

		assertThat(api.post("/internal/media/attach").bearer(token)
			.json(Map.of("ownerId", owner, "target", "post:3", "mediaIds", List.of(first))).send().status())
			.as("a user token cannot call internal endpoints").isEqualTo(403);
		assertThat(api.post("/internal/media/lookup").json(Map.of("mediaIds", List.of(first))).send().status()).isEqualTo(401);

		HttpApi.Response detached = api.post("/internal/media/detach").bearer(service)
			.json(Map.of("target", "post:1", "mediaIds", List.of(first, second))).send();
		assertThat(detached.json().path("detached").asInt()).isEqualTo(2);
		HttpApi.Response lookup = api.post("/internal/media/lookup").bearer(service)
			.json(Map.of("mediaIds", List.of(first, "999"))).send();
		assertThat(lookup.json().path("items")).hasSize(1);
		assertThat(lookup.json().path("items").get(0).has("attachedTo")).isFalse();
		assertThat(lookup.json().path("items").get(0).path("ownerId").asString()).isEqualTo(owner.toString());
		assertProblem(api.post("/internal/media/attach").bearer(service)
			.json(Map.of("ownerId", owner, "target", "bad target!", "mediaIds", List.of(first))).send(), 400, null);
	}

	@Test
	void ownerDeletesLooseMediaAndEveryObjectGoes() {
		String id = uploadId(token);
		long mediaId = Long.parseLong(id);
		assertThat(objects.keys(Media.prefix(mediaId))).hasSize(8);

		assertProblem(api.delete("/api/v1/media/" + id).bearer(TestJwts.forUser(UUID.randomUUID(), "x")).send(), 404, null);
		assertThat(api.delete("/api/v1/media/" + id).bearer(token).send().status()).isEqualTo(204);
		assertProblem(api.get("/api/v1/media/" + id).bearer(token).send(), 404, null);
		management.purge();

		assertThat(objects.keys(Media.prefix(mediaId))).isEmpty();
		assertThat(rows(mediaId)).isZero();
		var deleted = KafkaTestConsumer.await("media.events",
				r -> r.key().equals(id) && r.value().contains("MediaDeleted"), Duration.ofSeconds(20));
		EventContracts.assertValid("media.events", "MediaDeleted", deleted.value());
	}

	@Test
	void attachedMediaCannotBeDeletedDirectly() {
		String id = uploadId(token);
		management.attach(owner, List.of(Long.parseLong(id)), "post:77");

		assertProblem(api.delete("/api/v1/media/" + id).bearer(token).send(), 409, null);
	}

	@Test
	void cleanUpRemovesMediaLeftUnattachedPastTheLimit() {
		long loose = Long.parseLong(uploadId(token));
		long attached = Long.parseLong(uploadId(token));
		long fresh = Long.parseLong(uploadId(token));
		management.attach(owner, List.of(attached), "post:9");
		jdbc.sql("UPDATE media SET loose_since = now() - interval '25 hours', created_at = now() - interval '25 hours' WHERE id IN (?, ?)")
			.params(loose, attached).update();

		assertThat(management.markOrphans()).isGreaterThanOrEqualTo(1);
		management.purge();

		assertThat(rows(loose)).isZero();
		assertThat(objects.keys(Media.prefix(loose))).isEmpty();
		assertThat(rows(attached)).isOne();
		assertThat(rows(fresh)).isOne();
	}

	@Test
	void postDeletedRemovesThatPostsMedia() {
		long kept = Long.parseLong(uploadId(token));
		long inPost = Long.parseLong(uploadId(token));
		String postId = Long.toString(System.nanoTime());
		management.attach(owner, List.of(inPost), "post:" + postId);
		management.attach(owner, List.of(kept), "post:1" + postId);
		String event = EventContracts.example("post.events", "PostDeleted", Map.of("7402938475629999", postId));

		KafkaTestConsumer.send("post.events", postId, "PostDeleted", event);
		KafkaTestConsumer.send("post.events", postId, "PostDeleted", event); // redelivered

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			management.purge();
			assertThat(rows(inPost)).isZero();
		});
		assertThat(objects.keys(Media.prefix(inPost))).isEmpty();
		assertThat(rows(kept)).isOne();
	}

	@Test
	void profileUpdatedReleasesEarlierAvatarsOnly() {
		long old = Long.parseLong(uploadId(token));
		long current = Long.parseLong(uploadId(token));
		long later = Long.parseLong(uploadId(token));
		management.attach(owner, List.of(old), "avatar:" + owner);
		management.attach(owner, List.of(current), "avatar:" + owner);
		Instant editedAt = Instant.now();
		await().until(() -> Instant.now().isAfter(editedAt.plusMillis(2)));
		management.attach(owner, List.of(later), "avatar:" + owner); // claimed for an edit still on its way
		String event = EventContracts.example("user.events", "ProfileUpdated", Map.of(
				"5f0c1d7e-2a43-4b8e-9d51-7c6a3e1f2b90", owner.toString(), "7402938475629183", Long.toString(current),
				"2026-11-22T10:45:00Z", editedAt.toString()));

		KafkaTestConsumer.send("user.events", owner.toString(), "ProfileUpdated", event);

		await().atMost(Duration.ofSeconds(20)).until(() -> attachedTo(old) == null);
		assertThat(attachedTo(current)).isEqualTo("avatar:" + owner);
		assertThat(attachedTo(later)).isEqualTo("avatar:" + owner);
		assertThat(jdbc.sql("SELECT loose_since IS NOT NULL FROM media WHERE id = ?").param(old).query(Boolean.class).single())
			.as("the released one is loose, so the orphan clean-up deletes it").isTrue();
	}

	@Test
	void userDeletedRemovesAllTheirMedia() {
		long a = Long.parseLong(uploadId(token));
		long b = Long.parseLong(uploadId(token));
		management.attach(owner, List.of(b), "post:5");
		long someoneElses = Long.parseLong(uploadId(TestJwts.forUser(UUID.randomUUID(), "else")));
		String event = EventContracts.example("identity.events", "UserDeleted",
				Map.of("5f0c1d7e-2a43-4b8e-9d51-7c6a3e1f2b90", owner.toString()));

		KafkaTestConsumer.send("identity.events", owner.toString(), "UserDeleted", event);

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			management.purge();
			assertThat(rows(a) + rows(b)).isZero();
		});
		assertThat(objects.keys(Media.prefix(a))).isEmpty();
		assertThat(objects.keys(Media.prefix(b))).isEmpty();
		assertThat(rows(someoneElses)).isOne();
	}

	@Test
	void purgeFinishesWhatACrashInterrupted() {
		// an upload that died after writing one object, and a deletion that died after removing none
		long stalled = 4242L + System.nanoTime() % 100000;
		jdbc.sql("""
				INSERT INTO media (id, owner_id, state, source_format, width, height, blurhash, bytes, created_at, updated_at)
				VALUES (?, ?, 'PROCESSING', 'JPEG', 10, 10, 'LKO2?U%2Tw=w', 10, now() - interval '1 hour', now() - interval '1 hour')""")
			.params(stalled, owner).update();
		objects.put(Media.objectKey(stalled, "large", "jpeg"), new byte[] { 1, 2, 3 }, "image/jpeg");
		long halfDeleted = Long.parseLong(uploadId(token));
		jdbc.sql("UPDATE media SET state = 'DELETING' WHERE id = ?").param(halfDeleted).update();

		management.purge();
		management.purge(); // repeating finds nothing left to do

		assertThat(rows(stalled) + rows(halfDeleted)).isZero();
		assertThat(objects.keys(Media.prefix(stalled))).isEmpty();
		assertThat(objects.keys(Media.prefix(halfDeleted))).isEmpty();
	}

	@Test
	void limitsUploadsPerHourAndStoredBytesPerUser() {
		UUID busy = UUID.randomUUID();
		jdbc.sql("INSERT INTO upload_window (owner_id, window_start, uploads) VALUES (?, date_trunc('hour', now()), 100)")
			.param(busy).update();
		HttpApi.Response limited = upload(TestJwts.forUser(busy, "busy"), jpeg(stripes(100, 100, RED)), null);
		assertProblem(limited, 429, "uploads an hour");
		assertThat(Long.parseLong(limited.header("Retry-After").orElseThrow())).isBetween(1L, 3600L);

		UUID full = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO media (id, owner_id, state, source_format, width, height, blurhash, bytes, attached_to, created_at, updated_at)
				VALUES (?, ?, 'READY', 'JPEG', 10, 10, 'LKO2?U%2Tw=w', 2147483648, 'post:1', now(), now())""")
			.params(System.nanoTime(), full).update();
		assertProblem(upload(TestJwts.forUser(full, "full"), jpeg(stripes(100, 100, RED)), null), 413, "quota");
	}

	@Test
	void presignedStorageUrlsServeTheObject() throws Exception {
		long id = Long.parseLong(uploadId(token));
		String presigned = objects.presignedGet(Media.objectKey(id, "small", "jpeg"), Duration.ofMinutes(5));

		HttpResponse<byte[]> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(presigned)).build(), HttpResponse.BodyHandlers.ofByteArray());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(TestImages.decode(response.body()).getWidth()).isEqualTo(320);
	}

	private String uploadId(String bearer) {
		HttpApi.Response response = upload(bearer, jpeg(stripes(640, 480, RED, BLUE)), null);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().path("id").asString();
	}

	private HttpApi.Response upload(String bearer, byte[] bytes, String edit) {
		return upload(bearer, bytes, edit, "photo.jpg");
	}

	private HttpApi.Response upload(String bearer, byte[] bytes, String edit, String filename) {
		MultipartBody body = new MultipartBody().file("file", filename, "image/jpeg", bytes);
		if (edit != null) {
			body.field("edit", "application/json", edit);
		}
		return api.post("/api/v1/media").bearer(bearer).body(body.contentType(), body.bytes()).send();
	}

	private String attachedTo(long id) {
		return jdbc.sql("SELECT attached_to FROM media WHERE id = ?").param(id).query(String.class).optional().orElse(null);
	}

	private int rows(long id) {
		return jdbc.sql("SELECT count(*) FROM media WHERE id = ?").param(id).query(Integer.class).single();
	}

	private static String pathOf(String url) {
		URI uri = URI.create(url);
		return uri.getRawPath() + "?" + uri.getRawQuery();
	}

	private static void assertProblem(HttpApi.Response response, int status, String detailContains) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.contentType()).isEqualTo("application/problem+json");
		if (detailContains != null) {
			assertThat(response.json().path("detail").asString()).containsIgnoringCase(detailContains);
		}
	}
}
