package app.mosaic.notification.messaging;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import app.mosaic.notification.inbox.NotificationType;
import app.mosaic.notification.inbox.Notifications;
import app.mosaic.notification.inbox.Notifications.Activity;
import app.mosaic.notification.inbox.Subjects;
import app.mosaic.notification.people.People;
import app.mosaic.notification.stream.NotificationStreams;
import app.mosaic.platform.events.EventConsumer;

/**
 * The events that notify someone, and the take-backs that undo them; and the replica of people, follows, blocks,
 * posts and comments the rules and views need. Each event is processed once (the platform records it), and every
 * change is an upsert or a removal, so a redelivery changes nothing.
 */
@Configuration(proxyBeanMethods = false)
class NotificationConsumers {

	static final String IDENTITY = "notification-service.identity";
	static final String PROFILES = "notification-service.profiles";
	static final String GRAPH = "notification-service.graph";
	static final String POSTS = "notification-service.posts";
	static final String CHATS = "notification-service.chats";

	@Bean
	EventConsumer identityEvents(People people, Notifications notifications, Subjects subjects) {
		return EventConsumer.named(IDENTITY).topics("identity.events")
			.on("UserRegistered", UserRegistered.class, r -> people.registered(r.userId(), r.username()))
			.on("UserDeleted", UserDeleted.class, d -> {
				notifications.erase(d.userId());
				subjects.erase(d.userId());
				people.erase(d.userId());
			})
			.build();
	}

	@Bean
	EventConsumer profileEvents(People people) {
		return EventConsumer.named(PROFILES).topics("user.events")
			.on("ProfileUpdated", ProfileUpdated.class,
					p -> people.profileUpdated(p.userId(), p.username(), id(p.avatarMediaId()), p.updatedAt()))
			.build();
	}

	@Bean
	EventConsumer graphEvents(People people, Notifications notifications) {
		return EventConsumer.named(GRAPH).topics("graph.events")
			.on("FollowCreated", FollowCreated.class, f -> {
				people.followed(f.followerId(), f.followeeId());
				notifications.followed(f.followeeId(), f.followerId(), f.createdAt());
			})
			.on("FollowRemoved", FollowRemoved.class, f -> {
				people.unfollowed(f.followerId(), f.followeeId());
				notifications.unfollowed(f.followeeId(), f.followerId(), f.removedAt());
			})
			.on("FollowRequested", FollowRequested.class, f -> notifications.add(new Activity(f.followeeId(),
					NotificationType.FOLLOW_REQUEST, request(f.followerId()), null, null, f.followerId(), f.requestedAt())))
			// the request is answered: it leaves the followee's notifications (FollowCreated tells them of the follow)
			.on("FollowRequestApproved", FollowRequestApproved.class, f -> {
				notifications.takeBack(f.followeeId(), NotificationType.FOLLOW_REQUEST, request(f.followerId()), f.followerId());
				notifications.add(new Activity(f.followerId(), NotificationType.FOLLOW_ACCEPTED, "accepted:" + f.followeeId(), null,
						null, f.followeeId(), f.approvedAt()));
			})
			.on("FollowRequestCancelled", FollowRequestAnswer.class, f -> notifications.takeBack(f.followeeId(),
					NotificationType.FOLLOW_REQUEST, request(f.followerId()), f.followerId()))
			.on("FollowRequestDeclined", FollowRequestAnswer.class, f -> notifications.takeBack(f.followeeId(),
					NotificationType.FOLLOW_REQUEST, request(f.followerId()), f.followerId()))
			.on("UserBlocked", Block.class, b -> {
				people.blocked(b.blockerId(), b.blockedId());
				notifications.blocked(b.blockerId(), b.blockedId());
			})
			.on("UserUnblocked", Block.class, b -> people.unblocked(b.blockerId(), b.blockedId()))
			.build();
	}

	@Bean
	EventConsumer postEvents(Notifications notifications, Subjects subjects, People people) {
		return EventConsumer.named(POSTS).topics("post.events")
			.on("PostCreated", PostCreated.class, p -> {
				long post = Long.parseLong(p.postId());
				boolean isPublic = "PUBLIC".equals(p.audience());
				subjects.post(post, p.authorId(), isPublic,
						p.media() == null || p.media().isEmpty() ? null : id(p.media().get(0).mediaId()));
				mention(notifications, people, p.mentionedUserIds(), p.authorId(), p.authorId(), isPublic, post, null, p.createdAt());
			})
			.on("PostUpdated", PostUpdated.class, u -> {
				long post = Long.parseLong(u.postId());
				boolean isPublic = subjects.post(post).map(Subjects.Post::isPublic).orElse(false);
				mention(notifications, people, u.addedMentionUserIds(), u.authorId(), u.authorId(), isPublic, post, null, u.editedAt());
			})
			.on("PostDeleted", PostDeleted.class, d -> {
				long post = Long.parseLong(d.postId());
				notifications.postDeleted(post);
				subjects.postDeleted(post);
			})
			.on("PostLiked", PostLike.class, l -> notifications.add(new Activity(l.postAuthorId(), NotificationType.LIKE,
					"post:" + l.postId(), Long.parseLong(l.postId()), null, l.userId(), l.likedAt())))
			.on("PostUnliked", PostUnlike.class, l -> notifications.takeBack(l.postAuthorId(), NotificationType.LIKE,
					"post:" + l.postId(), l.userId()))
			.on("CommentCreated", CommentCreated.class, c -> {
				long post = Long.parseLong(c.postId());
				long comment = Long.parseLong(c.commentId());
				subjects.comment(comment, post, c.authorId(), c.text(), c.createdAt());
				Set<UUID> told = new HashSet<>();
				told.add(c.authorId());
				String group = "comment:" + comment;
				if (c.parentAuthorId() != null && told.add(c.parentAuthorId())) {
					notifications.add(new Activity(c.parentAuthorId(), NotificationType.COMMENT_REPLY, group, post, comment,
							c.authorId(), c.createdAt()));
				}
				if (told.add(c.postAuthorId())) {
					notifications.add(new Activity(c.postAuthorId(), NotificationType.COMMENT, group, post, comment, c.authorId(),
							c.createdAt()));
				}
				// a mention of someone already told of this comment tells them nothing more
				List<UUID> mentioned = c.mentionedUserIds() == null ? List.of()
						: c.mentionedUserIds().stream().filter(told::add).toList();
				boolean isPublic = subjects.post(post).map(Subjects.Post::isPublic).orElse(false);
				mention(notifications, people, mentioned, c.authorId(), c.postAuthorId(), isPublic, post, comment, c.createdAt());
			})
			.on("CommentDeleted", CommentDeleted.class, d -> {
				long comment = Long.parseLong(d.commentId());
				notifications.commentDeleted(comment);
				subjects.commentDeleted(comment);
			})
			.on("CommentLiked", CommentLike.class, l -> notifications.add(new Activity(l.commentAuthorId(),
					NotificationType.COMMENT_LIKE, "comment:" + l.commentId(), Long.parseLong(l.postId()), Long.parseLong(l.commentId()),
					l.userId(), l.likedAt())))
			.on("CommentUnliked", CommentUnlike.class, l -> notifications.takeBack(l.commentAuthorId(), NotificationType.COMMENT_LIKE,
					"comment:" + l.commentId(), l.userId()))
			.build();
	}

	/** A direct message is no notification: it is announced on the recipients' streams, for their badges. */
	@Bean
	EventConsumer chatEvents(NotificationStreams streams) {
		return EventConsumer.named(CHATS).topics("chat.events")
			.on("MessageSent", MessageSent.class, m -> {
				Map<String, Object> message = new LinkedHashMap<>();
				message.put("conversationId", m.conversationId());
				message.put("messageId", m.messageId());
				message.put("senderId", m.senderId());
				message.put("sentAt", m.sentAt());
				List<UUID> requests = m.requestRecipientIds() == null ? List.of() : m.requestRecipientIds();
				List<UUID> inbox = m.recipientIds().stream().filter(u -> !requests.contains(u)).toList();
				message.put("request", false);
				streams.announceMessage(inbox, message);
				message.put("request", true);
				streams.announceMessage(requests, message);
			})
			.build();
	}

	/**
	 * Mentions reach those who may see the post: anyone for a public post, the author's approved followers for a
	 * followers-only one (a mention must not show a private post's thumbnail to a stranger).
	 */
	private static void mention(Notifications notifications, People people, List<UUID> mentioned, UUID actor, UUID postAuthor,
			boolean isPublic, long post, Long comment, Instant at) {
		if (mentioned == null) {
			return;
		}
		String group = comment == null ? "post:" + post : "comment:" + comment;
		for (UUID user : mentioned) {
			if (isPublic || user.equals(postAuthor) || people.follows(user, postAuthor)) {
				notifications.add(new Activity(user, NotificationType.MENTION, group, post, comment, actor, at));
			}
		}
	}

	private static String request(UUID follower) {
		return "request:" + follower;
	}

	private static Long id(String id) {
		return id == null ? null : Long.parseLong(id);
	}

	record UserRegistered(UUID userId, String username) {
	}

	record UserDeleted(UUID userId) {
	}

	record ProfileUpdated(UUID userId, String username, String avatarMediaId, Instant updatedAt) {
	}

	record FollowCreated(UUID followerId, UUID followeeId, Instant createdAt) {
	}

	record FollowRemoved(UUID followerId, UUID followeeId, Instant removedAt) {
	}

	record FollowRequested(UUID followerId, UUID followeeId, Instant requestedAt) {
	}

	record FollowRequestApproved(UUID followerId, UUID followeeId, Instant approvedAt) {
	}

	record FollowRequestAnswer(UUID followerId, UUID followeeId) {
	}

	record Block(UUID blockerId, UUID blockedId) {
	}

	record Media(String mediaId) {
	}

	record PostCreated(String postId, UUID authorId, List<Media> media, List<UUID> mentionedUserIds, String audience,
			Instant createdAt) {
	}

	record PostUpdated(String postId, UUID authorId, List<UUID> addedMentionUserIds, Instant editedAt) {
	}

	record PostDeleted(String postId) {
	}

	record PostLike(String postId, UUID postAuthorId, UUID userId, Instant likedAt) {
	}

	record CommentCreated(String commentId, String postId, UUID postAuthorId, UUID authorId, UUID parentAuthorId, String text,
			List<UUID> mentionedUserIds, Instant createdAt) {
	}

	record PostUnlike(String postId, UUID postAuthorId, UUID userId) {
	}

	record CommentUnlike(String commentId, UUID commentAuthorId, UUID userId) {
	}

	record CommentDeleted(String commentId) {
	}

	record MessageSent(String messageId, String conversationId, UUID senderId, List<UUID> recipientIds, List<UUID> requestRecipientIds,
			Instant sentAt) {
	}

	record CommentLike(String commentId, String postId, UUID commentAuthorId, UUID userId, Instant likedAt) {
	}
}
