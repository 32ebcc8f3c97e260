package app.mosaic.testkit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A test's WebSocket client of JSON frames, on the JDK's own client (which answers pings by itself): it collects
 * what the server pushes, sends frames, and records how the server closed it. A paused client reads nothing, as a
 * stalled phone would, so the server's buffers toward it fill up.
 */
public final class WebSocketClient implements AutoCloseable {

	/** How the server closed the socket. */
	public record Closed(int code, String reason) {
	}

	private static final HttpClient HTTP = HttpClient.newHttpClient();
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
	private final CompletableFuture<Closed> closed = new CompletableFuture<>();
	private final AtomicInteger pings = new AtomicInteger();
	private final boolean paused;
	private final WebSocket socket;
	private final String protocol;

	private WebSocketClient(String url, String bearer, List<String> subprotocols, boolean paused) {
		this.paused = paused;
		WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
		if (bearer != null) {
			builder.header("Authorization", "Bearer " + bearer);
		}
		if (!subprotocols.isEmpty()) {
			builder.subprotocols(subprotocols.get(0), subprotocols.subList(1, subprotocols.size()).toArray(String[]::new));
		}
		this.socket = builder.buildAsync(URI.create(url), new Listener()).join();
		this.protocol = socket.getSubprotocol();
	}

	/** Opens {@code url} (ws://...), with the token as {@code Authorization} when given, offering these subprotocols. */
	public static WebSocketClient open(String url, String bearer, String... subprotocols) {
		return new WebSocketClient(url, bearer, List.of(subprotocols), false);
	}

	/** A client that never reads what it is sent. */
	public static WebSocketClient paused(String url, String bearer) {
		return new WebSocketClient(url, bearer, List.of(), true);
	}

	/** The subprotocol the server chose, or empty. */
	public String subprotocol() {
		return protocol;
	}

	/** The next frame, or null after {@code timeout}. */
	public JsonNode next(Duration timeout) {
		try {
			return frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	/** The next frame of this type, skipping others; null after {@code timeout}. */
	public JsonNode next(String type, Duration timeout) {
		long end = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < end) {
			JsonNode frame = next(Duration.ofNanos(end - System.nanoTime()));
			if (frame != null && type.equals(frame.path("type").asString())) {
				return frame;
			}
		}
		return null;
	}

	/** Whether no frame arrives for this long. */
	public boolean quietFor(Duration duration) {
		return next(duration) == null;
	}

	public void send(Object frame) {
		socket.sendText(frame instanceof String s ? s : JSON.writeValueAsString(frame), true).join();
	}

	/** Pings the server sent. */
	public int pings() {
		return pings.get();
	}

	/** How the server closed the socket, or null if it is still open after {@code timeout}. */
	public Closed closed(Duration timeout) {
		try {
			return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (java.util.concurrent.TimeoutException e) {
			return null;
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	@Override
	public void close() {
		if (!socket.isOutputClosed()) {
			socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
		}
		socket.abort();
	}

	private final class Listener implements WebSocket.Listener {

		private final StringBuilder partial = new StringBuilder();

		@Override
		public void onOpen(WebSocket webSocket) {
			if (!paused) {
				webSocket.request(1);
			}
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			partial.append(data);
			if (last) {
				frames.add(JSON.readTree(partial.toString()));
				partial.setLength(0);
			}
			webSocket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onPing(WebSocket webSocket, java.nio.ByteBuffer message) {
			pings.incrementAndGet();
			webSocket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			closed.complete(new Closed(statusCode, reason));
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			closed.complete(new Closed(-1, error.toString()));
		}
	}
}
