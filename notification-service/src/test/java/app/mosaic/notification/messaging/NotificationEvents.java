package app.mosaic.notification.messaging;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.simple.JdbcClient;

import app.mosaic.testkit.ContractEvents;

/**
 * Events as the other services publish them: their contracts' examples with a test's own values in the payload
 * and a fresh event id, sent through the embedded Kafka broker; {@link #settle} waits until notification-service
 * has processed them all.
 */
public final class NotificationEvents {

	private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() << 22);

	private final ContractEvents events;

	public NotificationEvents(JdbcClient jdbc) {
		this.events = new ContractEvents(jdbc);
	}

	public static long newId() {
		return IDS.incrementAndGet();
	}

	public NotificationEvents registered(UUID user, String username) {
		return send(NotificationConsumers.IDENTITY, "identity.events", "UserRegistered", user,
				Map.of("userId", user, "username", username));
	}

	public NotificationEvents profile(UUID user, String username, Long avatar) {
		Map<String, Object> payload = new LinkedHashMap<>(Map.of("userId", user, "username", username, "updatedAt", Instant.now()));
		payload.put("avatarMediaId", avatar == null ? null : avatar.toString());
		return send(NotificationConsumers.PROFILES, "user.events", "ProfileUpdated", user, payload);
	}

	public NotificationEvents deleted(UUID user) {
		return send(NotificationConsumers.IDENTITY, "identity.events", "UserDeleted", user, Map.of("userId", user));
	}

	public NotificationEvents follow(UUID follower, UUID followee) {
		return graph("FollowCreated", follower, followee, "createdAt");
	}

	public NotificationEvents unfollow(UUID follower, UUID followee) {
		return graph("FollowRemoved", follower, followee, "removedAt");
	}

	public NotificationEvents request(UUID follower, UUID followee) {
		return graph("FollowRequested", follower, followee, "requestedAt");
	}

	public NotificationEvents approve(UUID follower, UUID followee) {
		return graph("FollowRequestApproved", follower, followee, "approvedAt");
	}

	public NotificationEvents cancel(UUID follower, UUID followee) {
		return graph("FollowRequestCancelled", follower, followee, "cancelledAt");
	}

	public NotificationEvents decline(UUID follower, UUID followee) {
		return graph("FollowRequestDeclined", follower, followee, "declinedAt");
	}

	public NotificationEvents block(UUID blocker, UUID blocked) {
		return send(NotificationConsumers.GRAPH, "graph.events", "UserBlocked", blocker,
				Map.of("blockerId", blocker, "blockedId", blocked, "blockedAt", Instant.now()));
	}

	public NotificationEvents post(UUID author, long post, boolean isPublic, UUID... mentioned) {
		return send(NotificationConsumers.POSTS, "post.events", "PostCreated", post, Map.of("postId", Long.toString(post),
				"authorId", author, "audience", isPublic ? "PUBLIC" : "FOLLOWERS", "mentionedUserIds", List.of(mentioned),
				"createdAt", Instant.now()));
	}

	public NotificationEvents edited(UUID author, long post, UUID... addedMentions) {
		return send(NotificationConsumers.POSTS, "post.events", "PostUpdated", post, Map.of("postId", Long.toString(post),
				"authorId", author, "addedMentionUserIds", List.of(addedMentions), "editedAt", Instant.now()));
	}

	public NotificationEvents postDeleted(UUID author, long post) {
		return send(NotificationConsumers.POSTS, "post.events", "PostDeleted", post,
				Map.of("postId", Long.toString(post), "authorId", author, "deletedAt", Instant.now()));
	}

	public NotificationEvents like(UUID liker, UUID author, long post) {
		return send(NotificationConsumers.POSTS, "post.events", "PostLiked", post, Map.of("postId", Long.toString(post),
				"postAuthorId", author, "userId", liker, "likedAt", Instant.now()));
	}

	public NotificationEvents unlike(UUID liker, UUID author, long post) {
		return send(NotificationConsumers.POSTS, "post.events", "PostUnliked", post, Map.of("postId", Long.toString(post),
				"postAuthorId", author, "userId", liker, "unlikedAt", Instant.now()));
	}

	/** A comment on the post, a reply when {@code parentAuthor} is given, mentioning whoever is named. */
	public NotificationEvents comment(UUID commenter, UUID postAuthor, long post, long comment, UUID parentAuthor, String text,
			UUID... mentioned) {
		Map<String, Object> payload = new LinkedHashMap<>(Map.of("commentId", Long.toString(comment), "postId", Long.toString(post),
				"postAuthorId", postAuthor, "authorId", commenter, "text", text, "mentionedUserIds", Arrays.asList(mentioned),
				"createdAt", Instant.now()));
		payload.put("parentCommentId", parentAuthor == null ? null : Long.toString(newId()));
		payload.put("parentAuthorId", parentAuthor);
		return send(NotificationConsumers.POSTS, "post.events", "CommentCreated", post, payload);
	}

	public NotificationEvents commentDeleted(UUID commenter, UUID postAuthor, long post, long comment) {
		Map<String, Object> payload = new LinkedHashMap<>(Map.of("commentId", Long.toString(comment), "postId", Long.toString(post),
				"postAuthorId", postAuthor, "authorId", commenter, "deletedBy", commenter, "deletedAt", Instant.now()));
		payload.put("parentCommentId", null);
		return send(NotificationConsumers.POSTS, "post.events", "CommentDeleted", post, payload);
	}

	public NotificationEvents commentLiked(UUID liker, UUID commentAuthor, long post, long comment) {
		return send(NotificationConsumers.POSTS, "post.events", "CommentLiked", post, Map.of("commentId", Long.toString(comment),
				"postId", Long.toString(post), "commentAuthorId", commentAuthor, "userId", liker, "likedAt", Instant.now()));
	}

	public NotificationEvents commentUnliked(UUID liker, UUID commentAuthor, long post, long comment) {
		return send(NotificationConsumers.POSTS, "post.events", "CommentUnliked", post, Map.of("commentId", Long.toString(comment),
				"postId", Long.toString(post), "commentAuthorId", commentAuthor, "userId", liker, "unlikedAt", Instant.now()));
	}

	/** A direct message from {@code sender}; {@code requests} are the recipients for whom it is a request. */
	public NotificationEvents messageSent(UUID sender, List<UUID> recipients, List<UUID> requests) {
		long conversation = newId();
		return send(NotificationConsumers.CHATS, "chat.events", "MessageSent", conversation, Map.of("messageId", Long.toString(newId()),
				"conversationId", Long.toString(conversation), "senderId", sender, "recipientIds", recipients,
				"requestRecipientIds", requests, "sentAt", Instant.now()));
	}

	/** The same record value once more, as Kafka redelivers after a rebalance. */
	public NotificationEvents again() {
		events.again();
		return this;
	}

	/** Waits until every event sent so far is processed. */
	public void settle() {
		events.settle();
	}

	private NotificationEvents graph(String type, UUID follower, UUID followee, String at) {
		return send(NotificationConsumers.GRAPH, "graph.events", type, follower,
				Map.of("followerId", follower, "followeeId", followee, at, Instant.now()));
	}

	private NotificationEvents send(String consumer, String topic, String type, Object key, Map<String, Object> payload) {
		events.send(consumer, topic, type, key, payload);
		return this;
	}
}
