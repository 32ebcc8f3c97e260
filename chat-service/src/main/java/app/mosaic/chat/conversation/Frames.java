package app.mosaic.chat.conversation;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What participants are told live: a frame for their sockets, sent with {@code pg_notify} so that PostgreSQL
 * delivers it to every chat-service instance when the transaction that caused it commits (a rolled back send
 * tells nobody). Each instance hands it to the sockets it holds of the recipients.
 */
@Component
public class Frames {

	public static final String CHANNEL = "chat_frames";
	/** PostgreSQL refuses a payload of 8000 bytes or more. */
	static final int MAX_PAYLOAD = 7900;

	private final JdbcClient jdbc;
	private final JsonMapper json;

	Frames(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * What a notification carries: who gets the frame, for whom a message arrives as a request, and the frame —
	 * or, for a message too large to carry, which one each instance reads itself.
	 */
	public record Delivery(List<UUID> to, List<UUID> requests, Map<String, Object> frame, Load load) {
	}

	public record Load(String conversationId, String messageId) {
	}

	void message(Collection<UUID> to, Collection<UUID> requests, ChatReads.MessageView message) {
		Map<String, Object> frame = frame("message", message.conversationId());
		frame.put("message", message);
		String payload = payload(new Delivery(List.copyOf(to), List.copyOf(requests), frame, null));
		if (payload.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD) {
			payload = payload(new Delivery(List.copyOf(to), List.copyOf(requests), null,
					new Load(message.conversationId(), message.id())));
		}
		notify(payload);
	}

	void read(Collection<UUID> to, long conversation, UUID reader, long upTo, java.time.Instant at) {
		Map<String, Object> frame = frame("read", Long.toString(conversation));
		frame.put("userId", reader);
		frame.put("upToMessageId", Long.toString(upTo));
		frame.put("readAt", at);
		send(to, frame);
	}

	void reaction(Collection<UUID> to, long conversation, long message, UUID user, String emoji) {
		Map<String, Object> frame = frame("reaction", Long.toString(conversation));
		frame.put("messageId", Long.toString(message));
		frame.put("userId", user);
		frame.put("emoji", emoji);
		send(to, frame);
	}

	void unsent(Collection<UUID> to, long conversation, long message) {
		Map<String, Object> frame = frame("unsent", Long.toString(conversation));
		frame.put("messageId", Long.toString(message));
		send(to, frame);
	}

	/** Not stored anywhere: a typing indicator is only ever live. */
	public void typing(Collection<UUID> to, long conversation, UUID user, String username) {
		Map<String, Object> frame = frame("typing", Long.toString(conversation));
		frame.put("userId", user);
		frame.put("username", username);
		send(to, frame);
	}

	private void send(Collection<UUID> to, Map<String, Object> frame) {
		if (!to.isEmpty()) {
			notify(payload(new Delivery(List.copyOf(to), List.of(), frame, null)));
		}
	}

	private static Map<String, Object> frame(String type, String conversation) {
		Map<String, Object> frame = new LinkedHashMap<>();
		frame.put("type", type);
		frame.put("conversationId", conversation);
		return frame;
	}

	private String payload(Delivery delivery) {
		return json.writeValueAsString(delivery);
	}

	private void notify(String payload) {
		jdbc.sql("SELECT pg_notify(?, ?)").params(CHANNEL, payload).query((rs, row) -> 1).list();
	}
}
