package app.mosaic.testkit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A server-sent events client as a browser's EventSource reads a stream: events, their ids, and comment lines. */
public final class SseClient implements AutoCloseable {

	public record Event(String id, String name, JsonNode data) {
	}

	private static final HttpClient HTTP = HttpClient.newHttpClient();
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
	private final AtomicInteger comments = new AtomicInteger();
	private final HttpResponse<Stream<String>> response;

	private SseClient(HttpResponse<Stream<String>> response) {
		this.response = response;
		if (response.statusCode() == 200) {
			Thread.ofVirtual().start(this::read);
		}
	}

	/** Opens the stream at {@code url}, with the token as a header unless it is in the URL, and a Last-Event-ID if given. */
	public static SseClient open(String url, String token, String lastEventId) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream")
			.timeout(Duration.ofSeconds(10));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (lastEventId != null) {
			request.header("Last-Event-ID", lastEventId);
		}
		try {
			return new SseClient(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofLines()));
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	public int status() {
		return response.statusCode();
	}

	public String contentType() {
		return response.headers().firstValue("Content-Type").orElse("");
	}

	/** The next event, failing after the timeout. */
	public Event next(Duration timeout) {
		try {
			Event event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
			if (event == null) {
				throw new AssertionError("no event within " + timeout);
			}
			return event;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** The next event of that name, skipping others. */
	public Event next(String name, Duration timeout) {
		long end = System.nanoTime() + timeout.toNanos();
		while (true) {
			Event event = next(Duration.ofNanos(Math.max(1, end - System.nanoTime())));
			if (event.name().equals(name)) {
				return event;
			}
		}
	}

	/** Whether nothing arrives for that long. */
	public boolean quietFor(Duration duration) throws InterruptedException {
		return events.poll(duration.toMillis(), TimeUnit.MILLISECONDS) == null;
	}

	public int comments() {
		return comments.get();
	}

	private void read() {
		String id = null;
		String name = "message";
		StringBuilder data = new StringBuilder();
		try (Stream<String> lines = response.body()) {
			for (String line : (Iterable<String>) lines::iterator) {
				if (line.isEmpty()) {
					if (!data.isEmpty()) {
						events.add(new Event(id, name, JSON.readTree(data.toString())));
					}
					name = "message";
					data.setLength(0);
				}
				else if (line.startsWith(":")) {
					comments.incrementAndGet();
				}
				else if (line.startsWith("id:")) {
					id = line.substring(3).strip();
				}
				else if (line.startsWith("event:")) {
					name = line.substring(6).strip();
				}
				else if (line.startsWith("data:")) {
					data.append(line.substring(5).strip());
				}
			}
		}
		catch (RuntimeException e) {
			// closed
		}
	}

	@Override
	public void close() {
		CompletableFuture.runAsync(() -> response.body().close());
	}
}
