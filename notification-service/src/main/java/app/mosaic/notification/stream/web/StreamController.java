package app.mosaic.notification.stream.web;

import java.time.Duration;

import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import app.mosaic.notification.stream.NotificationStreams;
import app.mosaic.platform.security.Caller;
import app.mosaic.platform.web.PageRequest;

@RestController
@RequestMapping("/api/v1/notifications")
class StreamController {

	private final NotificationStreams streams;
	private final Duration timeout;

	StreamController(NotificationStreams streams, @Value("${mosaic.notifications.stream-timeout:30m}") Duration timeout) {
		this.streams = streams;
		this.timeout = timeout;
	}

	/**
	 * Server-sent events: {@code notification} (new or updated, its id the version), {@code removed} (taken back)
	 * and {@code unread} ({@code {count}}, first on every connection). A reconnecting client sends the last id it
	 * saw as {@code Last-Event-ID} and gets what it missed. Browsers' EventSource cannot send headers, so the
	 * token may come as {@code ?access_token=} on this endpoint only. The stream closes after a while; clients
	 * reconnect, as EventSource does by itself.
	 */
	@GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream(Caller caller, @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
			@Parameter(description = "The access token, for clients that cannot send Authorization (EventSource)")
			@RequestParam(name = "access_token", required = false) String accessToken) {
		return streams.open(caller.id(), version(lastEventId), timeout);
	}

	private static Long version(String lastEventId) {
		if (lastEventId == null || lastEventId.isBlank()) {
			return null;
		}
		try {
			long version = Long.parseLong(lastEventId.strip());
			if (version >= 0) {
				return version;
			}
		}
		catch (NumberFormatException e) {
			// answered below
		}
		throw new PageRequest.InvalidParameterException("Last-Event-ID", "is not an id this stream sent; reconnect without it");
	}
}
