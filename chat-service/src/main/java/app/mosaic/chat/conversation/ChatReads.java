package app.mosaic.chat.conversation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import app.mosaic.chat.people.People;
import app.mosaic.chat.people.People.PersonView;
import app.mosaic.platform.media.MediaUrls;
import app.mosaic.platform.web.ApiProblem;
import app.mosaic.platform.web.Page;
import app.mosaic.platform.web.PageRequest;

/**
 * What participants read: their inbox and requests, a conversation, its messages. Someone who is not a
 * participant finds nothing (404), exactly as if the conversation did not exist. Expired messages and history a
 * participant cleared for themselves are never returned.
 */
@Service
public class ChatReads {

	private static final Logger log = LoggerFactory.getLogger(ChatReads.class);

	public enum Folder {
		INBOX, REQUEST
	}

	public record ConversationView(String id, String type, String title, List<PersonView> participants, Instant createdAt,
			MessageView lastMessage, int unreadCount, boolean request) {
	}

	/** @param post the shared post as the reader sees it; null when it is gone, no longer visible or cannot be read now */
	public record MessageView(String id, String conversationId, PersonView sender, String type, String text, String mediaId,
			MediaView media, String postId, JsonNode post, String clientMessageId, Instant createdAt, Instant expiresAt,
			List<ReactionView> reactions) {
	}

	public record ReactionView(UUID userId, String emoji) {
	}

	public record MediaView(String id, int width, int height, String blurhash, Map<String, VariantView> variants) {
	}

	/** @param url progressive JPEG @param webpUrl the same picture as WebP, when stored */
	public record VariantView(String url, int width, int height, String webpUrl) {
	}

	/** A participant as stored. */
	public record Participant(long conversationId, UUID userId, Folder folder, boolean hidden, long clearedUpTo, long lastReadId) {
	}

	/** A message as stored; {@code media} is its JSON. */
	public record MessageRow(long id, long conversationId, UUID senderId, String type, String text, String media, Long postId,
			String clientMessageId, Instant createdAt, Instant expiresAt) {
	}

	record ConversationRow(long id, String type, String title, Instant createdAt, long activity, Folder folder,
			Long lastMessageId, int unread) {
	}

	/** A participant's conversations with their latest visible message and how many they have not read. */
	private static final String CONVERSATIONS = """
				SELECT c.id, c.type, c.title, c.created_at, c.activity, p.folder, last.id AS last_message_id,
				       (SELECT count(*) FROM message m WHERE m.conversation_id = c.id AND m.id > greatest(p.cleared_up_to, p.last_read_id)
				          AND m.sender_id <> p.user_id AND (m.expires_at IS NULL OR m.expires_at > :now)) AS unread
				FROM participant p JOIN conversation c ON c.id = p.conversation_id
				LEFT JOIN LATERAL (SELECT m.id FROM message m WHERE m.conversation_id = c.id AND m.id > p.cleared_up_to
				                     AND (m.expires_at IS NULL OR m.expires_at > :now) ORDER BY m.id DESC LIMIT 1) last ON true
				""";

	/** Messages as {@link #messageRow} reads them; a query goes on with its WHERE. */
	static final String SELECT_MESSAGES = "SELECT id, conversation_id, sender_id, type, text, media::text AS media, post_id, "
			+ "client_message_id, created_at, expires_at FROM message ";

	private final JdbcClient jdbc;
	private final People people;
	private final MediaUrls urls;
	private final PostClient posts;
	private final JsonMapper json;
	private final Clock clock;

	ChatReads(JdbcClient jdbc, People people, MediaUrls urls, PostClient posts, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.people = people;
		this.urls = urls;
		this.posts = posts;
		this.json = json;
		this.clock = clock;
	}

	public Optional<Participant> participant(long conversation, UUID user) {
		return jdbc.sql("""
				SELECT conversation_id, user_id, folder, hidden, cleared_up_to, last_read_id FROM participant
				WHERE conversation_id = ? AND user_id = ?""")
			.params(conversation, user).query(ChatReads::participant).optional();
	}

	/** The caller's participation, or 404 as for a conversation that does not exist. */
	public Participant member(long conversation, UUID user) {
		return participant(conversation, user).orElseThrow(ChatReads::notFound);
	}

	/** A conversation's type and everyone in it, in one round trip. */
	public record Roster(String type, List<Participant> participants) {

		public Optional<Participant> member(UUID user) {
			return participants.stream().filter(p -> p.userId().equals(user)).findFirst();
		}

		public List<UUID> userIds() {
			return participants.stream().map(Participant::userId).toList();
		}
	}

	public Roster roster(long conversation) {
		List<String> type = new ArrayList<>(1);
		List<Participant> participants = jdbc.sql("""
				SELECT p.conversation_id, p.user_id, p.folder, p.hidden, p.cleared_up_to, p.last_read_id, c.type
				FROM participant p JOIN conversation c ON c.id = p.conversation_id
				WHERE p.conversation_id = ? ORDER BY p.joined_at, p.user_id""")
			.param(conversation).query((rs, row) -> {
				if (type.isEmpty()) {
					type.add(rs.getString("type"));
				}
				return participant(rs, row);
			}).list();
		return new Roster(type.isEmpty() ? null : type.get(0), participants);
	}

	/** The roster of a conversation the user is in; 404, as for one that does not exist, when they are not. */
	public Roster rosterOf(long conversation, UUID user) {
		Roster roster = roster(conversation);
		roster.member(user).orElseThrow(ChatReads::notFound);
		return roster;
	}

	public List<Participant> participants(long conversation) {
		return jdbc.sql("""
				SELECT conversation_id, user_id, folder, hidden, cleared_up_to, last_read_id FROM participant
				WHERE conversation_id = ? ORDER BY joined_at, user_id""")
			.param(conversation).query(ChatReads::participant).list();
	}

	/** The inbox or the requests, most recent activity first. Requests show only once they hold a message. */
	public Page<ConversationView> conversations(UUID viewer, Folder folder, PageRequest page) {
		List<ConversationRow> rows = jdbc.sql(CONVERSATIONS + """
				WHERE p.user_id = :viewer AND p.folder = :folder AND NOT p.hidden AND c.activity < :before
				  AND (p.folder = 'INBOX' OR last.id IS NOT NULL)
				ORDER BY c.activity DESC LIMIT :limit""")
			.param("now", Timestamp.from(clock.instant())).param("viewer", viewer).param("folder", folder.name())
			.param("before", page.before()).param("limit", page.fetch())
			.query(ChatReads::conversationRow).list();
		Map<Long, ConversationView> views = views(rows);
		return page.page(rows, r -> views.get(r.id()), ConversationRow::activity);
	}

	public ConversationView conversation(UUID viewer, long id) {
		member(id, viewer);
		ConversationRow row = jdbc.sql(CONVERSATIONS + """
				WHERE p.user_id = :viewer AND c.id = :id""")
			.param("now", Timestamp.from(clock.instant())).param("viewer", viewer).param("id", id)
			.query(ChatReads::conversationRow).single();
		return views(List.of(row)).get(id);
	}

	/** Newest first; shared posts are shown as the viewer may see them. */
	public Page<MessageView> messages(UUID viewer, long conversation, PageRequest page) {
		Participant me = member(conversation, viewer);
		List<MessageRow> rows = jdbc.sql(SELECT_MESSAGES + """
				WHERE conversation_id = ? AND id > ? AND id < ? AND (expires_at IS NULL OR expires_at > ?)
				ORDER BY id DESC LIMIT ?""")
			.params(conversation, me.clearedUpTo(), page.before(), Timestamp.from(clock.instant()), page.fetch())
			.query(ChatReads::messageRow).list();
		List<MessageRow> shown = rows.subList(0, Math.min(rows.size(), page.limit()));
		Map<Long, MessageView> views = messageViews(shown, sharedPosts(viewer, shown));
		return page.page(rows, r -> views.get(r.id()), MessageRow::id);
	}

	/** A message the viewer may see, for a live frame or an answer. */
	public Optional<MessageRow> message(long conversation, long id) {
		return jdbc.sql(SELECT_MESSAGES + "WHERE conversation_id = ? AND id = ? AND (expires_at IS NULL OR expires_at > ?)")
			.params(conversation, id, Timestamp.from(clock.instant())).query(ChatReads::messageRow).optional();
	}

	/** Views of these messages; {@code posts} are the shared posts to show, by id (others show none). */
	public Map<Long, MessageView> messageViews(List<MessageRow> rows, Map<Long, JsonNode> posts) {
		return messageViews(rows, posts, true);
	}

	/** A message just sent has no reactions to read. */
	Map<Long, MessageView> messageViews(List<MessageRow> rows, Map<Long, JsonNode> posts, boolean withReactions) {
		Map<Long, MessageView> views = new LinkedHashMap<>();
		if (rows.isEmpty()) {
			return views;
		}
		Map<Long, List<ReactionView>> reactions = new HashMap<>();
		if (withReactions) {
			jdbc.sql("SELECT message_id, user_id, emoji FROM reaction WHERE message_id IN (:ids) ORDER BY reacted_at")
				.param("ids", rows.stream().map(MessageRow::id).toList())
				.query((rs, row) -> reactions.computeIfAbsent(rs.getLong("message_id"), k -> new ArrayList<>())
					.add(new ReactionView(rs.getObject("user_id", UUID.class), rs.getString("emoji"))))
				.list();
		}
		List<UUID> senders = rows.stream().map(MessageRow::senderId).distinct().toList();
		Map<UUID, PersonView> persons = new HashMap<>();
		people.views(senders).forEach(p -> persons.put(p.id(), p));
		for (MessageRow r : rows) {
			views.put(r.id(), new MessageView(Long.toString(r.id()), Long.toString(r.conversationId()), persons.get(r.senderId()),
					r.type(), r.text(), mediaId(r), media(r.media()),
					r.postId() == null ? null : Long.toString(r.postId()), r.postId() == null ? null : posts.get(r.postId()),
					r.clientMessageId(), r.createdAt(), r.expiresAt(), reactions.getOrDefault(r.id(), List.of())));
		}
		return views;
	}

	public String mediaId(MessageRow row) {
		return row.media() == null ? null : json.readTree(row.media()).path("id").asString();
	}

	/** The shared posts among these messages as the viewer sees them; none when post-service cannot answer now. */
	Map<Long, JsonNode> sharedPosts(UUID viewer, List<MessageRow> rows) {
		Set<Long> ids = new LinkedHashSet<>();
		rows.stream().filter(r -> r.postId() != null).forEach(r -> ids.add(r.postId()));
		if (ids.isEmpty()) {
			return Map.of();
		}
		try {
			return byId(posts.batch(new PostClient.BatchRequest(viewer, ids.stream().map(String::valueOf).toList())).items());
		}
		catch (RuntimeException e) {
			// the messages still answer; their posts show again once post-service does
			log.warn("Shared posts could not be read: {}", e.toString());
			return Map.of();
		}
	}

	static Map<Long, JsonNode> byId(List<JsonNode> items) {
		Map<Long, JsonNode> byId = new HashMap<>();
		if (items != null) {
			items.forEach(p -> byId.put(Long.parseLong(p.path("id").asString()), p));
		}
		return byId;
	}

	private Map<Long, ConversationView> views(List<ConversationRow> rows) {
		Map<Long, ConversationView> views = new HashMap<>();
		if (rows.isEmpty()) {
			return views;
		}
		List<Long> ids = rows.stream().map(ConversationRow::id).toList();
		Map<Long, List<UUID>> members = new HashMap<>();
		jdbc.sql("SELECT conversation_id, user_id FROM participant WHERE conversation_id IN (:ids) ORDER BY joined_at, user_id")
			.param("ids", ids)
			.query((rs, row) -> members.computeIfAbsent(rs.getLong("conversation_id"), k -> new ArrayList<>())
				.add(rs.getObject("user_id", UUID.class)))
			.list();
		Map<UUID, PersonView> persons = new HashMap<>();
		people.views(members.values().stream().flatMap(List::stream).distinct().toList()).forEach(p -> persons.put(p.id(), p));
		List<Long> lastIds = rows.stream().map(ConversationRow::lastMessageId).filter(java.util.Objects::nonNull).toList();
		List<MessageRow> last = lastIds.isEmpty() ? List.of()
				: jdbc.sql(SELECT_MESSAGES + "WHERE id IN (:ids)").param("ids", lastIds)
					.query(ChatReads::messageRow).list();
		// the inbox shows what the last message is, not the shared post itself
		Map<Long, MessageView> lastViews = messageViews(last, Map.of());
		for (ConversationRow r : rows) {
			views.put(r.id(), new ConversationView(Long.toString(r.id()), r.type(), r.title(),
					members.getOrDefault(r.id(), List.of()).stream().map(persons::get).toList(), r.createdAt(),
					r.lastMessageId() == null ? null : lastViews.get(r.lastMessageId()), r.unread(), r.folder() == Folder.REQUEST));
		}
		return views;
	}

	private MediaView media(String stored) {
		if (stored == null) {
			return null;
		}
		JsonNode m = json.readTree(stored);
		long id = Long.parseLong(m.path("id").asString());
		Map<String, VariantView> variants = new LinkedHashMap<>();
		m.path("variants").properties().forEach(v -> variants.put(v.getKey(), new VariantView(urls.variantUrl(id, v.getKey()),
				v.getValue().path("width").asInt(), v.getValue().path("height").asInt(),
				v.getValue().path("webp").asBoolean() ? urls.variantUrl(id, v.getKey() + ".webp") : null)));
		return new MediaView(Long.toString(id), m.path("width").asInt(), m.path("height").asInt(), m.path("blurhash").asString(null),
				variants);
	}

	static ApiProblem notFound() {
		return ApiProblem.notFound("No such conversation.");
	}

	private static Participant participant(ResultSet rs, int row) throws SQLException {
		return new Participant(rs.getLong("conversation_id"), rs.getObject("user_id", UUID.class), Folder.valueOf(rs.getString("folder")),
				rs.getBoolean("hidden"), rs.getLong("cleared_up_to"), rs.getLong("last_read_id"));
	}

	static MessageRow messageRow(ResultSet rs, int row) throws SQLException {
		long post = rs.getLong("post_id");
		boolean noPost = rs.wasNull();
		Timestamp expires = rs.getTimestamp("expires_at");
		return new MessageRow(rs.getLong("id"), rs.getLong("conversation_id"), rs.getObject("sender_id", UUID.class), rs.getString("type"),
				rs.getString("text"), rs.getString("media"), noPost ? null : post, rs.getString("client_message_id"),
				rs.getTimestamp("created_at").toInstant(), expires == null ? null : expires.toInstant());
	}

	private static ConversationRow conversationRow(ResultSet rs, int row) throws SQLException {
		long last = rs.getLong("last_message_id");
		boolean none = rs.wasNull();
		return new ConversationRow(rs.getLong("id"), rs.getString("type"), rs.getString("title"), rs.getTimestamp("created_at").toInstant(),
				rs.getLong("activity"), Folder.valueOf(rs.getString("folder")), none ? null : last, rs.getInt("unread"));
	}
}
