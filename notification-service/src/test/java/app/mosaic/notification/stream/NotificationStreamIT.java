package app.mosaic.notification.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import app.mosaic.notification.NotificationServiceApplication;
import app.mosaic.notification.inbox.NotificationType;
import app.mosaic.notification.inbox.Notifications;
import app.mosaic.notification.messaging.NotificationEvents;
import app.mosaic.testkit.EmbeddedInfrastructureInitializer;
import app.mosaic.testkit.MosaicServiceTest;
import app.mosaic.testkit.SseClient;
import app.mosaic.testkit.TestJwts;
import app.mosaic.testkit.TestSecurityConfiguration;

/** {@code GET /api/v1/notifications/stream}: server-sent events of each change, as it happens, on any instance. */
@MosaicServiceTest
class NotificationStreamIT {

	static final Duration SOON = Duration.ofSeconds(10);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	NotificationStreams streams;

	@Autowired
	io.micrometer.core.instrument.MeterRegistry meters;

	UUID ana;
	UUID ben;
	String anaToken;
	long post;

	@BeforeEach
	void people() {
		ana = UUID.randomUUID();
		ben = UUID.randomUUID();
		anaToken = TestJwts.forUser(ana, "ana");
		post = NotificationEvents.newId();
		new NotificationEvents(jdbc).registered(ana, "ana").registered(ben, "ben").post(ana, post, true).settle();
	}

	@Test
	void aNewNotificationReachesEveryOpenStreamOfItsRecipientAndNoOneElses() throws Exception {
		try (SseClient phone = open(anaToken, null); SseClient laptop = open(anaToken, null);
				SseClient bens = open(TestJwts.forUser(ben, "ben"), null)) {
			assertThat(phone.status()).isEqualTo(200);
			assertThat(phone.contentType()).startsWith("text/event-stream");
			assertThat(phone.next(SOON).name()).as("the badge first").isEqualTo("unread");
			laptop.next("unread", SOON);
			bens.next("unread", SOON);

			new NotificationEvents(jdbc).like(ben, ana, post).settle();
			for (SseClient stream : new SseClient[] { phone, laptop }) {
				SseClient.Event like = stream.next("notification", SOON);
				assertThat(like.data().path("type").asString()).isEqualTo("LIKE");
				assertThat(like.data().path("actors").path(0).path("id").asString()).isEqualTo(ben.toString());
				assertThat(like.id()).isNotBlank();
				assertThat(stream.next("unread", SOON).data().path("count").asInt()).isEqualTo(1);
			}
			assertThat(bens.quietFor(Duration.ofSeconds(1))).isTrue();
			assertThat(meters.get("notifications.delivery").timer().count()).as("two live sends timed").isGreaterThanOrEqualTo(2);
		}
	}

	@Test
	void aReconnectingClientGetsWhatItMissedAfterItsLastEventId() throws Exception {
		String last;
		try (SseClient stream = open(anaToken, null)) {
			stream.next("unread", SOON);
			new NotificationEvents(jdbc).like(ben, ana, post).settle();
			last = stream.next("notification", SOON).id();
		}
		UUID cleo = UUID.randomUUID();
		new NotificationEvents(jdbc).follow(cleo, ana).settle();
		new NotificationEvents(jdbc).unlike(ben, ana, post).settle();
		try (SseClient again = open(anaToken, last)) {
			SseClient.Event follow = again.next(SOON);
			assertThat(follow.name()).isEqualTo("notification");
			assertThat(follow.data().path("type").asString()).isEqualTo("FOLLOW");
			SseClient.Event removed = again.next(SOON);
			assertThat(removed.name()).as("the unliked like is taken back").isEqualTo("removed");
			assertThat(Long.parseLong(removed.id())).isGreaterThan(Long.parseLong(follow.id()));
			assertThat(again.next(SOON).data().path("count").asInt()).isEqualTo(1);
		}
		try (SseClient bad = open(anaToken, "yesterday")) {
			assertThat(bad.status()).isEqualTo(400);
			assertThat(bad.contentType()).startsWith("application/problem+json");
		}
	}

	@Test
	void theTokenMayComeInTheQueryOnTheStreamAndNowhereElse() throws Exception {
		try (SseClient stream = SseClient.open(url("/api/v1/notifications/stream?access_token=" + anaToken), null, null)) {
			assertThat(stream.status()).isEqualTo(200);
			stream.next("unread", SOON);
		}
		try (SseClient list = SseClient.open(url("/api/v1/notifications?access_token=" + anaToken), null, null)) {
			assertThat(list.status()).isEqualTo(401);
		}
		try (SseClient none = open(null, null)) {
			assertThat(none.status()).isEqualTo(401);
		}
		for (String bad : new String[] { "junk", "%ff%fe", "x".repeat(5000) }) {
			try (SseClient refused = SseClient.open(url("/api/v1/notifications/stream?access_token=" + bad), null, null)) {
				assertThat(refused.status()).as(bad).isBetween(400, 431);
				assertThat(refused.contentType()).as(bad).startsWith("application/problem+json");
			}
		}
		try (SseClient both = SseClient.open(url("/api/v1/notifications/stream?access_token=" + anaToken), anaToken, null)) {
			assertThat(both.status()).as("a token in the header and the query").isIn(400, 401);
			assertThat(both.contentType()).startsWith("application/problem+json");
		}
	}

	@Test
	void heartbeatsKeepAnIdleStreamAlive() {
		try (SseClient stream = open(anaToken, null)) {
			await().atMost(SOON).until(() -> stream.comments() >= 2);
		}
	}

	@Test
	void aDirectMessageIsAnnouncedOnTheRecipientsStreamsForTheirBadgesAndStoresNothing() {
		UUID cleo = UUID.randomUUID();
		try (SseClient anas = open(anaToken, null); SseClient cleos = open(TestJwts.forUser(cleo, "cleo"), null)) {
			anas.next("unread", SOON);
			cleos.next("unread", SOON);
			new NotificationEvents(jdbc).messageSent(ben, List.of(ana, cleo), List.of(cleo)).settle();
			SseClient.Event message = anas.next("message", SOON);
			assertThat(message.data().path("senderId").asString()).isEqualTo(ben.toString());
			assertThat(message.data().path("conversationId").asString()).isNotBlank();
			assertThat(message.data().path("request").asBoolean()).isFalse();
			assertThat(cleos.next("message", SOON).data().path("request").asBoolean()).as("cleo does not follow ben").isTrue();
		}
		assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE recipient_id = ?").param(ana).query(Long.class).single()).isZero();
	}

	@Test
	void aStreamOnOneInstanceReceivesWhatAnotherInstanceWrites() {
		try (ConfigurableApplicationContext other = new SpringApplicationBuilder(NotificationServiceApplication.class,
				TestSecurityConfiguration.class).initializers(new EmbeddedInfrastructureInitializer())
			// arguments, not builder properties: those are defaults that application.yml's port overrides
			.run("--server.port=0", "--spring.main.banner-mode=off");
				SseClient stream = open(anaToken, null)) {
			stream.next("unread", SOON);
			Notifications theirs = other.getBean(Notifications.class);
			new TransactionTemplate(other.getBean(org.springframework.transaction.PlatformTransactionManager.class))
				.executeWithoutResult(tx -> theirs.add(new Notifications.Activity(ana, NotificationType.LIKE, "post:" + post, post, null,
						ben, Instant.now())));
			SseClient.Event like = stream.next("notification", SOON);
			assertThat(like.data().path("type").asString()).isEqualTo("LIKE");
			assertThat(streams.openStreams(ana)).isEqualTo(1);
		}
	}

	private SseClient open(String token, String lastEventId) {
		return SseClient.open(url("/api/v1/notifications/stream"), token, lastEventId);
	}

	private String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}
}
