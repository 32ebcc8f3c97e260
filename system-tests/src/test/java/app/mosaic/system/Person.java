package app.mosaic.system;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.mosaic.testkit.HttpApi;
import app.mosaic.testkit.MultipartBody;

/** Someone using Mosaic through the gateway, with a fresh unique name. */
record Person(String username, String email, String password) {

	static Person random() {
		String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		return new Person("p_" + id, "p" + id + "@example.com", "pass-" + id);
	}

	HttpApi.Response register() {
		return Platform.gateway().post("/api/v1/auth/register")
			.json(Map.of("username", username, "email", email, "password", password, "fullName", "Test " + username))
			.send();
	}

	HttpApi.Response signIn(String login) {
		return Platform.gateway().post("/api/v1/auth/token").json(Map.of("login", login, "password", password)).send();
	}

	/** Registers, signs in, and returns the access token. */
	String signUp() {
		HttpApi.Response registered = register();
		if (registered.status() != 201) {
			throw new IllegalStateException("registration failed: " + registered);
		}
		HttpApi.Response token = signIn(username);
		if (token.status() != 200) {
			throw new IllegalStateException("sign-in failed: " + token);
		}
		return token.json().path("accessToken").asString();
	}

	/** Uploads a photo and posts it with the caption, as the holder of {@code token}; returns the post's id. */
	static String post(String token, String caption) throws Exception {
		HttpApi api = Platform.gateway();
		MultipartBody photo = new MultipartBody().file("file", "photo.jpg", "image/jpeg", MediaJourneyIT.photo(800, 600));
		String media = api.post("/api/v1/media").bearer(token).body(photo.contentType(), photo.bytes()).send().json().path("id").asString();
		HttpApi.Response created = api.post("/api/v1/posts").bearer(token).json(Map.of("caption", caption, "mediaIds", List.of(media)))
			.send();
		if (created.status() != 201) {
			throw new IllegalStateException("posting failed: " + created);
		}
		return created.json().path("id").asString();
	}
}
