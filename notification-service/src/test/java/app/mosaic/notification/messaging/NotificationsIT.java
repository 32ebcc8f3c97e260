package app.mosaic.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import app.mosaic.notification.inbox.Notifications;
import app.mosaic.testkit.HttpApi;
import app.mosaic.testkit.MosaicServiceTest;
import app.mosaic.testkit.TestJwts;

/** Events of the other services become the notifications {@code GET /api/v1/notifications} lists. */
@MosaicServiceTest
class NotificationsIT {

	@Autowired
	HttpApi api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Notifications notifications;

	UUID ana;
	UUID ben;
	UUID cleo;
	UUID dan;
	String anaToken;
	long post;
	long thumb;

	@BeforeEach
	void people() {
		ana = UUID.randomUUID();
		ben = UUID.randomUUID();
		cleo = UUID.randomUUID();
		dan = UUID.randomUUID();
		anaToken = TestJwts.forUser(ana, "ana");
		post = NotificationEvents.newId();
		events().registered(ana, "ana_" + tag(ana)).registered(ben, "ben_" + tag(ben)).registered(cleo, "cleo_" + tag(cleo))
			.registered(dan, "dan_" + tag(dan)).profile(ben, "ben_" + tag(ben), 7402938475629183L).post(ana, post, true).settle();
	}

	@Test
	void likesOfOnePostAreOneNotificationNamingTheLatestThreeAndMovingToTheTopUnread() {
		UUID eve = UUID.randomUUID();
		events().like(ben, ana, post).like(cleo, ana, post).like(dan, ana, post).settle();
		events().like(eve, ana, post).settle();
		JsonNode like = list(anaToken).path(0);
		assertThat(like.path("type").asString()).isEqualTo("LIKE");
		assertThat(like.path("actorCount").asInt()).isEqualTo(4);
		assertThat(like.path("actors").valueStream().map(a -> a.path("id").asString()))
			.containsExactly(eve.toString(), dan.toString(), cleo.toString());
		assertThat(like.path("post").path("id").asString()).isEqualTo(Long.toString(post));
		assertThat(like.path("post").path("thumbUrl").asString()).contains("/api/v1/media/7402938475629183/thumb?exp=").contains("sig=");

		api.post("/api/v1/notifications/read").bearer(anaToken).send();
		events().follow(cleo, ana).settle();
		assertThat(list(anaToken).path(0).path("type").asString()).isEqualTo("FOLLOW");
		events().like(ben, ana, post).settle();
		assertThat(list(anaToken).size()).as("a like again from ben joins the group").isEqualTo(2);
		JsonNode top = list(anaToken).path(0);
		assertThat(top.path("type").asString()).isEqualTo("LIKE");
		assertThat(top.path("read").asBoolean()).isFalse();
		assertThat(top.path("actorCount").asInt()).isEqualTo(4);
		assertThat(top.path("actors").path(0).path("username").asString()).isEqualTo("ben_" + tag(ben));
		assertThat(top.path("actors").path(0).path("avatarUrl").asString()).contains("sig=");
	}

	@Test
	void anUnlikeShrinksTheGroupAndTheLastOneTakesItBack() {
		events().like(ben, ana, post).like(cleo, ana, post).settle();
		events().unlike(ben, ana, post).settle();
		JsonNode like = list(anaToken).path(0);
		assertThat(like.path("actorCount").asInt()).isEqualTo(1);
		assertThat(like.path("actors").valueStream().map(a -> a.path("id").asString())).containsExactly(cleo.toString());
		events().unlike(cleo, ana, post).settle();
		assertThat(list(anaToken).size()).isZero();
		assertThat(unread(anaToken)).isZero();
	}

	@Test
	void followsRequestsAndTheirAnswers() {
		events().follow(ben, ana).follow(cleo, ana).settle();
		JsonNode follows = list(anaToken).path(0);
		assertThat(follows.path("type").asString()).isEqualTo("FOLLOW");
		assertThat(follows.path("actorCount").asInt()).as("follows within the window group").isEqualTo(2);

		events().unfollow(ben, ana).settle();
		assertThat(list(anaToken).path(0).path("actorCount").asInt()).as("an unfollow within minutes takes it back").isEqualTo(1);

		events().request(dan, ana).settle();
		assertThat(types(anaToken)).containsExactly("FOLLOW_REQUEST", "FOLLOW");
		events().cancel(dan, ana).settle();
		assertThat(types(anaToken)).containsExactly("FOLLOW");
		events().request(dan, ana).settle();
		events().decline(dan, ana).settle();
		assertThat(types(anaToken)).containsExactly("FOLLOW");

		events().request(dan, ana).settle();
		events().approve(dan, ana).follow(dan, ana).settle();
		assertThat(types(anaToken)).as("the answered request leaves; dan's follow joins the follows").containsExactly("FOLLOW");
		assertThat(list(anaToken).path(0).path("actorCount").asInt()).isEqualTo(2);
		JsonNode accepted = list(TestJwts.forUser(dan, "dan")).path(0);
		assertThat(accepted.path("type").asString()).isEqualTo("FOLLOW_ACCEPTED");
		assertThat(accepted.path("actors").path(0).path("id").asString()).isEqualTo(ana.toString());
	}

	@Test
	void commentsRepliesMentionsAndCommentLikesReachTheirPeopleAndADeletedCommentTakesThemBack() {
		long comment = NotificationEvents.newId();
		long reply = NotificationEvents.newId();
		String benToken = TestJwts.forUser(ben, "ben");
		String danToken = TestJwts.forUser(dan, "dan");
		events().comment(ben, ana, post, comment, null, "Lovely light").settle();
		JsonNode commented = list(anaToken).path(0);
		assertThat(commented.path("type").asString()).isEqualTo("COMMENT");
		assertThat(commented.path("comment").path("text").asString()).isEqualTo("Lovely light");
		assertThat(commented.path("comment").path("id").asString()).isEqualTo(Long.toString(comment));
		assertThat(commented.path("actors").path(0).path("id").asString()).isEqualTo(ben.toString());

		events().comment(cleo, ana, post, reply, ben, "@ben @dan agreed", ben, dan).settle();
		assertThat(types(benToken)).as("a reply, and no mention on top").containsExactly("COMMENT_REPLY");
		assertThat(types(anaToken)).containsExactly("COMMENT", "COMMENT");
		assertThat(types(danToken)).containsExactly("MENTION");
		assertThat(list(danToken).path(0).path("comment").path("text").asString()).isEqualTo("@ben @dan agreed");

		events().commentLiked(ana, ben, post, comment).commentLiked(dan, ben, post, comment).settle();
		JsonNode commentLike = list(benToken).path(0);
		assertThat(commentLike.path("type").asString()).isEqualTo("COMMENT_LIKE");
		assertThat(commentLike.path("actorCount").asInt()).isEqualTo(2);
		assertThat(commentLike.path("comment").path("text").asString()).isEqualTo("Lovely light");
		events().commentUnliked(dan, ben, post, comment).settle();
		assertThat(list(benToken).path(0).path("actorCount").asInt()).isEqualTo(1);

		events().commentDeleted(cleo, ana, post, reply).settle();
		assertThat(types(benToken)).containsExactly("COMMENT_LIKE");
		assertThat(types(danToken)).isEmpty();
		assertThat(types(anaToken)).containsExactly("COMMENT");
		events().commentDeleted(ben, ana, post, comment).settle();
		assertThat(types(benToken)).isEmpty();
		assertThat(types(anaToken)).isEmpty();
	}

	@Test
	void mentionsInCaptionsReachThoseWhoMaySeeThePost() {
		long open = NotificationEvents.newId();
		long followersOnly = NotificationEvents.newId();
		String benToken = TestJwts.forUser(ben, "ben");
		String cleoToken = TestJwts.forUser(cleo, "cleo");
		events().follow(ben, dan).post(dan, open, true, ben, cleo).post(dan, followersOnly, false, ben, cleo).settle();
		assertThat(list(benToken).valueStream().map(n -> n.path("post").path("id").asString()))
			.containsExactly(Long.toString(followersOnly), Long.toString(open));
		assertThat(list(cleoToken).valueStream().map(n -> n.path("post").path("id").asString()))
			.as("cleo does not follow dan: his followers-only post is not shown to her").containsExactly(Long.toString(open));

		events().edited(dan, open, ana).settle();
		assertThat(types(anaToken)).contains("MENTION");
		events().postDeleted(dan, open).settle();
		assertThat(list(cleoToken).size()).isZero();
	}

	@Test
	void noneForActingOnYourOwnContentOrBetweenBlockedPeopleAndABlockTakesBackWhatWasThere() {
		events().like(ana, ana, post).comment(ana, ana, post, NotificationEvents.newId(), null, "mine").settle();
		assertThat(list(anaToken).size()).isZero();

		events().like(ben, ana, post).like(cleo, ana, post).settle();
		events().block(ana, ben).settle();
		JsonNode like = list(anaToken).path(0);
		assertThat(like.path("actorCount").asInt()).isEqualTo(1);
		assertThat(like.path("actors").path(0).path("id").asString()).isEqualTo(cleo.toString());

		events().follow(ben, ana).settle();
		events().block(dan, ana).settle();
		events().follow(dan, ana).like(dan, ana, post).settle();
		assertThat(types(anaToken)).containsExactly("LIKE");
		assertThat(list(anaToken).path(0).path("actorCount").asInt()).isEqualTo(1);
	}

	@Test
	void aTypeTurnedOffNotifiesNothingAndBadPreferencesAreRefused() {
		JsonNode defaults = api.get("/api/v1/notifications/preferences").bearer(anaToken).send().json();
		assertThat(defaults.path("like").asBoolean()).isTrue();
		assertThat(defaults.properties().stream().map(Map.Entry::getKey)).containsExactly("follow", "followRequest",
				"followAccepted", "like", "comment", "commentReply", "commentLike", "mention");

		HttpApi.Response changed = api.put("/api/v1/notifications/preferences").bearer(anaToken).json(Map.of("like", false)).send();
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.json().path("like").asBoolean()).isFalse();
		assertThat(changed.json().path("comment").asBoolean()).isTrue();
		events().like(ben, ana, post).follow(ben, ana).settle();
		assertThat(types(anaToken)).containsExactly("FOLLOW");

		HttpApi.Response unknown = api.put("/api/v1/notifications/preferences").bearer(anaToken).json(Map.of("likes", false)).send();
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.contentType()).startsWith("application/problem+json");
		assertThat(api.put("/api/v1/notifications/preferences").bearer(anaToken).json(Map.of("like", "no")).send().status())
			.isEqualTo(400);
		assertThat(api.put("/api/v1/notifications/preferences").bearer(anaToken).json(List.of()).send().status()).isEqualTo(400);
		api.put("/api/v1/notifications/preferences").bearer(anaToken).json(Map.of("like", true)).send();
		events().like(cleo, ana, post).settle();
		assertThat(types(anaToken)).containsExactly("LIKE", "FOLLOW");
	}

	@Test
	void aRedeliveredEventNotifiesOnce() {
		events().like(ben, ana, post).again().settle();
		events().follow(cleo, ana).again().settle();
		events().comment(dan, ana, post, NotificationEvents.newId(), null, "twice?").again().settle();
		assertThat(types(anaToken)).containsExactly("COMMENT", "FOLLOW", "LIKE");
		assertThat(list(anaToken).valueStream().map(n -> n.path("actorCount").asInt())).containsExactly(1, 1, 1);
		assertThat(unread(anaToken)).isEqualTo(3);
	}

	@Test
	void unreadCountMarkingReadAndPagesAreEachPersonsOwn() {
		long other = NotificationEvents.newId();
		events().post(ana, other, true).like(ben, ana, post).follow(ben, ana).like(cleo, ana, other).settle();
		assertThat(unread(anaToken)).isEqualTo(3);
		JsonNode first = api.get("/api/v1/notifications?limit=2").bearer(anaToken).send().json();
		assertThat(first.path("items").size()).isEqualTo(2);
		JsonNode rest = api.get("/api/v1/notifications?limit=2&cursor=" + first.path("nextCursor").asString()).bearer(anaToken)
			.send().json();
		assertThat(rest.path("items").size()).isEqualTo(1);
		assertThat(rest.path("nextCursor").isNull()).isTrue();
		String oldest = rest.path("items").path(0).path("id").asString();

		String benToken = TestJwts.forUser(ben, "ben");
		assertThat(list(benToken).size()).as("ana's notifications are hers alone").isZero();
		assertThat(api.post("/api/v1/notifications/read").bearer(benToken).json(Map.of("ids", List.of(oldest))).send().status())
			.isEqualTo(204);
		assertThat(unread(anaToken)).as("ben cannot mark ana's read").isEqualTo(3);

		assertThat(api.post("/api/v1/notifications/read").bearer(anaToken).json(Map.of("ids", List.of(oldest))).send().status())
			.isEqualTo(204);
		assertThat(unread(anaToken)).isEqualTo(2);
		assertThat(list(anaToken).path(2).path("read").asBoolean()).isTrue();
		assertThat(api.post("/api/v1/notifications/read").bearer(anaToken).json(Map.of("ids", List.of("x"))).send().status())
			.isEqualTo(400);
		assertThat(api.post("/api/v1/notifications/read").bearer(anaToken).send().status()).isEqualTo(204);
		assertThat(unread(anaToken)).isZero();

		assertThat(api.get("/api/v1/notifications").send().status()).isEqualTo(401);
		assertThat(api.get("/api/v1/notifications?limit=0").bearer(anaToken).send().status()).isEqualTo(400);
	}

	@Test
	void aDeletedAccountsNotificationsGoAndItLeavesEveryoneElses() {
		events().like(ben, ana, post).like(cleo, ana, post).follow(ana, ben).settle();
		events().deleted(ben).settle();
		assertThat(list(anaToken).path(0).path("actorCount").asInt()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE recipient_id = ?").param(ben).query(Integer.class).single())
			.isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM notification_actor WHERE actor_id = ?").param(ben).query(Integer.class).single())
			.isZero();
	}

	@Test
	void notificationsOlderThanTheRetentionAreDeleted() {
		events().like(ben, ana, post).settle();
		jdbc.sql("UPDATE notification SET updated_at = ? WHERE recipient_id = ?")
			.params(Timestamp.from(Instant.now().minus(91, ChronoUnit.DAYS)), ana).update();
		notifications.purge();
		assertThat(list(anaToken).size()).isZero();
	}

	private NotificationEvents events() {
		return new NotificationEvents(jdbc);
	}

	private JsonNode list(String token) {
		HttpApi.Response page = api.get("/api/v1/notifications").bearer(token).send();
		assertThat(page.status()).isEqualTo(200);
		return page.json().path("items");
	}

	private List<String> types(String token) {
		return list(token).valueStream().map(n -> n.path("type").asString()).toList();
	}

	private int unread(String token) {
		return api.get("/api/v1/notifications/unread-count").bearer(token).send().json().path("count").asInt();
	}

	private static String tag(UUID user) {
		return user.toString().substring(0, 8);
	}
}
