package app.mosaic.feed.messaging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.simple.JdbcClient;

import app.mosaic.testkit.EventContracts;
import app.mosaic.testkit.KafkaTestConsumer;
import app.mosaic.testkit.ProcessedEvents;

/**
 * Events as the other services publish them (their contracts' examples with a test's own ids), sent through
 * the embedded Kafka broker; {@link #settle} waits until feed-service's consumers have processed them all.
 */
final class FeedEvents {

	/** The people the graph examples name: the actor, and the one acted on. */
	static final String ACTOR = "5f0c1d7e-2a43-4b8e-9d51-7c6a3e1f2b90";
	static final String TARGET = "9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d";
	static final String EXAMPLE_POST = "7402938475629999";
	private static final AtomicLong POSTS = new AtomicLong(System.currentTimeMillis() << 22);

	private record Sent(String consumer, String value) {
	}

	private final JdbcClient jdbc;
	private final List<Sent> sent = new ArrayList<>();

	FeedEvents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	static long newPostId() {
		return POSTS.incrementAndGet();
	}

	FeedEvents registered(UUID user) {
		return send(FeedConsumers.IDENTITY, "identity.events", "UserRegistered", user.toString(),
				Map.of(ACTOR, user.toString(), "ana.silva", "user_" + user.toString().substring(0, 8)));
	}

	FeedEvents follow(UUID follower, UUID followee) {
		return graph("FollowCreated", follower, followee);
	}

	FeedEvents unfollow(UUID follower, UUID followee) {
		return graph("FollowRemoved", follower, followee);
	}

	FeedEvents block(UUID blocker, UUID blocked) {
		return graph("UserBlocked", blocker, blocked);
	}

	FeedEvents mute(UUID muter, UUID muted) {
		return graph("UserMuted", muter, muted);
	}

	FeedEvents unmute(UUID muter, UUID muted) {
		return graph("UserUnmuted", muter, muted);
	}

	FeedEvents post(UUID author, long postId) {
		return send(FeedConsumers.POSTS, "post.events", "PostCreated", Long.toString(postId), Map.of(ACTOR, author.toString(),
				EXAMPLE_POST, Long.toString(postId), "2026-11-22T18:30:00Z", Instant.now().toString()));
	}

	/** A post made at {@code at} with these two hashtags, public or for followers only. */
	FeedEvents post(UUID author, long postId, Instant at, boolean isPublic, String tag, String otherTag) {
		return send(FeedConsumers.POSTS, "post.events", "PostCreated", Long.toString(postId), Map.of(ACTOR, author.toString(),
				EXAMPLE_POST, Long.toString(postId), "2026-11-22T18:30:00Z", at.toString(), "\"lisbon\"", "\"" + tag + "\"",
				"\"sunset\"", "\"" + otherTag + "\"", "\"PUBLIC\"", isPublic ? "\"PUBLIC\"" : "\"FOLLOWERS\""));
	}

	/** The caption edited so the post keeps one hashtag. */
	FeedEvents edit(UUID author, long postId, String tag) {
		return send(FeedConsumers.POSTS, "post.events", "PostUpdated", Long.toString(postId), Map.of(ACTOR, author.toString(),
				EXAMPLE_POST, Long.toString(postId), "\"lisbon\"", "\"" + tag + "\""));
	}

	FeedEvents comment(UUID postAuthor, long postId) {
		return send(FeedConsumers.POSTS, "post.events", "CommentCreated", Long.toString(postId), Map.of(ACTOR, postAuthor.toString(),
				EXAMPLE_POST, Long.toString(postId), "7402938475632345", Long.toString(newPostId())));
	}

	FeedEvents deletePost(UUID author, long postId) {
		return send(FeedConsumers.POSTS, "post.events", "PostDeleted", Long.toString(postId),
				Map.of(ACTOR, author.toString(), EXAMPLE_POST, Long.toString(postId)));
	}

	FeedEvents liked(UUID author, long postId, int likeCount) {
		return send(FeedConsumers.POSTS, "post.events", "PostLiked", Long.toString(postId), Map.of(ACTOR, author.toString(),
				EXAMPLE_POST, Long.toString(postId), "\"likeCount\": 42", "\"likeCount\": " + likeCount));
	}

	FeedEvents profile(UUID user, boolean isPrivate) {
		return send(FeedConsumers.PROFILES, "user.events", "ProfileUpdated", user.toString(), Map.of(ACTOR, user.toString(),
				"\"private\": true", "\"private\": " + isPrivate, "2026-11-22T10:45:00Z", Instant.now().toString()));
	}

	FeedEvents deleted(UUID user) {
		return send(FeedConsumers.IDENTITY, "identity.events", "UserDeleted", user.toString(), Map.of(ACTOR, user.toString()));
	}

	/** The same record value once more, as Kafka redelivers after a rebalance. */
	FeedEvents again() {
		Sent last = sent.get(sent.size() - 1);
		String topic = switch (last.consumer()) {
			case FeedConsumers.POSTS -> "post.events";
			case FeedConsumers.GRAPH -> "graph.events";
			case FeedConsumers.PROFILES -> "user.events";
			default -> "identity.events";
		};
		String type = last.value().replaceAll("(?s).*\"eventType\"\\s*:\\s*\"([^\"]+)\".*", "$1");
		String key = last.value().replaceAll("(?s).*\"aggregateId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
		KafkaTestConsumer.send(topic, key, type, last.value());
		return this;
	}

	/** The record value sent last. */
	String last() {
		return sent.get(sent.size() - 1).value();
	}

	/** Waits until every event sent so far is processed. */
	void settle() {
		for (Sent s : sent) {
			ProcessedEvents.awaitAll(jdbc, s.consumer(), List.of(s.value()));
		}
		sent.clear();
	}

	private FeedEvents graph(String type, UUID actor, UUID target) {
		return send(FeedConsumers.GRAPH, "graph.events", type, actor.toString(),
				Map.of(ACTOR, actor.toString(), TARGET, target.toString()));
	}

	private FeedEvents send(String consumer, String topic, String type, String key, Map<String, String> replacements) {
		String value = EventContracts.example(topic, type, replacements);
		KafkaTestConsumer.send(topic, key, type, value);
		sent.add(new Sent(consumer, value));
		return this;
	}
}
