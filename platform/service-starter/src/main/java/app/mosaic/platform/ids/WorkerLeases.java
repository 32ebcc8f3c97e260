package app.mosaic.platform.ids;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Worker ids for {@link IdGenerator} without hand configuration: each instance of a service leases the lowest
 * free id in the service's own database and renews the lease while it runs; a lease not renewed within the
 * time to live is free again. An id configured by hand must be free too, or the instance refuses to start:
 * two replicas with one worker id would mint the same ids.
 */
public class WorkerLeases {

	private final JdbcTemplate jdbc;
	private final TransactionTemplate transactions;
	private final Duration ttl;
	private final String holder;

	public WorkerLeases(JdbcTemplate jdbc, TransactionTemplate transactions, Duration ttl) {
		this(jdbc, transactions, ttl, defaultHolder());
	}

	/** @param holder who holds the leases; unique per running instance */
	public WorkerLeases(JdbcTemplate jdbc, TransactionTemplate transactions, Duration ttl, String holder) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.ttl = ttl;
		this.holder = holder;
	}

	/**
	 * @param wanted a worker id configured by hand, or null for the lowest free one
	 * @throws IllegalStateException when the wanted id is held by a live instance, or none is free
	 */
	public long acquire(Long wanted) {
		Long acquired = transactions.execute(status -> {
			// one instance chooses at a time: two starting together never pick the same id
			jdbc.queryForObject("SELECT pg_advisory_xact_lock(hashtext('mosaic.worker_lease'))::text", String.class);
			List<Long> held = jdbc.queryForList("""
					SELECT worker_id FROM worker_lease
					 WHERE holder <> ? AND renewed_at > now() - make_interval(secs => ?)""", Long.class,
					holder, ttl.toSeconds());
			long worker;
			if (wanted != null) {
				if (held.contains(wanted)) {
					throw new IllegalStateException("Worker id " + wanted + " (mosaic.ids.worker-id) is held by another "
							+ "running instance; give each replica its own, or leave it unset to lease one");
				}
				worker = wanted;
			}
			else {
				worker = 0;
				while (held.contains(worker)) {
					worker++;
				}
				if (worker > IdGenerator.MAX_WORKER) {
					throw new IllegalStateException("All " + (IdGenerator.MAX_WORKER + 1) + " worker ids are leased");
				}
			}
			jdbc.update("""
					INSERT INTO worker_lease (worker_id, holder, renewed_at) VALUES (?, ?, now())
					ON CONFLICT (worker_id) DO UPDATE SET holder = excluded.holder, renewed_at = now()""", worker, holder);
			return worker;
		});
		return acquired;
	}

	/** @return false when the lease was lost (expired and taken by another instance) */
	public boolean renew(long worker) {
		return jdbc.update("UPDATE worker_lease SET renewed_at = now() WHERE worker_id = ? AND holder = ?", worker, holder) == 1;
	}

	public void release(long worker) {
		jdbc.update("DELETE FROM worker_lease WHERE worker_id = ? AND holder = ?", worker, holder);
	}

	private static String defaultHolder() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (Exception e) {
			host = "unknown-host";
		}
		return host + "/" + ManagementFactory.getRuntimeMXBean().getPid() + "/" + UUID.randomUUID();
	}
}
