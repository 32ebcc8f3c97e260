package app.mosaic.chat.conversation;

import java.sql.Timestamp;
import java.text.BreakIterator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import app.mosaic.chat.conversation.ChatReads.Folder;
import app.mosaic.chat.conversation.ChatReads.MessageRow;
import app.mosaic.chat.conversation.ChatReads.MessageView;
import app.mosaic.chat.conversation.ChatReads.Participant;
import app.mosaic.chat.people.People;
import app.mosaic.platform.events.DomainEvents;
import app.mosaic.platform.ids.IdGenerator;
import app.mosaic.platform.security.Caller;
import app.mosaic.platform.web.ApiProblem;

/**
 * Sending, unsending and reacting to messages. A send names a {@code clientMessageId}: sent again, it finds the
 * message it created instead of creating another. Every change reaches the participants' sockets when it commits;
 * a new message also publishes {@code MessageSent} through the outbox.
 */
@Service
public class Messages {

	public static final int MAX_TEXT = 2_000;
	public static final long MAX_EXPIRY_SECONDS = Duration.ofDays(7).toSeconds();
	private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	private final JdbcClient jdbc;
	private final People people;
	private final ChatReads reads;
	private final Frames frames;
	private final MessageMedia media;
	private final PostClient posts;
	private final DomainEvents events;
	private final IdGenerator ids;
	private final TransactionTemplate tx;
	private final Clock clock;

	Messages(JdbcClient jdbc, People people, ChatReads reads, Frames frames, MessageMedia media, PostClient posts, DomainEvents events,
			IdGenerator ids, TransactionTemplate tx, Clock clock) {
		this.jdbc = jdbc;
		this.people = people;
		this.reads = reads;
		this.frames = frames;
		this.media = media;
		this.posts = posts;
		this.events = events;
		this.ids = ids;
		this.tx = tx;
		this.clock = clock;
	}

	/** Exactly one of text, mediaId and postId. */
	public record Draft(String text, Long mediaId, Long postId, String clientMessageId, Long expiresInSeconds) {
	}

	/** @param created false when the clientMessageId had sent it already */
	public record Sent(MessageView message, boolean created) {
	}

	public Sent send(Caller sender, long conversation, Draft draft) {
		String type = check(draft);
		ChatReads.Roster roster = reads.rosterOf(conversation, sender.id());
		var existing = sent(conversation, sender.id(), draft.clientMessageId());
		if (existing.isPresent()) {
			return new Sent(replay(existing.get(), type, draft, sender.id()), false);
		}
		List<UUID> others = roster.userIds().stream().filter(u -> !u.equals(sender.id())).toList();
		if (others.isEmpty()) {
			throw ApiProblem.conflict("Nobody else is in this conversation any more.");
		}
		if ("DIRECT".equals(roster.type()) && people.blockedEitherWay(sender.id(), others.get(0))) {
			throw ApiProblem.forbidden("You cannot message this person.");
		}
		JsonNode post = "POST_SHARE".equals(type) ? shareable(draft.postId(), sender.id(), others) : null;
		long id = ids.next();
		String stored = "MEDIA".equals(type) ? media.claim(id, sender.id(), draft.mediaId()) : null;
		try {
			return tx.execute(status -> store(sender, roster, conversation, id, type, draft, stored, post));
		}
		catch (RuntimeException e) {
			if (stored != null) {
				media.release(id, draft.mediaId());
			}
			throw e;
		}
	}

	private Sent store(Caller sender, ChatReads.Roster roster, long conversation, long id, String type, Draft draft, String stored,
			JsonNode post) {
		Instant now = clock.instant();
		Instant expires = draft.expiresInSeconds() == null ? null : now.plusSeconds(draft.expiresInSeconds());
		int inserted = jdbc.sql("""
				INSERT INTO message (id, conversation_id, sender_id, type, text, media, post_id, client_message_id, created_at, expires_at)
				VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?) ON CONFLICT (conversation_id, sender_id, client_message_id) DO NOTHING""")
			.params(id, conversation, sender.id(), type, draft.text(), stored, draft.postId(), draft.clientMessageId(), Timestamp.from(now),
					expires == null ? null : Timestamp.from(expires))
			.update();
		if (inserted == 0) {
			if (stored != null) {
				// cannot happen: a raced send's claim of the same picture is refused before it gets here
				throw new IllegalStateException("a raced MEDIA send claimed its picture twice");
			}
			// a retry raced this send and won: it is the message
			MessageRow won = sent(conversation, sender.id(), draft.clientMessageId()).orElseThrow();
			return new Sent(replay(won, type, draft, sender.id()), false);
		}
		if (stored != null) {
			media.settled(id);
		}
		jdbc.sql("UPDATE conversation SET activity = greatest(activity, ?), activity_at = ? WHERE id = ?")
			.params(id, Timestamp.from(now), conversation).update();
		// a new message brings the conversation back to whoever deleted it; the sender has read it, and replying
		// to a request accepts it
		jdbc.sql("""
				UPDATE participant SET hidden = false,
				    folder = CASE WHEN user_id = :sender THEN 'INBOX' ELSE folder END,
				    last_read_id = CASE WHEN user_id = :sender THEN greatest(last_read_id, :id) ELSE last_read_id END
				WHERE conversation_id = :conversation AND (hidden OR user_id = :sender)""")
			.param("sender", sender.id()).param("id", id).param("conversation", conversation).update();
		MessageRow row = new MessageRow(id, conversation, sender.id(), type, draft.text(), stored, draft.postId(), draft.clientMessageId(),
				now, expires);
		MessageView view = reads.messageViews(List.of(row), post == null ? Map.of() : Map.of(draft.postId(), post), false).get(id);
		List<UUID> all = roster.userIds();
		List<UUID> requests = roster.participants().stream()
			.filter(p -> !p.userId().equals(sender.id()) && p.folder() == Folder.REQUEST)
			.map(Participant::userId).toList();
		events.publish(Long.toString(conversation), new ChatEvents.MessageSent(Long.toString(id), Long.toString(conversation),
				roster.type(), sender.id(), all.stream().filter(u -> !u.equals(sender.id())).toList(), requests, type, now, expires));
		frames.message(all, requests, view);
		return new Sent(view, true);
	}

	/** Unsends the caller's own message, for everyone. */
	@Transactional
	public void unsend(UUID user, long conversation, long message) {
		ChatReads.Roster roster = reads.rosterOf(conversation, user);
		MessageRow row = reads.message(conversation, message).orElseThrow(() -> ApiProblem.notFound("No such message."));
		if (!row.senderId().equals(user)) {
			throw ApiProblem.forbidden("You can unsend only your own messages.");
		}
		delete(row);
		frames.unsent(roster.userIds(), conversation, message);
	}

	/** The caller's one reaction to a message, replacing the one before. */
	@Transactional
	public void react(UUID user, long conversation, long message, String emoji) {
		String checked = emoji(emoji);
		ChatReads.Roster roster = visible(user, conversation, message);
		jdbc.sql("""
				INSERT INTO reaction (message_id, user_id, emoji, reacted_at) VALUES (?, ?, ?, ?)
				ON CONFLICT (message_id, user_id) DO UPDATE SET emoji = excluded.emoji, reacted_at = excluded.reacted_at""")
			.params(message, user, checked, Timestamp.from(clock.instant())).update();
		frames.reaction(roster.userIds(), conversation, message, user, checked);
	}

	@Transactional
	public void unreact(UUID user, long conversation, long message) {
		ChatReads.Roster roster = visible(user, conversation, message);
		if (jdbc.sql("DELETE FROM reaction WHERE message_id = ? AND user_id = ?").params(message, user).update() > 0) {
			frames.reaction(roster.userIds(), conversation, message, user, null);
		}
	}

	/** Disappearing messages are deleted for everyone once they expire (reads hide them from that moment on). */
	@Scheduled(initialDelayString = "${mosaic.chat.expiry-interval:10s}", fixedDelayString = "${mosaic.chat.expiry-interval:10s}")
	public int deleteExpired() {
		int deleted = 0;
		List<MessageRow> expired;
		do {
			expired = tx.execute(status -> {
				List<MessageRow> rows = jdbc.sql(ChatReads.SELECT_MESSAGES + "WHERE expires_at <= ? ORDER BY expires_at LIMIT 500 FOR UPDATE SKIP LOCKED")
					.param(Timestamp.from(clock.instant())).query(ChatReads::messageRow).list();
				rows.forEach(this::delete);
				return rows;
			});
			deleted += expired.size();
		}
		while (expired.size() == 500);
		return deleted;
	}

	/** Deletes every message of an erased account. Runs in the consumer's transaction. */
	public void erase(UUID sender) {
		jdbc.sql(ChatReads.SELECT_MESSAGES + "WHERE sender_id = ?").param(sender).query(ChatReads::messageRow)
			.list().forEach(this::delete);
	}

	private void delete(MessageRow row) {
		jdbc.sql("DELETE FROM message WHERE id = ?").param(row.id()).update();
		if (row.media() != null) {
			media.letGo(row.id(), Long.parseLong(reads.mediaId(row)));
		}
	}

	/** The conversation's roster, when the user is in it and may see the message; 404 otherwise. */
	private ChatReads.Roster visible(UUID user, long conversation, long message) {
		ChatReads.Roster roster = reads.rosterOf(conversation, user);
		if (message <= roster.member(user).orElseThrow().clearedUpTo() || reads.message(conversation, message).isEmpty()) {
			throw ApiProblem.notFound("No such message.");
		}
		return roster;
	}

	private java.util.Optional<MessageRow> sent(long conversation, UUID sender, String clientMessageId) {
		return jdbc.sql(ChatReads.SELECT_MESSAGES + "WHERE conversation_id = ? AND sender_id = ? AND client_message_id = ?")
			.params(conversation, sender, clientMessageId).query(ChatReads::messageRow).optional();
	}

	/** The message a clientMessageId sent before, if this is the same send; another send under its id is refused. */
	private MessageView replay(MessageRow row, String type, Draft draft, UUID viewer) {
		boolean same = row.type().equals(type) && Objects.equals(row.text(), draft.text()) && Objects.equals(row.postId(), draft.postId())
				&& (draft.mediaId() == null || draft.mediaId().toString().equals(reads.mediaId(row)));
		if (!same) {
			throw ApiProblem.conflict("clientMessageId: already used for another message. Use a new id for each message.");
		}
		return reads.messageViews(List.of(row), reads.sharedPosts(viewer, List.of(row))).get(row.id());
	}

	/** The post as the sender sees it, when every other participant may see it too. */
	private JsonNode shareable(long post, UUID sender, List<UUID> others) {
		JsonNode seen = one(post, sender);
		if (seen == null) {
			throw ApiProblem.badRequest("postId: no such post.");
		}
		for (UUID other : others) {
			if (one(post, other) == null) {
				throw ApiProblem.forbidden("postId: someone in this conversation cannot see this post.");
			}
		}
		return seen;
	}

	private JsonNode one(long post, UUID viewer) {
		return ChatReads.byId(posts.batch(new PostClient.BatchRequest(viewer, List.of(Long.toString(post)))).items()).get(post);
	}

	private static String check(Draft draft) {
		int given = (draft.text() != null ? 1 : 0) + (draft.mediaId() != null ? 1 : 0) + (draft.postId() != null ? 1 : 0);
		if (given != 1) {
			throw ApiProblem.badRequest("Send exactly one of text, mediaId and postId.");
		}
		if (draft.clientMessageId() == null || !CLIENT_ID.matcher(draft.clientMessageId()).matches()) {
			throw ApiProblem.badRequest("clientMessageId: 1 to 64 letters, digits or . _ : - (a UUID the client makes up is best).");
		}
		if (draft.expiresInSeconds() != null && (draft.expiresInSeconds() < 1 || draft.expiresInSeconds() > MAX_EXPIRY_SECONDS)) {
			throw ApiProblem.badRequest("expiresInSeconds: between 1 and " + MAX_EXPIRY_SECONDS + " (7 days).");
		}
		if (draft.text() != null) {
			if (draft.text().isBlank()) {
				throw ApiProblem.badRequest("text: must not be blank.");
			}
			if (draft.text().codePointCount(0, draft.text().length()) > MAX_TEXT) {
				throw ApiProblem.badRequest("text: at most " + MAX_TEXT + " characters.");
			}
			return "TEXT";
		}
		return draft.mediaId() != null ? "MEDIA" : "POST_SHARE";
	}

	/** One emoji: a single grapheme made of emoji code points (with their joiners, variation selectors and modifiers). */
	static String emoji(String emoji) {
		String problem = "emoji: send one emoji, such as ❤️.";
		if (emoji == null || emoji.isEmpty() || emoji.length() > 32) {
			throw ApiProblem.badRequest(problem);
		}
		BreakIterator graphemes = BreakIterator.getCharacterInstance();
		graphemes.setText(emoji);
		graphemes.first();
		if (graphemes.next() != emoji.length()) {
			throw ApiProblem.badRequest(problem);
		}
		boolean pictographic = emoji.codePoints().anyMatch(cp -> cp > 0x7F && Character.isEmoji(cp));
		boolean onlyEmoji = emoji.codePoints().allMatch(cp -> Character.isEmoji(cp) || Character.isEmojiComponent(cp) || cp == 0xFE0F
				|| cp == 0x200D || cp == 0x20E3);
		if (!pictographic || !onlyEmoji) {
			throw ApiProblem.badRequest(problem);
		}
		return emoji;
	}
}
