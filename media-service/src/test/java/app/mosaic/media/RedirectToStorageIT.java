package app.mosaic.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import app.mosaic.testkit.HttpApi;
import app.mosaic.testkit.MosaicServiceTest;
import app.mosaic.testkit.MultipartBody;
import app.mosaic.testkit.TestJwts;

/** With redirect-to-storage on, a signed variant URL answers 302 to a presigned S3 URL that serves the bytes. */
@MosaicServiceTest
@TestPropertySource(properties = "mosaic.media.redirect-to-storage=true")
class RedirectToStorageIT {

	@Autowired
	HttpApi api;

	@Test
	void signedUrlsRedirectToPresignedStorageUrls() throws Exception {
		byte[] photo = TestImages.jpeg(TestImages.stripes(640, 480, java.awt.Color.RED, java.awt.Color.BLUE));
		MultipartBody body = new MultipartBody().file("file", "p.jpg", "image/jpeg", photo);
		String token = TestJwts.forUser(UUID.randomUUID(), "redirect");
		URI url = URI.create(api.post("/api/v1/media").bearer(token).body(body.contentType(), body.bytes()).send().json()
			.path("variants").path("small").path("url").asString());

		HttpApi.Response redirect = api.get(url.getRawPath() + "?" + url.getRawQuery()).send();

		assertThat(redirect.status()).isEqualTo(302);
		String location = redirect.header("Location").orElseThrow();
		assertThat(location).contains("X-Amz-Signature=");
		HttpResponse<byte[]> object = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(location)).build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(object.statusCode()).isEqualTo(200);
		assertThat(TestImages.decode(object.body()).getWidth()).isEqualTo(320);

		String tampered = url.getRawPath().replace("/small", "/large") + "?" + url.getRawQuery();
		assertThat(api.get(tampered).send().status()).isEqualTo(403);
	}
}
