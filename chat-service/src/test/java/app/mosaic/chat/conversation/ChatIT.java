package app.mosaic.chat.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import app.mosaic.chat.messaging.ChatPeople;
import app.mosaic.chat.messaging.ChatPeople.Person;
import app.mosaic.testkit.EventContracts;
import app.mosaic.testkit.HttpApi;
import app.mosaic.testkit.KafkaTestConsumer;
import app.mosaic.testkit.MosaicServiceTest;
import app.mosaic.testkit.ServiceStubs;

/** Conversations and messages over HTTP: who may see and do what, and what they find. */
@MosaicServiceTest
class ChatIT {

	@Autowired
	HttpApi api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Messages messages;

	@Autowired
	MessageMedia media;

	ChatPeople people;
	Person ana;
	Person ben;
	Person cleo;

	@BeforeEach
	void people() {
		ServiceStubs.reset();
		people = new ChatPeople(jdbc);
		ana = people.register("ana");
		ben = people.register("ben");
		cleo = people.register("cleo");
	}

	@Test
	void aPairHasOneDirectConversationThatOnlyItsParticipantsSee() {
		HttpApi.Response first = start(ana, ben.username());
		assertThat(first.status()).isEqualTo(201);
		JsonNode conversation = first.json();
		assertThat(conversation.path("type").asString()).isEqualTo("DIRECT");
		assertThat(conversation.path("participants").valueStream().map(p -> p.path("username").asString()))
			.containsExactlyInAnyOrder(ana.username(), ben.username());
		String id = conversation.path("id").asString();
		assertThat(conversation.path("participants").valueStream().map(p -> p.has("avatarUrl")))
			.as("no one has a picture yet").containsOnly(false);

		people.avatar(ben, 7402938475629183L).settle();
		JsonNode pictured = api.get("/api/v1/conversations/" + id).bearer(ana.token()).send().json();
		assertThat(pictured.path("participants").valueStream()
			.collect(Collectors.toMap(p -> p.path("username").asString(), p -> p.path("avatarUrl").asString(""))))
			.as("ben's picture, and still none for ana")
			.hasEntrySatisfying(ben.username(), url -> assertThat(url).contains("/7402938475629183/thumb"))
			.containsEntry(ana.username(), "");

		HttpApi.Response again = start(ana, ben.username().toUpperCase());
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().path("id").asString()).isEqualTo(id);
		assertThat(start(ben, ana.username()).json().path("id").asString()).as("either side finds the same one").isEqualTo(id);

		for (HttpApi.Response outsider : List.of(api.get("/api/v1/conversations/" + id).bearer(cleo.token()).send(),
				api.get("/api/v1/conversations/" + id + "/messages").bearer(cleo.token()).send(),
				send(cleo, id, Map.of("text", "hi", "clientMessageId", "c1")),
				api.post("/api/v1/conversations/" + id + "/read").bearer(cleo.token()).json(Map.of("upToMessageId", "1")).send(),
				api.delete("/api/v1/conversations/" + id).bearer(cleo.token()).send())) {
			assertThat(outsider.status()).as(outsider.body()).isEqualTo(404);
			assertThat(outsider.contentType()).startsWith("application/problem+json");
		}
		assertThat(start(ana, "nobody_" + UUID.randomUUID().toString().substring(0, 8)).status()).isEqualTo(404);
		assertThat(start(ana, ana.username()).status()).as("not with yourself alone").isEqualTo(400);
		assertThat(api.post("/api/v1/conversations").bearer(ana.token()).json(Map.of("usernames", List.of())).send().status())
			.isEqualTo(400);
	}

	@Test
	void aRetriedSendCreatesOneMessageAndPublishesOneMessageSent() {
		String id = conversation(ana, ben);
		HttpApi.Response sent = send(ana, id, Map.of("text", "Hello 👋", "clientMessageId", "m-1"));
		assertThat(sent.status()).isEqualTo(201);
		String message = sent.json().path("id").asString();
		assertThat(sent.json().path("type").asString()).isEqualTo("TEXT");
		assertThat(sent.json().path("sender").path("username").asString()).isEqualTo(ana.username());

		HttpApi.Response retried = send(ana, id, Map.of("text", "Hello 👋", "clientMessageId", "m-1"));
		assertThat(retried.status()).isEqualTo(200);
		assertThat(retried.json().path("id").asString()).isEqualTo(message);
		assertThat(send(ana, id, Map.of("text", "Something else", "clientMessageId", "m-1")).status()).isEqualTo(409);
		assertThat(page(ben, id).size()).isEqualTo(1);

		ConsumerRecord<String, String> event = KafkaTestConsumer.await(ChatEvents.TOPIC, r -> r.value().contains(message),
				Duration.ofSeconds(20));
		EventContracts.assertValid(ChatEvents.TOPIC, "MessageSent", event.value());
		assertThat(event.key()).isEqualTo(id);
		assertThat(event.value()).contains(ben.id().toString()).doesNotContain("Hello");

		for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("clientMessageId", "x"), Map.of("text", "hi"),
				Map.of("text", "hi", "postId", "1", "clientMessageId", "x"), Map.of("text", " ", "clientMessageId", "x"),
				Map.of("text", "a".repeat(2_001), "clientMessageId", "x"), Map.of("text", "hi", "clientMessageId", "has space"),
				Map.of("text", "hi", "clientMessageId", "x", "expiresInSeconds", 0))) {
			HttpApi.Response refused = send(ana, id, bad);
			assertThat(refused.status()).as(bad.toString()).isEqualTo(400);
			assertThat(refused.contentType()).startsWith("application/problem+json");
		}
		assertThat(send(ana, id, Map.of("text", "😀".repeat(2_000), "clientMessageId", "long")).status())
			.as("2 000 characters, counted as people count them").isEqualTo(201);
	}

	@Test
	void messagesPageNewestFirstAndTheInboxShowsTheLastOneAndWhatIsUnread() {
		people.follow(ben, ana).settle();
		String id = conversation(ana, ben);
		List<String> sent = new java.util.ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			sent.add(send(ana, id, Map.of("text", "message " + i, "clientMessageId", "n" + i)).json().path("id").asString());
		}
		JsonNode first = api.get("/api/v1/conversations/" + id + "/messages?limit=3").bearer(ben.token()).send().json();
		assertThat(first.path("items").valueStream().map(m -> m.path("text").asString()))
			.containsExactly("message 5", "message 4", "message 3");
		JsonNode second = api.get("/api/v1/conversations/" + id + "/messages?limit=3&cursor=" + first.path("nextCursor").asString())
			.bearer(ben.token()).send().json();
		assertThat(second.path("items").valueStream().map(m -> m.path("text").asString())).containsExactly("message 2", "message 1");
		assertThat(second.path("nextCursor").isNull()).isTrue();

		JsonNode inbox = inbox(ben).path(0);
		assertThat(inbox.path("id").asString()).isEqualTo(id);
		assertThat(inbox.path("unreadCount").asInt()).isEqualTo(5);
		assertThat(inbox.path("lastMessage").path("text").asString()).isEqualTo("message 5");
		assertThat(inbox(ana).path(0).path("unreadCount").asInt()).as("your own messages are read").isZero();

		assertThat(api.post("/api/v1/conversations/" + id + "/read").bearer(ben.token()).json(Map.of("upToMessageId", sent.get(3)))
			.send().status()).isEqualTo(204);
		assertThat(inbox(ben).path(0).path("unreadCount").asInt()).isEqualTo(1);
		assertThat(api.post("/api/v1/conversations/" + id + "/read").bearer(ben.token()).json(Map.of("upToMessageId", sent.get(1)))
			.send().status()).as("reading an older one does not unread the rest").isEqualTo(204);
		assertThat(inbox(ben).path(0).path("unreadCount").asInt()).isEqualTo(1);
		assertThat(api.post("/api/v1/conversations/" + id + "/read").bearer(ben.token()).json(Map.of("upToMessageId", "12345"))
			.send().status()).isEqualTo(400);

		people.follow(ben, cleo).settle();
		String other = conversation(cleo, ben);
		send(cleo, other, Map.of("text", "newer", "clientMessageId", "o1"));
		assertThat(inbox(ben).valueStream().map(c -> c.path("id").asString())).as("latest activity first").containsExactly(other, id);
	}

	@Test
	void aFirstMessageFromSomeoneYouDoNotFollowIsARequestUntilAccepted() {
		String id = conversation(ana, ben);
		assertThat(requests(ben).size()).as("an empty conversation is no request yet").isZero();
		send(ana, id, Map.of("text", "hi, we met at the show", "clientMessageId", "r1"));
		assertThat(requests(ben).path(0).path("id").asString()).isEqualTo(id);
		assertThat(requests(ben).path(0).path("request").asBoolean()).isTrue();
		assertThat(inbox(ben).size()).isZero();
		assertThat(inbox(ana).path(0).path("id").asString()).as("the sender has it in their inbox").isEqualTo(id);

		assertThat(api.post("/api/v1/conversations/" + id + "/accept").bearer(ben.token()).send().status()).isEqualTo(204);
		assertThat(inbox(ben).path(0).path("id").asString()).isEqualTo(id);
		assertThat(requests(ben).size()).isZero();

		// declining deletes it for the decliner; a new message brings it back without the old ones
		String fromCleo = conversation(cleo, ben);
		send(cleo, fromCleo, Map.of("text", "buy followers", "clientMessageId", "s1"));
		assertThat(api.delete("/api/v1/conversations/" + fromCleo).bearer(ben.token()).send().status()).isEqualTo(204);
		assertThat(requests(ben).size()).isZero();
		assertThat(page(cleo, fromCleo).size()).as("still there for cleo").isEqualTo(1);
		send(cleo, fromCleo, Map.of("text", "please", "clientMessageId", "s2"));
		assertThat(requests(ben).path(0).path("id").asString()).isEqualTo(fromCleo);
		assertThat(page(ben, fromCleo).valueStream().map(m -> m.path("text").asString())).containsExactly("please");

		// someone you follow lands in the inbox
		Person dan = people.register("dan");
		people.follow(dan, ana).settle();
		String withDan = conversation(ana, dan);
		send(ana, withDan, Map.of("text", "hey", "clientMessageId", "d1"));
		assertThat(inbox(dan).path(0).path("id").asString()).isEqualTo(withDan);

		// replying to a request accepts it
		String toDan = conversation(cleo, dan);
		send(cleo, toDan, Map.of("text", "hello?", "clientMessageId", "q1"));
		send(dan, toDan, Map.of("text", "who is this", "clientMessageId", "q2"));
		assertThat(requests(dan).size()).isZero();
	}

	@Test
	void peopleInABlockCannotMessageEachOther() {
		String id = conversation(ana, ben);
		people.block(ben, ana).settle();
		HttpApi.Response refused = send(ana, id, Map.of("text", "hello?", "clientMessageId", "b1"));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(send(ben, id, Map.of("text", "go away", "clientMessageId", "b2")).status()).isEqualTo(403);
		assertThat(start(cleo, ana.username(), ben.username()).status()).isEqualTo(201);
		assertThat(start(ana, ben.username()).status()).as("they cannot start one either").isEqualTo(404);
		assertThat(start(ben, ana.username()).status()).isEqualTo(404);
		assertThat(start(ana, cleo.username(), ben.username()).status()).as("nor be added to a group").isEqualTo(404);
	}

	@Test
	void groupsHaveTitlesAndPeopleWhoJoinLaterDoNotReadWhatWasSaidBefore() {
		HttpApi.Response created = group(ana, "Weekend trip", ben.username(), cleo.username());
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().path("type").asString()).isEqualTo("GROUP");
		assertThat(created.json().path("title").asString()).isEqualTo("Weekend trip");
		String id = created.json().path("id").asString();
		assertThat(group(ana, "Weekend trip", ben.username(), cleo.username()).json().path("id").asString())
			.as("groups are not one per set of people").isNotEqualTo(id);
		send(ana, id, Map.of("text", "before dan", "clientMessageId", "g1"));

		Person dan = people.register("dan");
		HttpApi.Response added = api.post("/api/v1/conversations/" + id + "/participants").bearer(ben.token())
			.json(Map.of("usernames", List.of(dan.username()))).send();
		assertThat(added.status()).isEqualTo(200);
		assertThat(added.json().path("participants").size()).isEqualTo(4);
		assertThat(page(dan, id).size()).isZero();
		send(cleo, id, Map.of("text", "hi dan", "clientMessageId", "g2"));
		assertThat(page(dan, id).valueStream().map(m -> m.path("text").asString())).containsExactly("hi dan");

		assertThat(api.delete("/api/v1/conversations/" + id + "/participants/me").bearer(dan.token()).send().status()).isEqualTo(204);
		assertThat(page(dan, id).isMissingNode()).isTrue();
		assertThat(api.get("/api/v1/conversations/" + id).bearer(dan.token()).send().status()).isEqualTo(404);

		String direct = conversation(ana, ben);
		assertThat(api.delete("/api/v1/conversations/" + direct + "/participants/me").bearer(ana.token()).send().status())
			.isEqualTo(409);
		assertThat(api.post("/api/v1/conversations/" + direct + "/participants").bearer(ana.token())
			.json(Map.of("usernames", List.of(cleo.username()))).send().status()).isEqualTo(409);
		List<String> many = java.util.stream.IntStream.range(0, 32).mapToObj(i -> people.register("p" + i).username()).toList();
		assertThat(api.post("/api/v1/conversations").bearer(ana.token()).json(Map.of("usernames", many)).send().status())
			.as("32 others and you are 33").isEqualTo(400);
		assertThat(api.post("/api/v1/conversations").bearer(ana.token()).json(Map.of("usernames", many.subList(0, 31))).send().status())
			.isEqualTo(201);
	}

	@Test
	void disappearingMessagesAreNeverReturnedOnceExpiredAndAreThenDeleted() throws InterruptedException {
		String id = conversation(ana, ben);
		send(ana, id, Map.of("text", "stays", "clientMessageId", "e0"));
		JsonNode vanishing = send(ana, id, Map.of("text", "gone soon", "clientMessageId", "e1", "expiresInSeconds", 2)).json();
		assertThat(vanishing.path("expiresAt").asString()).isNotEmpty();
		assertThat(page(ben, id).size()).isEqualTo(2);
		Thread.sleep(2_100);
		assertThat(page(ben, id).valueStream().map(m -> m.path("text").asString())).containsExactly("stays");
		assertThat(inbox(ana).path(0).path("lastMessage").path("text").asString()).isEqualTo("stays");
		long id1 = Long.parseLong(vanishing.path("id").asString());
		long deadline = System.currentTimeMillis() + 10_000;
		while (exists(id1) && System.currentTimeMillis() < deadline) {
			Thread.sleep(200);
		}
		assertThat(exists(id1)).as("the job deletes it for everyone").isFalse();
	}

	@Test
	void theSenderUnsendsTheirOwnAndEveryParticipantHasOneReaction() {
		String id = conversation(ana, ben);
		String message = send(ana, id, Map.of("text", "react to this", "clientMessageId", "u1")).json().path("id").asString();
		String path = "/api/v1/conversations/" + id + "/messages/" + message;
		assertThat(api.put(path + "/reaction").bearer(ben.token()).json(Map.of("emoji", "❤️")).send().status()).isEqualTo(204);
		assertThat(api.put(path + "/reaction").bearer(ben.token()).json(Map.of("emoji", "👍🏽")).send().status()).isEqualTo(204);
		assertThat(api.put(path + "/reaction").bearer(ana.token()).json(Map.of("emoji", "👨‍👩‍👧")).send().status()).isEqualTo(204);
		assertThat(page(ana, id).path(0).path("reactions").valueStream().map(r -> r.path("emoji").asString()))
			.containsExactlyInAnyOrder("👍🏽", "👨‍👩‍👧");
		for (String bad : List.of("a", "❤️❤️", "1", "", "hi 👍")) {
			assertThat(api.put(path + "/reaction").bearer(ben.token()).json(Map.of("emoji", bad)).send().status()).as(bad).isEqualTo(400);
		}
		assertThat(api.put(path + "/reaction").bearer(cleo.token()).json(Map.of("emoji", "❤️")).send().status()).isEqualTo(404);
		assertThat(api.delete(path + "/reaction").bearer(ben.token()).send().status()).isEqualTo(204);
		assertThat(page(ana, id).path(0).path("reactions").size()).isEqualTo(1);

		assertThat(api.delete(path).bearer(ben.token()).send().status()).as("not ben's to unsend").isEqualTo(403);
		assertThat(api.delete(path).bearer(cleo.token()).send().status()).isEqualTo(404);
		assertThat(api.delete(path).bearer(ana.token()).send().status()).isEqualTo(204);
		assertThat(page(ben, id).size()).isZero();
		assertThat(api.delete(path).bearer(ana.token()).send().status()).isEqualTo(404);
	}

	@Test
	void aSharedPostMustBeVisibleToEveryoneInTheConversation() {
		String id = conversation(ana, ben);
		String post = "{\"items\":[{\"id\":\"777\",\"caption\":\"sunset\",\"author\":{\"username\":\"cleo\"}}]}";
		ServiceStubs.answer("POST", "/internal/posts/batch", 200, "{\"items\":[]}");
		ServiceStubs.answerWhen("POST", "/internal/posts/batch", ana.id().toString(), 200, post);
		HttpApi.Response refused = send(ana, id, Map.of("postId", "777", "clientMessageId", "p1"));
		assertThat(refused.status()).as("ben may not see it").isEqualTo(403);
		assertThat(send(ben, id, Map.of("postId", "777", "clientMessageId", "p2")).status()).as("ben cannot see it at all")
			.isEqualTo(400);

		ServiceStubs.answerWhen("POST", "/internal/posts/batch", ben.id().toString(), 200, post);
		HttpApi.Response shared = send(ana, id, Map.of("postId", "777", "clientMessageId", "p3"));
		assertThat(shared.status()).isEqualTo(201);
		assertThat(shared.json().path("type").asString()).isEqualTo("POST_SHARE");
		assertThat(shared.json().path("post").path("caption").asString()).isEqualTo("sunset");
		assertThat(page(ben, id).path(0).path("post").path("caption").asString()).isEqualTo("sunset");

		// the post went private, or post-service is down: the message stays, without the post
		ServiceStubs.reset();
		JsonNode later = page(ben, id).path(0);
		assertThat(later.path("postId").asString()).isEqualTo("777");
		assertThat(later.path("post").isObject()).as("no post shown").isFalse();
	}

	@Test
	void aPhotoIsClaimedForItsMessageAndLetGoWhenTheMessageGoes() throws InterruptedException {
		String id = conversation(ana, ben);
		ServiceStubs.answer("POST", "/internal/media/attach", 200, """
				{"items":[{"id":"7402938475629183","width":1080,"height":1350,"blurhash":"LEHV6nWB2yk8",
				"variants":{"thumb":{"url":"x","width":150,"height":150,"webpUrl":"y"},"large":{"url":"x","width":1080,"height":1350,"webpUrl":null}}}]}""");
		ServiceStubs.answer("POST", "/internal/media/detach", 200, "{\"detached\":1}");
		HttpApi.Response sent = send(ana, id, Map.of("mediaId", "7402938475629183", "clientMessageId", "ph1"));
		assertThat(sent.status()).isEqualTo(201);
		JsonNode photo = sent.json().path("media");
		assertThat(photo.path("variants").path("thumb").path("url").asString()).contains("/api/v1/media/7402938475629183/thumb?exp=");
		assertThat(photo.path("variants").path("thumb").path("webpUrl").asString()).contains("thumb.webp");
		assertThat(photo.path("variants").path("large").path("webpUrl").asString(null)).isNull();
		assertThat(ServiceStubs.received("/internal/media/attach").get(0).body()).contains(ana.id().toString())
			.contains("message:" + sent.json().path("id").asString());

		assertThat(api.delete("/api/v1/conversations/" + id + "/messages/" + sent.json().path("id").asString()).bearer(ana.token())
			.send().status()).isEqualTo(204);
		long deadline = System.currentTimeMillis() + 5_000;
		while (ServiceStubs.received("/internal/media/detach").isEmpty() && System.currentTimeMillis() < deadline) {
			Thread.sleep(50);
		}
		assertThat(ServiceStubs.received("/internal/media/detach").get(0).body()).contains("message:" + sent.json().path("id").asString());

		ServiceStubs.answer("POST", "/internal/media/attach", 409, "{\"status\":409}");
		assertThat(send(ana, id, Map.of("mediaId", "7402938475629184", "clientMessageId", "ph2")).status()).isEqualTo(409);
		ServiceStubs.answer("POST", "/internal/media/attach", 404, "{\"status\":404}");
		assertThat(send(ana, id, Map.of("mediaId", "7402938475629185", "clientMessageId", "ph3")).status()).isEqualTo(400);
		ServiceStubs.answer("POST", "/internal/media/attach", 500, "{\"status\":500}");
		HttpApi.Response down = send(ana, id, Map.of("mediaId", "7402938475629186", "clientMessageId", "ph4"));
		assertThat(down.status()).as("media-service cannot answer").isEqualTo(503);
		assertThat(down.contentType()).startsWith("application/problem+json");
		assertThat(jdbc.sql("SELECT count(*) FROM message WHERE conversation_id = ?").param(Long.parseLong(id)).query(Long.class).single())
			.isZero();
	}

	@Test
	void aDeletedAccountLeavesEveryConversationWithItsMessages() {
		String id = conversation(ana, ben);
		people.follow(ben, ana).settle();
		send(ana, id, Map.of("text", "from ana", "clientMessageId", "x1"));
		send(ben, id, Map.of("text", "from ben", "clientMessageId", "x2"));
		String group = group(ana, "trio", ben.username(), cleo.username()).json().path("id").asString();
		people.deleted(ana).settle();
		assertThat(page(ben, id).valueStream().map(m -> m.path("text").asString())).containsExactly("from ben");
		assertThat(api.get("/api/v1/conversations/" + group).bearer(ben.token()).send().json().path("participants").size())
			.isEqualTo(2);
		assertThat(jdbc.sql("SELECT count(*) FROM participant WHERE user_id = ?").param(ana.id()).query(Long.class).single()).isZero();
	}

	private boolean exists(long message) {
		return jdbc.sql("SELECT count(*) FROM message WHERE id = ?").param(message).query(Long.class).single() > 0;
	}

	private HttpApi.Response start(Person by, String... usernames) {
		return api.post("/api/v1/conversations").bearer(by.token()).json(Map.of("usernames", List.of(usernames))).send();
	}

	private HttpApi.Response group(Person by, String title, String first, String... more) {
		List<String> names = new java.util.ArrayList<>(List.of(first));
		names.addAll(List.of(more));
		return api.post("/api/v1/conversations").bearer(by.token()).json(Map.of("usernames", names, "title", title)).send();
	}

	private String conversation(Person by, Person with) {
		return start(by, with.username()).json().path("id").asString();
	}

	private HttpApi.Response send(Person by, String conversation, Map<String, Object> body) {
		return api.post("/api/v1/conversations/" + conversation + "/messages").bearer(by.token()).json(body).send();
	}

	private JsonNode page(Person reader, String conversation) {
		return api.get("/api/v1/conversations/" + conversation + "/messages").bearer(reader.token()).send().json().path("items");
	}

	private JsonNode inbox(Person reader) {
		return api.get("/api/v1/conversations").bearer(reader.token()).send().json().path("items");
	}

	private JsonNode requests(Person reader) {
		return api.get("/api/v1/conversations/requests").bearer(reader.token()).send().json().path("items");
	}
}
