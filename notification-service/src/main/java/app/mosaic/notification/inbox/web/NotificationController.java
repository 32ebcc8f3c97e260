package app.mosaic.notification.inbox.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import app.mosaic.notification.inbox.NotificationReads;
import app.mosaic.notification.inbox.NotificationType;
import app.mosaic.notification.inbox.Notifications;
import app.mosaic.notification.inbox.Preferences;
import app.mosaic.platform.security.Caller;
import app.mosaic.platform.web.ApiProblem;
import app.mosaic.platform.web.Ids;
import app.mosaic.platform.web.Page;
import app.mosaic.platform.web.PageRequest;

/** The caller's own notifications: nobody reads or changes another's. */
@RestController
@RequestMapping("/api/v1/notifications")
class NotificationController {

	/** Ids one request may mark read: a page's worth many times over. */
	static final int MAX_IDS = 500;

	private final NotificationReads reads;
	private final Notifications notifications;
	private final Preferences preferences;

	NotificationController(NotificationReads reads, Notifications notifications, Preferences preferences) {
		this.reads = reads;
		this.notifications = notifications;
		this.preferences = preferences;
	}

	/** Newest activity first; grouped ones (likes of a post) name their latest three actors and count them all. */
	@GetMapping
	Page<NotificationReads.NotificationView> list(Caller caller, PageRequest page) {
		return reads.page(caller.id(), page);
	}

	@GetMapping("/unread-count")
	UnreadCount unreadCount(Caller caller) {
		return new UnreadCount(reads.unreadCount(caller.id()));
	}

	/** {@code {"ids": [...]}} marks those read; no body, or no {@code ids}, marks all of them read. */
	@PostMapping("/read")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = false,
			content = @Content(schema = @Schema(implementation = MarkRead.class)))
	void markRead(Caller caller, @RequestBody(required = false) JsonNode body) {
		notifications.markRead(caller.id(), ids(body));
	}

	@GetMapping("/preferences")
	Map<String, Boolean> preferences(Caller caller) {
		return preferences.of(caller.id());
	}

	/** Types not named keep their switch; an unknown type or a value that is not true or false answers 400. */
	@PutMapping("/preferences")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(schema = @Schema(implementation = PreferencesRequest.class)))
	Map<String, Boolean> changePreferences(Caller caller, @RequestBody JsonNode body) {
		if (body == null || !body.isObject()) {
			throw ApiProblem.badRequest("Send a JSON object of notification types and true or false, such as {\"like\": false}.");
		}
		Map<NotificationType, Boolean> changes = new EnumMap<>(NotificationType.class);
		for (Map.Entry<String, JsonNode> field : body.properties()) {
			NotificationType type = NotificationType.ofPreference(field.getKey())
				.orElseThrow(() -> ApiProblem.badRequest("`" + safe(field.getKey()) + "` is not a notification type; the types are "
						+ java.util.Arrays.stream(NotificationType.values()).map(NotificationType::preference)
							.collect(java.util.stream.Collectors.joining(", ")) + "."));
			if (!field.getValue().isBoolean()) {
				throw ApiProblem.badRequest("`" + type.preference() + "` must be true or false.");
			}
			changes.put(type, field.getValue().booleanValue());
		}
		return preferences.change(caller.id(), changes);
	}

	private static List<Long> ids(JsonNode body) {
		if (body == null || body.isNull() || body.isMissingNode() || (body.isObject() && !body.has("ids"))) {
			return null;
		}
		JsonNode ids = body.path("ids");
		if (!body.isObject() || !ids.isArray()) {
			throw ApiProblem.badRequest("`ids` must be a list of notification ids; leave it out to mark all read.");
		}
		if (ids.size() > MAX_IDS) {
			throw ApiProblem.badRequest("`ids` may name at most " + MAX_IDS + " notifications; leave it out to mark all read.");
		}
		List<Long> parsed = new ArrayList<>();
		for (JsonNode id : ids) {
			if (!id.isString()) {
				throw ApiProblem.badRequest("`ids` must be a list of notification ids, as strings.");
			}
			parsed.add(Ids.inBody("ids", id.asString(), "notification"));
		}
		return parsed;
	}

	/** A client's field name, shortened and without control characters, in an error message. */
	private static String safe(String name) {
		String cut = name.length() > 40 ? name.substring(0, 40) + "…" : name;
		return cut.replaceAll("\\p{Cntrl}", "");
	}

	record UnreadCount(int count) {
	}

	record MarkRead(@Schema(description = "Notifications to mark read; leave out to mark all read") List<String> ids) {
	}

	@Schema(description = "Each type on (true) or off (false); types left out keep their switch")
	record PreferencesRequest(Boolean follow, Boolean followRequest, Boolean followAccepted, Boolean like, Boolean comment,
			Boolean commentReply, Boolean commentLike, Boolean mention) {
	}
}
