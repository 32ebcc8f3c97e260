package app.mosaic.feed.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import app.mosaic.feed.graph.Graph;
import app.mosaic.feed.timeline.PostSummaries;
import app.mosaic.feed.timeline.Timelines;
import app.mosaic.testkit.MosaicServiceTest;

/**
 * Every way an entry gets into a home timeline or leaves it, driven by the events other services publish,
 * through the embedded broker. (In the tests' settings, authors with more than 3 followers are merged at read
 * time, timelines keep 10 entries and a follow backfills 2 posts.)
 */
@MosaicServiceTest
class TimelinesIT {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Timelines timelines;

	@Autowired
	PostSummaries posts;

	@Autowired
	Graph graph;

	@Autowired
	PlatformTransactionManager transactions;

	FeedEvents events;
	UUID ana;
	UUID bob;
	UUID cleo;

	@BeforeEach
	void setUp() {
		events = new FeedEvents(jdbc);
		ana = UUID.randomUUID();
		bob = UUID.randomUUID();
		cleo = UUID.randomUUID();
		events.registered(ana).registered(bob).registered(cleo).settle();
	}

	@Test
	void aPostReachesItsAuthorAndEveryActiveFollowerAndNobodyElse() {
		events.follow(bob, ana).settle();
		timelines.read(bob); // bob reads his feed: he is active
		timelines.read(cleo);
		long post = FeedEvents.newPostId();
		events.post(ana, post).settle();
		assertThat(feed(bob)).containsExactly(post);
		assertThat(feed(ana)).containsExactly(post);
		assertThat(feed(cleo)).isEmpty();
	}

	@Test
	void aFanOutOverAnEntryAlreadyThereWritesTheRestAndFailsNothing() {
		events.follow(bob, ana).follow(cleo, ana).settle();
		timelines.read(bob);
		timelines.read(cleo);
		long post = FeedEvents.newPostId();
		// fan-out inserts without a conflict check; a row that is there all the same must not fail it
		jdbc.sql("INSERT INTO timeline (user_id, post_id, author_id) VALUES (?, ?, ?)").params(bob, post, ana).update();
		events.post(ana, post).settle();
		assertThat(feed(bob)).containsExactly(post);
		assertThat(feed(cleo)).containsExactly(post);
		assertThat(feed(ana)).containsExactly(post);
	}

	@Test
	void aFollowAndAPostOfTheSameMomentEndWithThePostInTheFollowersTimeline() throws Exception {
		timelines.read(bob);
		long post = FeedEvents.newPostId();
		TransactionTemplate transaction = new TransactionTemplate(transactions);
		CountDownLatch fannedOut = new CountDownLatch(1);
		// the post's transaction has fanned out (bob does not follow ana yet) but not committed when the follow's runs
		CompletableFuture<Void> posting = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
			posts.created(new PostSummaries.NewPost(post, ana, true, "", List.of(), List.of(), Instant.now()));
			timelines.fanOut(post, ana, Instant.now());
			fannedOut.countDown();
			sleep(500);
		}));
		assertThat(fannedOut.await(10, TimeUnit.SECONDS)).isTrue();
		transaction.executeWithoutResult(status -> {
			graph.followed(bob, ana, Instant.now());
			timelines.backfill(bob, ana);
		});
		posting.get(10, TimeUnit.SECONDS);
		assertThat(feed(bob)).containsExactly(post);
	}

	@Test
	void someoneWhoNeverReadIsSkippedAtFanOutAndRebuiltAtTheFirstRead() {
		events.follow(bob, ana).settle();
		long first = FeedEvents.newPostId();
		long second = FeedEvents.newPostId();
		events.post(ana, first).post(ana, second).settle();
		assertThat(stored(bob)).isZero();
		assertThat(feed(bob)).containsExactly(second, first);
	}

	@Test
	void someoneBackAfterTheInactivityWindowIsRebuiltWithWhatTheyMissed() {
		events.follow(bob, ana).settle();
		timelines.read(bob);
		long before = FeedEvents.newPostId();
		events.post(ana, before).settle();
		jdbc.sql("UPDATE person SET feed_read_at = now() - interval '31 days' WHERE id = ?").param(bob).update();
		long missed = FeedEvents.newPostId();
		events.post(ana, missed).settle();
		assertThat(stored(bob)).isEqualTo(1);
		assertThat(feed(bob)).containsExactly(missed, before);
	}

	@Test
	void aNewFollowBringsTheFolloweesRecentPostsAndAnUnfollowTakesThemAway() {
		timelines.read(bob);
		long old = FeedEvents.newPostId();
		long recent = FeedEvents.newPostId();
		long newest = FeedEvents.newPostId();
		events.post(ana, old).post(ana, recent).post(ana, newest).settle();
		events.follow(bob, ana).settle();
		assertThat(feed(bob)).containsExactly(newest, recent);
		events.unfollow(bob, ana).settle();
		assertThat(feed(bob)).isEmpty();
		assertThat(stored(bob)).isZero();
	}

	@Test
	void aFollowAndAPostOfTheSameMomentEndTheSameInEitherOrder() {
		timelines.read(bob);
		timelines.read(cleo);
		long toBob = FeedEvents.newPostId();
		events.post(ana, toBob).follow(bob, ana).settle();
		long toCleo = FeedEvents.newPostId();
		events.follow(cleo, ana).post(ana, toCleo).settle();
		assertThat(feed(bob)).contains(toBob);
		assertThat(feed(cleo)).contains(toCleo);
	}

	@Test
	void mutingRemovesTheMutedAuthorAndUnmutingBringsThemBack() {
		events.follow(bob, ana).settle();
		timelines.read(bob);
		long post = FeedEvents.newPostId();
		events.post(ana, post).settle();
		events.mute(bob, ana).settle();
		assertThat(feed(bob)).isEmpty();
		long whileMuted = FeedEvents.newPostId();
		events.post(ana, whileMuted).settle();
		assertThat(stored(bob)).isZero();
		events.unmute(bob, ana).settle();
		assertThat(feed(bob)).containsExactly(whileMuted, post);
	}

	@Test
	void aBlockEitherWayEmptiesBothTimelinesOfTheOther() {
		events.follow(bob, ana).follow(ana, bob).settle();
		timelines.read(ana);
		timelines.read(bob);
		long anas = FeedEvents.newPostId();
		long bobs = FeedEvents.newPostId();
		events.post(ana, anas).post(bob, bobs).settle();
		// user-service ends the follows of a block with FollowRemoved; the block alone must already hide them
		events.block(ana, bob).settle();
		assertThat(feed(ana)).containsExactly(anas);
		assertThat(feed(bob)).containsExactly(bobs);
	}

	@Test
	void aDeletedPostLeavesEveryTimelineAndADeleteBeforeItsCreateWins() {
		events.follow(bob, ana).settle();
		timelines.read(bob);
		long post = FeedEvents.newPostId();
		events.post(ana, post).settle();
		events.deletePost(ana, post).settle();
		assertThat(feed(bob)).isEmpty();
		assertThat(stored(ana)).isZero();
		long overtaken = FeedEvents.newPostId();
		events.deletePost(ana, overtaken).settle();
		events.post(ana, overtaken).settle();
		assertThat(feed(bob)).isEmpty();
		assertThat(feed(ana)).isEmpty();
	}

	@Test
	void aRedeliveredPostIsWrittenOnce() throws InterruptedException {
		events.follow(bob, ana).settle();
		timelines.read(bob);
		long post = FeedEvents.newPostId();
		events.post(ana, post);
		String value = events.last();
		events.again().settle();
		// the second delivery is recognised and skipped, not merely absorbed by the primary key
		Thread.sleep(1000); // time for the redelivery to arrive; there is nothing to wait for when it is skipped
		assertThat(app.mosaic.testkit.ProcessedEvents.count(jdbc, FeedConsumers.POSTS, value)).isEqualTo(1);
		assertThat(stored(bob)).isEqualTo(1);
	}

	@Test
	void authorsAboveTheFanOutLimitAreMergedAtReadTimeNotWritten() {
		UUID star = UUID.randomUUID();
		events.registered(star).settle();
		timelines.read(bob);
		long own = FeedEvents.newPostId();
		events.follow(bob, star).post(bob, own).settle();
		for (int i = 0; i < 3; i++) {
			events.follow(UUID.randomUUID(), star);
		}
		events.settle();
		long starPost = FeedEvents.newPostId();
		events.post(star, starPost).settle();
		assertThat(jdbc.sql("SELECT count(*) FROM timeline WHERE post_id = ?").param(starPost).query(Long.class).single())
			.as("only the author's own timeline").isEqualTo(1);
		assertThat(feed(bob)).containsExactly(starPost, own);
		// a page below the star's post still merges correctly
		assertThat(timelines.page(bob, starPost, 10)).extracting(Timelines.Entry::postId).containsExactly(own);
	}

	@Test
	void aPrivateAuthorsPostsReachOnlyApprovedFollowersAndTurningPrivateRemovesNothing() {
		events.profile(ana, true).follow(bob, ana).settle();
		timelines.read(bob);
		timelines.read(cleo);
		long post = FeedEvents.newPostId();
		events.post(ana, post).settle();
		assertThat(feed(bob)).containsExactly(post);
		assertThat(feed(cleo)).isEmpty();
		events.profile(ana, false).profile(ana, true).settle();
		assertThat(feed(bob)).containsExactly(post);
	}

	@Test
	void aDeletedAccountLeavesTheTimelinesOfItsFollowers() {
		events.follow(bob, ana).settle();
		timelines.read(bob);
		long post = FeedEvents.newPostId();
		events.post(ana, post).settle();
		events.deleted(ana).settle();
		assertThat(feed(bob)).isEmpty();
		assertThat(jdbc.sql("SELECT count(*) FROM follow WHERE followee_id = ? OR follower_id = ?").params(ana, ana)
			.query(Long.class).single()).isZero();
	}

	@Test
	void timelinesAreTrimmedToTheirNewestEntries() {
		events.follow(bob, ana).settle();
		timelines.read(bob);
		List<Long> posts = new java.util.ArrayList<>();
		for (int i = 0; i < 12; i++) {
			long post = FeedEvents.newPostId();
			posts.add(post);
			events.post(ana, post);
		}
		events.settle();
		assertThat(stored(bob)).isEqualTo(12);
		timelines.trim();
		assertThat(stored(bob)).isEqualTo(10);
		assertThat(feed(bob)).containsExactlyElementsOf(posts.reversed().subList(0, 10));
	}

	/** The reader's first page of post ids, newest first, as a read makes it. */
	private List<Long> feed(UUID reader) {
		timelines.read(reader);
		return timelines.page(reader, Long.MAX_VALUE, 50).stream().map(Timelines.Entry::postId).toList();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private long stored(UUID reader) {
		return jdbc.sql("SELECT count(*) FROM timeline WHERE user_id = ?").param(reader).query(Long.class).single();
	}
}
