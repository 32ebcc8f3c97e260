package app.mosaic.notification.stream;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

import app.mosaic.notification.inbox.NotificationChannel;
import app.mosaic.notification.inbox.NotificationReads;
import app.mosaic.platform.live.PostgresListener;

/**
 * The open notification streams of this instance, and what wakes them: a dedicated PostgreSQL connection
 * {@code LISTEN}s on the channel every write names its recipient on, so a notification written by any instance
 * reaches every stream of its recipient on all of them. A woken stream reads what changed after the last version
 * it sent and sends it in order, then the unread count if it changed; a reconnecting client's
 * {@code Last-Event-ID} is such a version, so it gets what it missed the same way.
 */
@Service
public class NotificationStreams implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(NotificationStreams.class);
	private static final int BATCH = 100;

	private final NotificationReads reads;
	private final Duration heartbeat;
	private final Timer delivery;
	private final java.time.Clock clock;
	private final Map<UUID, Set<Stream>> open = new ConcurrentHashMap<>();
	private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
	private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(
			Thread.ofPlatform().name("notification-heartbeats").daemon().factory());
	private final PostgresListener listener;
	private final JdbcClient jdbc;
	private final JsonMapper json;
	private volatile boolean running;

	NotificationStreams(NotificationReads reads, @Value("${spring.datasource.url}") String url,
			@Value("${spring.datasource.username}") String username, @Value("${spring.datasource.password}") String password,
			@Value("${mosaic.notifications.heartbeat:15s}") Duration heartbeat, MeterRegistry meters, java.time.Clock clock,
			JdbcClient jdbc, JsonMapper json) {
		this.reads = reads;
		// a write names its recipient; on (re)connecting, every stream catches up on what was written meanwhile
		this.jdbc = jdbc;
		this.json = json;
		this.listener = new PostgresListener(NotificationChannel.NAME, url, username, password, this::heard,
				() -> open.values().forEach(s -> s.forEach(Stream::wake)));
		this.heartbeat = heartbeat;
		this.clock = clock;
		this.delivery = Timer.builder("notifications.delivery")
			.description("From the activity (a like, a comment, a follow) to its notification sent on a stream")
			.publishPercentileHistogram().register(meters);
		Gauge.builder("notifications.streams.open", open, o -> o.values().stream().mapToInt(Set::size).sum())
			.description("Notification streams open on this instance").register(meters);
	}

	/**
	 * Opens a stream of the recipient's changes after {@code lastEventId}, or from now on when it is null; the
	 * first event is the unread count.
	 */
	public SseEmitter open(UUID recipient, Long lastEventId, Duration timeout) {
		SseEmitter emitter = new SseEmitter(timeout.toMillis());
		long latest = reads.latestVersion(recipient);
		Stream stream = new Stream(recipient, emitter, lastEventId != null ? lastEventId : latest, latest);
		// added inside compute: a closing stream's removal of an emptied set cannot drop this one
		open.compute(recipient, (k, streams) -> {
			Set<Stream> all = streams != null ? streams : ConcurrentHashMap.newKeySet();
			all.add(stream);
			return all;
		});
		Runnable close = () -> close(stream);
		emitter.onCompletion(close);
		emitter.onTimeout(close);
		emitter.onError(e -> close.run());
		stream.wake();
		return emitter;
	}

	/** Streams of this instance, for tests and the gauge. */
	public int openStreams(UUID recipient) {
		return open.getOrDefault(recipient, Set.of()).size();
	}

	private void close(Stream stream) {
		open.computeIfPresent(stream.recipient, (k, streams) -> {
			streams.remove(stream);
			return streams.isEmpty() ? null : streams;
		});
	}

	private void wake(UUID recipient) {
		open.getOrDefault(recipient, Set.of()).forEach(Stream::wake);
	}

	/**
	 * A new direct message, for the recipients' badges: a {@code message} event on every stream they have open on
	 * any instance once the calling transaction commits. Not stored, so not replayed to a reconnecting client (the
	 * conversations list has it).
	 */
	public void announceMessage(List<UUID> recipients, Map<String, Object> message) {
		if (!recipients.isEmpty()) {
			jdbc.sql("SELECT pg_notify(?, ?)").params(NotificationChannel.NAME,
					json.writeValueAsString(new Announcement(recipients, "message", message))).query((rs, row) -> 1).list();
		}
	}

	/** A recipient's id (their notifications changed), or an {@link Announcement}. */
	private void heard(String payload) {
		if (!payload.startsWith("{")) {
			wake(UUID.fromString(payload));
			return;
		}
		Announcement a = json.readValue(payload, Announcement.class);
		a.to().forEach(recipient -> open.getOrDefault(recipient, Set.of())
			.forEach(stream -> senders.execute(() -> stream.announce(a.event(), a.data()))));
	}

	record Announcement(List<UUID> to, String event, Map<String, Object> data) {
	}

	@Override
	public void start() {
		running = true;
		listener.start();
		long every = heartbeat.toMillis();
		heartbeats.scheduleWithFixedDelay(() -> open.values().forEach(s -> s.forEach(stream -> senders.execute(stream::heartbeat))),
				every, every, TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		running = false;
		heartbeats.shutdownNow();
		listener.stop();
		open.values().forEach(s -> s.forEach(stream -> stream.emitter.complete()));
		senders.shutdown();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** One client's stream: sends happen one at a time, in version order. */
	private final class Stream {

		private final UUID recipient;
		private final SseEmitter emitter;
		private final ReentrantLock sending = new ReentrantLock();
		private final AtomicBoolean woken = new AtomicBoolean();
		private long version;
		/** Changes up to this version were made before the stream opened. */
		private final long caughtUpTo;
		private int unread = -1;

		Stream(UUID recipient, SseEmitter emitter, long version, long caughtUpTo) {
			this.recipient = recipient;
			this.emitter = emitter;
			this.version = version;
			this.caughtUpTo = caughtUpTo;
		}

		/** At most one catch-up waits: a burst of writes wakes the stream once more, not once each. */
		void wake() {
			if (woken.compareAndSet(false, true)) {
				senders.execute(this::catchUp);
			}
		}

		private void catchUp() {
			sending.lock();
			try {
				woken.set(false);
				List<NotificationReads.Change> changes;
				do {
					changes = reads.changesSince(recipient, version, BATCH);
					for (NotificationReads.Change change : changes) {
						SseEmitter.SseEventBuilder event = SseEmitter.event().id(Long.toString(change.version()));
						emitter.send(change.removed() ? event.name("removed").data(Map.of("id", Long.toString(change.id())),
								MediaType.APPLICATION_JSON) : event.name("notification").data(change.notification(), MediaType.APPLICATION_JSON));
						version = change.version();
						if (!change.removed() && change.version() > caughtUpTo) {
							// a live change, not a replay of what a reconnecting client missed
							delivery.record(Duration.between(change.notification().updatedAt(), clock.instant()));
						}
					}
				}
				while (changes.size() == BATCH);
				int count = reads.unreadCount(recipient);
				if (count != unread) {
					emitter.send(SseEmitter.event().name("unread").data(Map.of("count", count), MediaType.APPLICATION_JSON));
					unread = count;
				}
			}
			catch (IOException | IllegalStateException e) {
				// the client went away; the container completes the emitter
				close(this);
			}
			catch (RuntimeException e) {
				log.warn("A notification stream could not catch up; it is closed and the client reconnects", e);
				close(this);
				emitter.completeWithError(e);
			}
			finally {
				sending.unlock();
			}
		}

		void announce(String event, Map<String, Object> data) {
			sending.lock();
			try {
				emitter.send(SseEmitter.event().name(event).data(data, MediaType.APPLICATION_JSON));
			}
			catch (IOException | IllegalStateException e) {
				close(this);
			}
			finally {
				sending.unlock();
			}
		}

		/** A comment line every few seconds keeps proxies from closing an idle stream, and finds dead clients. */
		void heartbeat() {
			sending.lock();
			try {
				emitter.send(SseEmitter.event().comment("heartbeat"));
			}
			catch (IOException | IllegalStateException e) {
				close(this);
			}
			finally {
				sending.unlock();
			}
		}
	}
}
