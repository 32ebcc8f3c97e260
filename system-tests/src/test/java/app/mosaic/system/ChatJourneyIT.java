package app.mosaic.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import app.mosaic.testkit.HttpApi;
import app.mosaic.testkit.WebSocketClient;

/**
 * Direct messages through the gateway with the real user, post and chat services: ana and bob open sockets on
 * /ws/chat (bob as a browser does, the token as a subprotocol), ana messages bob and shares a post, bob receives
 * both live and marks them read, and ana receives the read frame.
 */
class ChatJourneyIT {

	static final Duration SOON = Duration.ofSeconds(20);

	static HttpApi api;

	@BeforeAll
	static void platform() {
		api = Platform.gateway();
	}

	@Test
	void aMessageArrivesLiveAndItsReadReceiptComesBack() throws Exception {
		Person anaPerson = Person.random();
		Person bobPerson = Person.random();
		String ana = anaPerson.signUp();
		String bob = bobPerson.signUp();
		String socket = Platform.GATEWAY.replaceFirst("^http", "ws") + "/ws/chat";
		try (WebSocketClient anas = WebSocketClient.open(socket, ana);
				WebSocketClient bobs = WebSocketClient.open(socket, null, "bearer", bob);
				WebSocketClient stranger = WebSocketClient.open(socket + "?access_token=forged", null)) {
			assertThat(anas.next("ready", SOON)).isNotNull();
			assertThat(bobs.next("ready", SOON)).isNotNull();
			assertThat(bobs.subprotocol()).isEqualTo("bearer");
			assertThat(stranger.closed(SOON).code()).isEqualTo(4401);

			String conversation = start(ana, bobPerson.username());
			HttpApi.Response sent = send(ana, conversation, Map.of("text", "Hi bob 👋"));
			assertThat(sent.status()).isEqualTo(201);
			JsonNode message = bobs.next("message", SOON);
			assertThat(message.path("message").path("text").asString()).isEqualTo("Hi bob 👋");
			assertThat(message.path("message").path("sender").path("username").asString()).isEqualTo(anaPerson.username());
			assertThat(message.path("request").asBoolean()).as("bob does not follow ana").isTrue();

			String post = Person.post(ana, "Sunset");
			HttpApi.Response shared = send(ana, conversation, Map.of("postId", post));
			assertThat(shared.status()).isEqualTo(201);
			JsonNode share = bobs.next("message", SOON);
			assertThat(share.path("message").path("post").path("caption").asString()).isEqualTo("Sunset");

			String last = share.path("message").path("id").asString();
			assertThat(api.post("/api/v1/conversations/" + conversation + "/read").bearer(bob).json(Map.of("upToMessageId", last))
				.send().status()).isEqualTo(204);
			JsonNode read = anas.next("read", SOON);
			assertThat(read.path("upToMessageId").asString()).isEqualTo(last);
		}
		JsonNode requests = api.get("/api/v1/conversations/requests").bearer(bob).send().json().path("items");
		assertThat(requests.path(0).path("lastMessage").path("type").asString()).isEqualTo("POST_SHARE");
		assertThat(requests.path(0).path("unreadCount").asInt()).isZero();
		assertThat(api.get("/api/v1/conversations").bearer(ana).send().json().path("items").path(0).path("participants").size())
			.isEqualTo(2);
	}

	/** chat-service learns of a new account from its UserRegistered: until then the name is unknown (404). */
	private static String start(String token, String username) throws InterruptedException {
		long deadline = System.currentTimeMillis() + 30_000;
		while (true) {
			HttpApi.Response started = api.post("/api/v1/conversations").bearer(token).json(Map.of("usernames", List.of(username))).send();
			if (started.status() == 201 || System.currentTimeMillis() > deadline) {
				assertThat(started.status()).as(started.body()).isEqualTo(201);
				return started.json().path("id").asString();
			}
			Thread.sleep(250);
		}
	}

	private static HttpApi.Response send(String token, String conversation, Map<String, Object> body) {
		Map<String, Object> withId = new java.util.HashMap<>(body);
		withId.put("clientMessageId", UUID.randomUUID().toString());
		return api.post("/api/v1/conversations/" + conversation + "/messages").bearer(token).json(withId).send();
	}
}
