package app.mosaic.chat.conversation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.mosaic.platform.events.EventTopic;
import app.mosaic.platform.events.EventType;

/** What chat-service publishes on {@code chat.events}, keyed by the conversation id so its messages stay in order. */
@EventTopic(ChatEvents.TOPIC)
public final class ChatEvents {

	public static final String TOPIC = "chat.events";

	private ChatEvents() {
	}

	/**
	 * A message was sent: for unread badges and notifications elsewhere. No text: what was said stays in
	 * chat-service.
	 *
	 * @param recipientIds the other participants
	 * @param requestRecipientIds those of them for whom the conversation is a message request
	 */
	@EventType("MessageSent")
	public record MessageSent(String messageId, String conversationId, String conversationType, UUID senderId,
			List<UUID> recipientIds, List<UUID> requestRecipientIds, String type, Instant sentAt, Instant expiresAt) {
	}
}
