package app.mosaic.chat.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import app.mosaic.chat.ChatServiceApplication;
import app.mosaic.chat.messaging.ChatPeople;
import app.mosaic.chat.messaging.ChatPeople.Person;
import app.mosaic.testkit.EmbeddedInfrastructureInitializer;
import app.mosaic.testkit.HttpApi;
import app.mosaic.testkit.MosaicServiceTest;
import app.mosaic.testkit.TestJwts;
import app.mosaic.testkit.TestSecurityConfiguration;
import app.mosaic.testkit.WebSocketClient;

/** {@code /ws/chat}: every change reaches every online participant's sockets, on any instance. */
@MosaicServiceTest
class ChatSocketIT {

	static final Duration SOON = Duration.ofSeconds(10);

	@LocalServerPort
	int port;

	@Autowired
	HttpApi api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ChatSockets sockets;

	ChatPeople people;
	Person ana;
	Person ben;
	Person cleo;

	@BeforeEach
	void people() {
		people = new ChatPeople(jdbc);
		ana = people.register("ana");
		ben = people.register("ben");
		cleo = people.register("cleo");
	}

	@Test
	void aMessageReachesTheRecipientAsARequestAndTheSendersOtherDevicesAndReceiptsReactionsTypingAndUnsendsFollow() {
		String id = conversation(ana, ben.username());
		try (WebSocketClient phone = ready(WebSocketClient.open(ws(port), ana.token()));
				WebSocketClient laptop = ready(WebSocketClient.open(ws(port), null, "bearer", ana.token()));
				WebSocketClient bens = ready(WebSocketClient.open(ws(port) + "?access_token=" + ben.token(), null))) {
			assertThat(laptop.subprotocol()).isEqualTo("bearer");
			String message = send(ana, id, "hello ben").path("id").asString();

			JsonNode received = bens.next("message", SOON);
			assertThat(received.path("conversationId").asString()).isEqualTo(id);
			assertThat(received.path("message").path("id").asString()).isEqualTo(message);
			assertThat(received.path("message").path("text").asString()).isEqualTo("hello ben");
			assertThat(received.path("message").path("sender").path("username").asString()).isEqualTo(ana.username());
			assertThat(received.path("request").asBoolean()).as("ben does not follow ana").isTrue();
			for (WebSocketClient mine : List.of(phone, laptop)) {
				JsonNode echo = mine.next("message", SOON);
				assertThat(echo.path("message").path("id").asString()).isEqualTo(message);
				assertThat(echo.path("request").asBoolean()).isFalse();
			}

			api.post("/api/v1/conversations/" + id + "/read").bearer(ben.token()).json(Map.of("upToMessageId", message)).send();
			JsonNode read = phone.next("read", SOON);
			assertThat(read.path("userId").asString()).isEqualTo(ben.id().toString());
			assertThat(read.path("upToMessageId").asString()).isEqualTo(message);

			api.put("/api/v1/conversations/" + id + "/messages/" + message + "/reaction").bearer(ben.token()).json(Map.of("emoji", "🔥"))
				.send();
			JsonNode reaction = laptop.next("reaction", SOON);
			assertThat(reaction.path("emoji").asString()).isEqualTo("🔥");
			assertThat(reaction.path("messageId").asString()).isEqualTo(message);

			bens.send(Map.of("type", "typing", "conversationId", id));
			JsonNode typing = phone.next("typing", SOON);
			assertThat(typing.path("username").asString()).isEqualTo(ben.username());
			bens.send(Map.of("type", "typing", "conversationId", id));
			assertThat(phone.next("typing", Duration.ofMillis(500))).as("at most one typing frame every two seconds").isNull();

			api.delete("/api/v1/conversations/" + id + "/messages/" + message).bearer(ana.token()).send();
			assertThat(bens.next("unsent", SOON).path("messageId").asString()).isEqualTo(message);

			// too large for a PostgreSQL notification: each instance reads it itself
			String large = "🌊".repeat(2_000);
			send(ana, id, large);
			assertThat(bens.next("message", SOON).path("message").path("text").asString()).isEqualTo(large);
		}
	}

	@Test
	void aSocketWithoutAValidTokenClosesWith4401AndBadFramesAreAnswered() {
		for (WebSocketClient refused : List.of(WebSocketClient.open(ws(port), null),
				WebSocketClient.open(ws(port), TestJwts.signedByStranger(ana.id(), ana.username())),
				WebSocketClient.open(ws(port), TestJwts.expired(ana.id(), ana.username())),
				WebSocketClient.open(ws(port) + "?access_token=not-a-token", null))) {
			try (refused) {
				WebSocketClient.Closed closed = refused.closed(SOON);
				assertThat(closed).isNotNull();
				assertThat(closed.code()).isEqualTo(4401);
				assertThat(closed.reason()).contains("access token");
			}
		}
		HttpApi.Response plain = api.get("/ws/chat").bearer(ana.token()).send();
		assertThat(plain.status()).as("no handshake").isEqualTo(400);
		assertThat(plain.contentType()).startsWith("application/problem+json");

		String theirs = conversation(ben, cleo.username());
		try (WebSocketClient anas = ready(WebSocketClient.open(ws(port), ana.token()));
				WebSocketClient cleos = ready(WebSocketClient.open(ws(port), cleo.token()))) {
			anas.send("{\"type\":\"subscribe\"}");
			assertThat(anas.next("error", SOON).path("detail").asString()).contains("typing");
			anas.send("not json");
			assertThat(anas.next("error", SOON)).isNotNull();
			anas.send(Map.of("type", "typing", "conversationId", theirs));
			assertThat(cleos.next("typing", Duration.ofSeconds(1))).as("not ana's conversation").isNull();
		}
	}

	@Test
	void aSenderOnOneInstanceReachesARecipientOnAnother() {
		try (ConfigurableApplicationContext other = new SpringApplicationBuilder(ChatServiceApplication.class,
				TestSecurityConfiguration.class).initializers(new EmbeddedInfrastructureInitializer())
			// arguments, not builder properties: those are defaults that application.yml's port overrides
			.run("--server.port=0", "--spring.main.banner-mode=off")) {
			int otherPort = other.getEnvironment().getProperty("local.server.port", Integer.class);
			String id = conversation(ana, ben.username());
			try (WebSocketClient bens = ready(WebSocketClient.open(ws(otherPort), ben.token()));
					WebSocketClient anas = ready(WebSocketClient.open(ws(port), ana.token()))) {
				String message = send(ana, id, "across instances").path("id").asString();
				assertThat(bens.next("message", SOON).path("message").path("id").asString()).isEqualTo(message);
				HttpApi otherApi = new HttpApi("http://127.0.0.1:" + otherPort);
				otherApi.post("/api/v1/conversations/" + id + "/read").bearer(ben.token()).json(Map.of("upToMessageId", message)).send();
				assertThat(anas.next("read", SOON).path("userId").asString()).isEqualTo(ben.id().toString());
				assertThat(other.getBean(ChatSockets.class).openSockets(ben.id())).isEqualTo(1);
				assertThat(sockets.openSockets(ben.id())).isZero();
			}
		}
	}

	@Test
	void aClientThatStopsReadingDelaysNobodyElseAndIsClosedAsDead() throws InterruptedException {
		String group = api.post("/api/v1/conversations").bearer(ana.token())
			.json(Map.of("usernames", List.of(ben.username(), cleo.username()), "title", "load")).send().json().path("id").asString();
		try (WebSocketClient stalled = WebSocketClient.paused(ws(port), cleo.token());
				WebSocketClient bens = ready(WebSocketClient.open(ws(port), ben.token()))) {
			long deadline = System.currentTimeMillis() + 5_000;
			while (sockets.openSockets(cleo.id()) == 0 && System.currentTimeMillis() < deadline) {
				Thread.sleep(50);
			}
			String padding = "x".repeat(1_500);
			for (int i = 0; i < 150; i++) {
				send(ana, group, i + " " + padding);
			}
			for (int i = 0; i < 150; i++) {
				JsonNode frame = bens.next("message", SOON);
				assertThat(frame).as("message " + i).isNotNull();
				assertThat(frame.path("message").path("text").asString()).startsWith(i + " ");
			}
			assertThat(bens.pings()).as("the server pings every second here").isPositive();
			deadline = System.currentTimeMillis() + 10_000;
			while (sockets.openSockets(cleo.id()) > 0 && System.currentTimeMillis() < deadline) {
				Thread.sleep(50);
			}
			assertThat(sockets.openSockets(cleo.id())).as("no pong: the dead socket is closed").isZero();
			assertThat(sockets.openSockets(ben.id())).isEqualTo(1);
		}
	}

	private static WebSocketClient ready(WebSocketClient client) {
		assertThat(client.next("ready", SOON)).as("registered").isNotNull();
		return client;
	}

	private String conversation(Person by, String username) {
		return api.post("/api/v1/conversations").bearer(by.token()).json(Map.of("usernames", List.of(username))).send().json()
			.path("id").asString();
	}

	private JsonNode send(Person by, String conversation, String text) {
		return api.post("/api/v1/conversations/" + conversation + "/messages").bearer(by.token())
			.json(Map.of("text", text, "clientMessageId", java.util.UUID.randomUUID().toString())).send().json();
	}

	private static String ws(int port) {
		return "ws://127.0.0.1:" + port + "/ws/chat";
	}
}
