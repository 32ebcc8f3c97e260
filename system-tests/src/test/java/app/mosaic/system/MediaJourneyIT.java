package app.mosaic.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import app.mosaic.testkit.HttpApi;
import app.mosaic.testkit.MultipartBody;

/** Uploading a photo through the gateway, with an edit, and loading every variant the way a browser does. */
class MediaJourneyIT {

	static HttpApi api;

	@BeforeAll
	static void platform() {
		api = Platform.gateway();
	}

	@Test
	void uploadEditAndFetchEveryVariantThroughTheGateway() throws Exception {
		String token = Person.random().signUp();
		MultipartBody upload = new MultipartBody().file("file", "holiday.jpg", "image/jpeg", photo(2400, 1600))
			.field("edit", "application/json", "{\"aspect\": \"4:5\", \"brightness\": 10, \"filter\": \"warm\"}");

		HttpApi.Response created = api.post("/api/v1/media").bearer(token).body(upload.contentType(), upload.bytes()).send();

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		JsonNode media = created.json();
		// the largest 4:5 centre crop of 2400 × 1600 is 1280 × 1600, stored 1080 wide
		assertThat(media.path("width").asInt()).isEqualTo(1080);
		assertThat(media.path("height").asInt()).isEqualTo(1350);
		assertThat(media.path("blurhash").asString()).isNotBlank();
		for (String name : List.of("thumb", "small", "medium", "large")) {
			JsonNode variant = media.path("variants").path(name);
			URI url = URI.create(variant.path("url").asString());
			assertThat(url.getPort()).as("URLs point at the gateway").isEqualTo(8080 + Platform.PORT_OFFSET);

			HttpApi.Response image = api.get(url.getRawPath() + "?" + url.getRawQuery()).send(); // as <img src>: no token
			assertThat(image.status()).as(name + " " + image).isEqualTo(200);
			assertThat(image.contentType()).isEqualTo("image/jpeg");
			BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image.bytes()));
			assertThat(decoded.getWidth()).isEqualTo(variant.path("width").asInt());
			assertThat(decoded.getHeight()).isEqualTo(variant.path("height").asInt());
			String etag = image.header("ETag").orElseThrow();
			assertThat(api.get(url.getRawPath() + "?" + url.getRawQuery()).header("If-None-Match", etag).send().status())
				.isEqualTo(304);

			URI webp = URI.create(variant.path("webpUrl").asString());
			HttpApi.Response webpImage = api.get(webp.getRawPath() + "?" + webp.getRawQuery()).send();
			assertThat(webpImage.status()).isEqualTo(200);
			assertThat(webpImage.contentType()).isEqualTo("image/webp");
		}
		assertThat(api.get("/api/v1/media/" + media.path("id").asString()).bearer(token).send().status()).isEqualTo(200);
		assertThat(api.get("/api/v1/media/" + media.path("id").asString()).bearer(Person.random().signUp()).send().status())
			.as("another person does not see the metadata").isEqualTo(404);

		URI tampered = URI.create(media.path("variants").path("large").path("url").asString().replace("/large?", "/medium?"));
		assertThat(api.get(tampered.getRawPath() + "?" + tampered.getRawQuery()).send().status()).isEqualTo(403);

		MultipartBody text = new MultipartBody().file("file", "x.jpg", "image/jpeg", "hello".getBytes());
		assertThat(api.post("/api/v1/media").bearer(token).body(text.contentType(), text.bytes()).send().status())
			.as("a text file named .jpg").isEqualTo(415);
	}

	static byte[] photo(int width, int height) throws Exception {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		for (int x = 0; x < width; x += 40) {
			g.setColor(new Color(x * 255 / width, 120, 255 - x * 255 / width));
			g.fillRect(x, 0, 40, height);
		}
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "jpeg", out);
		return out.toByteArray();
	}
}
