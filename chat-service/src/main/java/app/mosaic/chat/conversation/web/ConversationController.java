package app.mosaic.chat.conversation.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import app.mosaic.chat.conversation.ChatReads;
import app.mosaic.chat.conversation.ChatReads.ConversationView;
import app.mosaic.chat.conversation.ChatReads.MessageView;
import app.mosaic.chat.conversation.Conversations;
import app.mosaic.chat.conversation.Messages;
import app.mosaic.platform.security.Caller;
import app.mosaic.platform.web.ApiProblem;
import app.mosaic.platform.web.Ids;
import app.mosaic.platform.web.Page;
import app.mosaic.platform.web.PageRequest;

/**
 * Direct messages. Only participants see or change a conversation: for anyone else it answers 404, as one that
 * does not exist. Live changes reach the participants' sockets on {@code /ws/chat}.
 */
@RestController
@RequestMapping("/api/v1/conversations")
class ConversationController {

	private final Conversations conversations;
	private final Messages messages;
	private final ChatReads reads;

	ConversationController(Conversations conversations, Messages messages, ChatReads reads) {
		this.conversations = conversations;
		this.messages = messages;
		this.reads = reads;
	}

	/**
	 * One other person and no title: their DIRECT conversation (201 when new, 200 with the existing one); more
	 * people, or a title: a new GROUP of up to 32.
	 */
	@PostMapping
	ResponseEntity<ConversationView> start(Caller caller, @RequestBody StartRequest request) {
		Conversations.Started started = conversations.start(caller, request.usernames(), request.title());
		return ResponseEntity.status(started.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.body(reads.conversation(caller.id(), started.id()));
	}

	/** The inbox, most recent activity first, each with its last message and unread count. */
	@GetMapping
	Page<ConversationView> inbox(Caller caller, PageRequest page) {
		return reads.conversations(caller.id(), ChatReads.Folder.INBOX, page);
	}

	/** Message requests: conversations started by people you do not follow, until you accept them. */
	@GetMapping("/requests")
	Page<ConversationView> requests(Caller caller, PageRequest page) {
		return reads.conversations(caller.id(), ChatReads.Folder.REQUEST, page);
	}

	@GetMapping("/{id}")
	ConversationView conversation(Caller caller, @PathVariable String id) {
		return reads.conversation(caller.id(), conversationId(id));
	}

	/** Newest first; disappearing messages are gone once they expire. */
	@GetMapping("/{id}/messages")
	Page<MessageView> messages(Caller caller, @PathVariable String id, PageRequest page) {
		return reads.messages(caller.id(), conversationId(id), page);
	}

	/**
	 * Sends one of {@code text} (1 to 2 000 characters), {@code mediaId} (a processed photo of yours) or
	 * {@code postId} (a post everyone in the conversation may see). The same {@code clientMessageId} sent again
	 * answers 200 with the message it created.
	 */
	@PostMapping("/{id}/messages")
	ResponseEntity<MessageView> send(Caller caller, @PathVariable String id, @RequestBody SendRequest request) {
		Messages.Sent sent = messages.send(caller, conversationId(id), new Messages.Draft(request.text(),
				request.mediaId() == null ? null : Ids.inBody("mediaId", request.mediaId(), "photo"),
				request.postId() == null ? null : Ids.inBody("postId", request.postId(), "post"), request.clientMessageId(),
				request.expiresInSeconds()));
		return ResponseEntity.status(sent.created() ? HttpStatus.CREATED : HttpStatus.OK).body(sent.message());
	}

	/** Read receipts: everything up to this message is read; the other participants get a {@code read} frame. */
	@PostMapping("/{id}/read")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void read(Caller caller, @PathVariable String id, @RequestBody ReadRequest request) {
		if (request.upToMessageId() == null) {
			throw ApiProblem.badRequest("upToMessageId: required.");
		}
		conversations.read(caller.id(), conversationId(id), Ids.inBody("upToMessageId", request.upToMessageId(), "message"));
	}

	/** Adds people to a group. */
	@PostMapping("/{id}/participants")
	ConversationView add(Caller caller, @PathVariable String id, @RequestBody AddRequest request) {
		long conversation = conversationId(id);
		conversations.add(caller, conversation, request.usernames());
		return reads.conversation(caller.id(), conversation);
	}

	/** Leaves a group. */
	@DeleteMapping("/{id}/participants/me")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void leave(Caller caller, @PathVariable String id) {
		conversations.leave(caller.id(), conversationId(id));
	}

	/** Moves a message request into the inbox. */
	@PostMapping("/{id}/accept")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void accept(Caller caller, @PathVariable String id) {
		conversations.accept(caller.id(), conversationId(id));
	}

	/** Deletes the conversation for you alone, or declines a request: it comes back with the next message. */
	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(Caller caller, @PathVariable String id) {
		conversations.deleteForMe(caller.id(), conversationId(id));
	}

	/** Unsends your own message, for everyone. */
	@DeleteMapping("/{id}/messages/{messageId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void unsend(Caller caller, @PathVariable String id, @PathVariable String messageId) {
		messages.unsend(caller.id(), conversationId(id), Ids.inPath(messageId, "message"));
	}

	/** Your one reaction to a message: a single emoji, replacing your reaction before. */
	@PutMapping("/{id}/messages/{messageId}/reaction")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void react(Caller caller, @PathVariable String id, @PathVariable String messageId, @RequestBody ReactionRequest request) {
		messages.react(caller.id(), conversationId(id), Ids.inPath(messageId, "message"), request.emoji());
	}

	@DeleteMapping("/{id}/messages/{messageId}/reaction")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void unreact(Caller caller, @PathVariable String id, @PathVariable String messageId) {
		messages.unreact(caller.id(), conversationId(id), Ids.inPath(messageId, "message"));
	}

	private static long conversationId(String id) {
		return Ids.inPath(id, "conversation");
	}

	record StartRequest(List<String> usernames, String title) {
	}

	record AddRequest(List<String> usernames) {
	}

	record SendRequest(String text, String mediaId, String postId, String clientMessageId, Long expiresInSeconds) {
	}

	record ReadRequest(String upToMessageId) {
	}

	record ReactionRequest(String emoji) {
	}
}
