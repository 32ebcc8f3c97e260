package app.mosaic.platform.ids;

import java.time.Clock;
import java.time.Instant;

/**
 * 64-bit time-ordered ids, as Instagram and Mastodon use: 41 bits of milliseconds since the Mosaic epoch,
 * 10 bits of worker, 12 bits of sequence. Sorting by id sorts by creation time, so ids serve as cursors.
 * Thread-safe; unique per worker id, so each running instance needs its own worker id.
 */
public final class IdGenerator {

	/** 2026-01-01T00:00:00Z: 41 bits of milliseconds from here last until 2095. */
	public static final long EPOCH_MILLIS = 1_767_225_600_000L;

	static final int WORKER_BITS = 10;
	static final int SEQUENCE_BITS = 12;
	static final long MAX_WORKER = (1L << WORKER_BITS) - 1;
	static final long SEQUENCE_MASK = (1L << SEQUENCE_BITS) - 1;

	private final long worker;
	private final Clock clock;
	private long lastMillis = -1;
	private long sequence;
	private volatile boolean retired;

	public IdGenerator(long worker) {
		this(worker, Clock.systemUTC());
	}

	IdGenerator(long worker, Clock clock) {
		if (worker < 0 || worker > MAX_WORKER) {
			throw new IllegalArgumentException("worker id must be within 0.." + MAX_WORKER + ", was " + worker);
		}
		this.worker = worker;
		this.clock = clock;
	}

	/** Another instance now holds this worker id: minting more ids could duplicate its ids. */
	public void retire() {
		retired = true;
	}

	public long worker() {
		return worker;
	}

	public synchronized long next() {
		if (retired) {
			throw new IllegalStateException("This instance lost its worker id lease and mints no more ids; restart it");
		}
		long now = Math.max(clock.millis(), lastMillis); // never go back in time when the clock does
		if (now == lastMillis) {
			sequence = (sequence + 1) & SEQUENCE_MASK;
			if (sequence == 0) { // 4096 ids in this millisecond: borrow the next one
				now = lastMillis + 1;
			}
		}
		else {
			sequence = 0;
		}
		lastMillis = now;
		return ((now - EPOCH_MILLIS) << (WORKER_BITS + SEQUENCE_BITS)) | (worker << SEQUENCE_BITS) | sequence;
	}

	/** When an id was made, to the millisecond. */
	public static Instant timestampOf(long id) {
		return Instant.ofEpochMilli((id >>> (WORKER_BITS + SEQUENCE_BITS)) + EPOCH_MILLIS);
	}

	/** The smallest id that could have been made at this instant: a cursor for "older than" time queries. */
	public static long lowestIdAt(Instant instant) {
		return (instant.toEpochMilli() - EPOCH_MILLIS) << (WORKER_BITS + SEQUENCE_BITS);
	}
}
