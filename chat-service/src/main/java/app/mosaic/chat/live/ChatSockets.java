package app.mosaic.chat.live;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.PongMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import app.mosaic.chat.conversation.ChatReads;
import app.mosaic.chat.conversation.Frames;
import app.mosaic.platform.live.PostgresListener;
import app.mosaic.platform.security.RevokedSubjects;

/**
 * The chat sockets of this instance. A frame any instance sends (see {@link Frames}) arrives here through
 * PostgreSQL's {@code LISTEN} and goes to every socket this instance holds of its recipients, so a sender on one
 * instance reaches a recipient on another. Each socket has its own queue, drained by its own thread: a slow
 * client delays only itself, and one that falls {@value #MAX_QUEUED} frames behind is closed (it reconnects and
 * reads what it missed over HTTP). Pings find dead sockets; a socket closes when its token expires.
 */
@Component
public class ChatSockets extends TextWebSocketHandler implements SmartLifecycle {

	/** The token, as the handshake found it. */
	static final String TOKEN = "mosaic.token";
	/** Policy violation: no valid token (the 4000 range is the application's). */
	static final int UNAUTHORIZED = 4401;
	static final int MAX_QUEUED = 1_000;
	static final Duration TYPING_EVERY = Duration.ofSeconds(2);

	private static final Logger log = LoggerFactory.getLogger(ChatSockets.class);
	private static final String SOCKET = "mosaic.socket";

	private final JwtDecoder decoder;
	private final RevokedSubjects revoked;
	private final ChatReads reads;
	private final Frames frames;
	private final JsonMapper json;
	private final Clock clock;
	private final Duration heartbeat;
	private final Timer delivery;
	private final PostgresListener listener;
	private final Map<UUID, Set<Socket>> open = new ConcurrentHashMap<>();
	private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
	private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(
			Thread.ofPlatform().name("chat-heartbeats").daemon().factory());
	private volatile boolean running;

	ChatSockets(JwtDecoder decoder, RevokedSubjects revoked, ChatReads reads, Frames frames, JsonMapper json, Clock clock,
			MeterRegistry meters, @Value("${spring.datasource.url}") String url, @Value("${spring.datasource.username}") String username,
			@Value("${spring.datasource.password}") String password, @Value("${mosaic.chat.heartbeat:25s}") Duration heartbeat) {
		this.decoder = decoder;
		this.revoked = revoked;
		this.reads = reads;
		this.frames = frames;
		this.json = json;
		this.clock = clock;
		this.heartbeat = heartbeat;
		this.listener = new PostgresListener(Frames.CHANNEL, url, username, password, this::deliver, () -> {
		});
		this.delivery = Timer.builder("chat.delivery")
			.description("From a message stored to its frame written to a recipient's socket")
			.publishPercentileHistogram().register(meters);
		Gauge.builder("chat.sockets.open", open, o -> o.values().stream().mapToInt(Set::size).sum())
			.description("Chat sockets open on this instance").register(meters);
	}

	/** Sockets of this instance, for tests and the gauge. */
	public int openSockets(UUID user) {
		return open.getOrDefault(user, Set.of()).size();
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession session) throws IOException {
		Jwt jwt = authenticate((String) session.getAttributes().remove(TOKEN));
		if (jwt == null) {
			session.close(new CloseStatus(UNAUTHORIZED, "A valid access token is required"));
			return;
		}
		session.setTextMessageSizeLimit(4_096);
		Socket socket = new Socket(UUID.fromString(jwt.getSubject()), jwt.getClaimAsString("preferred_username"), session,
				jwt.getExpiresAt());
		session.getAttributes().put(SOCKET, socket);
		open.compute(socket.user, (k, sockets) -> {
			Set<Socket> all = sockets != null ? sockets : ConcurrentHashMap.newKeySet();
			all.add(socket);
			return all;
		});
		// tells the client it is registered: frames sent from now on reach it
		socket.enqueue(json.writeValueAsString(frame("ready", "userId", socket.user.toString())), null);
	}

	@Override
	protected void handleTextMessage(WebSocketSession session, TextMessage message) {
		Socket socket = (Socket) session.getAttributes().get(SOCKET);
		if (socket == null) {
			return;
		}
		try {
			JsonNode frame = json.readTree(message.getPayload());
			if (!"typing".equals(frame.path("type").asString(""))) {
				socket.error("Clients may send only {\"type\": \"typing\", \"conversationId\": \"...\"}.");
				return;
			}
			long conversation = Long.parseLong(frame.path("conversationId").asString(""));
			if (socket.typingAllowed(conversation)) {
				ChatReads.Roster roster = reads.roster(conversation);
				if (roster.member(socket.user).isPresent()) {
					frames.typing(roster.userIds().stream().filter(u -> !u.equals(socket.user)).toList(), conversation, socket.user,
							socket.username);
				}
			}
		}
		catch (JacksonException | NumberFormatException e) {
			socket.error("A frame is JSON with a type and a conversationId.");
		}
	}

	@Override
	protected void handlePongMessage(WebSocketSession session, PongMessage message) {
		Socket socket = (Socket) session.getAttributes().get(SOCKET);
		if (socket != null) {
			socket.lastPong = clock.instant();
		}
	}

	@Override
	public void handleTransportError(WebSocketSession session, Throwable exception) throws IOException {
		session.close(CloseStatus.SERVER_ERROR);
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
		Socket socket = (Socket) session.getAttributes().get(SOCKET);
		if (socket != null) {
			open.computeIfPresent(socket.user, (k, sockets) -> {
				sockets.remove(socket);
				return sockets.isEmpty() ? null : sockets;
			});
		}
	}

	private Jwt authenticate(String token) {
		if (token == null || token.isBlank()) {
			return null;
		}
		try {
			Jwt jwt = decoder.decode(token);
			return revoked.isRevoked(jwt) ? null : jwt;
		}
		catch (JwtException | IllegalArgumentException e) {
			return null;
		}
	}

	/** A frame from any instance: to each local socket of its recipients, a message marked as a request where it is one. */
	private void deliver(String payload) {
		Frames.Delivery d = json.readValue(payload, Frames.Delivery.class);
		Map<UUID, Set<Socket>> here = new HashMap<>();
		for (UUID user : d.to()) {
			Set<Socket> sockets = open.get(user);
			if (sockets != null && !sockets.isEmpty()) {
				here.put(user, sockets);
			}
		}
		if (here.isEmpty()) {
			return;
		}
		ObjectNode frame = d.frame() != null ? json.valueToTree(d.frame()) : load(d.load());
		if (frame == null) {
			return;
		}
		boolean message = "message".equals(frame.path("type").asString());
		Instant created = message ? Instant.parse(frame.path("message").path("createdAt").asString()) : null;
		String plain = message ? json.writeValueAsString(frame.put("request", false)) : json.writeValueAsString(frame);
		String request = message ? json.writeValueAsString(frame.put("request", true)) : plain;
		here.forEach((user, sockets) -> {
			String text = d.requests().contains(user) ? request : plain;
			sockets.forEach(s -> s.enqueue(text, created));
		});
	}

	/** A message too large for a notification is read here, without its shared post (the client reads it over HTTP). */
	private ObjectNode load(Frames.Load load) {
		long conversation = Long.parseLong(load.conversationId());
		return reads.message(conversation, Long.parseLong(load.messageId())).map(row -> {
			ObjectNode frame = json.createObjectNode();
			frame.put("type", "message").put("conversationId", load.conversationId());
			frame.set("message", json.valueToTree(reads.messageViews(List.of(row), Map.of()).get(row.id())));
			return frame;
		}).orElse(null);
	}

	/** Every frame names its type first. */
	private static Map<String, String> frame(String type, String field, String value) {
		Map<String, String> frame = new java.util.LinkedHashMap<>();
		frame.put("type", type);
		frame.put(field, value);
		return frame;
	}

	@Override
	public void start() {
		running = true;
		listener.start();
		long every = heartbeat.toMillis();
		heartbeats.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
	}

	private void beat() {
		Instant now = clock.instant();
		open.values().forEach(sockets -> sockets.forEach(s -> {
			if (s.expiresAt != null && s.expiresAt.isBefore(now)) {
				s.close(new CloseStatus(UNAUTHORIZED, "The access token expired; connect again with a fresh one"));
			}
			else if (s.lastPong.isBefore(now.minus(heartbeat.multipliedBy(5).dividedBy(2)))) {
				s.close(CloseStatus.SESSION_NOT_RELIABLE);
			}
			else {
				senders.execute(s::ping);
			}
		}));
	}

	@Override
	public void stop() {
		running = false;
		heartbeats.shutdownNow();
		listener.stop();
		open.values().forEach(sockets -> sockets.forEach(s -> s.close(CloseStatus.SERVICE_RESTARTED)));
		senders.shutdown();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** One client's socket: frames leave in the order they came, one at a time. */
	private final class Socket {

		private final UUID user;
		private final String username;
		private final WebSocketSession session;
		private final Instant expiresAt;
		private final Queue<Outgoing> queue = new ConcurrentLinkedQueue<>();
		private final AtomicInteger queued = new AtomicInteger();
		private final AtomicBoolean draining = new AtomicBoolean();
		private final Map<Long, Instant> typing = new ConcurrentHashMap<>();
		private volatile Instant lastPong;

		Socket(UUID user, String username, WebSocketSession session, Instant expiresAt) {
			this.user = user;
			this.username = username;
			this.session = session;
			this.expiresAt = expiresAt;
			this.lastPong = clock.instant();
		}

		void enqueue(String text, Instant created) {
			if (queued.incrementAndGet() > MAX_QUEUED) {
				close(CloseStatus.SESSION_NOT_RELIABLE.withReason("Too slow to read its frames; reconnect"));
				return;
			}
			queue.add(new Outgoing(text, created));
			drain();
		}

		private void drain() {
			if (draining.compareAndSet(false, true)) {
				senders.execute(() -> {
					try {
						Outgoing next;
						while ((next = queue.poll()) != null) {
							queued.decrementAndGet();
							synchronized (this) {
								session.sendMessage(new TextMessage(next.text()));
							}
							if (next.created() != null) {
								delivery.record(Duration.between(next.created(), clock.instant()));
							}
						}
					}
					catch (IOException | IllegalStateException e) {
						close(CloseStatus.SESSION_NOT_RELIABLE);
						return;
					}
					finally {
						draining.set(false);
					}
					if (!queue.isEmpty()) {
						drain();
					}
				});
			}
		}

		void ping() {
			try {
				synchronized (this) {
					session.sendMessage(new PingMessage(ByteBuffer.allocate(0)));
				}
			}
			catch (IOException | IllegalStateException e) {
				close(CloseStatus.SESSION_NOT_RELIABLE);
			}
		}

		/** At most one typing frame per conversation every {@link #TYPING_EVERY}. */
		boolean typingAllowed(long conversation) {
			Instant now = clock.instant();
			boolean[] allowed = { false };
			typing.compute(conversation, (k, before) -> {
				allowed[0] = before == null || !before.plus(TYPING_EVERY).isAfter(now);
				return allowed[0] ? now : before;
			});
			return allowed[0];
		}

		void error(String detail) {
			enqueue(json.writeValueAsString(frame("error", "detail", detail)), null);
		}

		void close(CloseStatus status) {
			try {
				session.close(status);
			}
			catch (IOException e) {
				log.debug("A chat socket closed badly: {}", e.toString());
			}
		}
	}

	private record Outgoing(String text, Instant created) {
	}
}
