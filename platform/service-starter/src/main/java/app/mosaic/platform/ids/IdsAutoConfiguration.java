package app.mosaic.platform.ids;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One {@link IdGenerator} per service instance, with a worker id leased in the service's database
 * ({@link WorkerLeases}): replicas never share one, and nobody has to hand them out. {@code mosaic.ids.worker-id}
 * pins one (a StatefulSet's ordinal, say); it must be free as well.
 */
@AutoConfiguration
@EnableScheduling
public class IdsAutoConfiguration {

	private static final Logger log = LoggerFactory.getLogger(IdsAutoConfiguration.class);

	@Bean
	WorkerLeases workerLeases(JdbcTemplate jdbc, TransactionTemplate transactions,
			@Value("${mosaic.ids.lease-ttl:60s}") Duration ttl) {
		return new WorkerLeases(jdbc, transactions, ttl);
	}

	@Bean
	@ConditionalOnMissingBean
	IdGenerator idGenerator(WorkerLeases leases, @Value("${mosaic.ids.worker-id:#{null}}") Long workerId) {
		IdGenerator ids = new IdGenerator(leases.acquire(workerId));
		log.info("Minting ids as worker {}", ids.worker());
		return ids;
	}

	@Bean
	WorkerLeaseKeeper workerLeaseKeeper(IdGenerator ids, WorkerLeases leases) {
		return new WorkerLeaseKeeper(ids, leases);
	}

	/** Renews the lease while the instance runs, and gives it back when it stops. */
	public static class WorkerLeaseKeeper implements DisposableBean {

		private final IdGenerator ids;
		private final WorkerLeases leases;

		WorkerLeaseKeeper(IdGenerator ids, WorkerLeases leases) {
			this.ids = ids;
			this.leases = leases;
		}

		@Scheduled(initialDelayString = "${mosaic.ids.lease-renew-interval:20s}", fixedDelayString = "${mosaic.ids.lease-renew-interval:20s}")
		public void renew() {
			try {
				if (!leases.renew(ids.worker())) {
					// the lease expired (the instance stalled) and another took the id: stop minting rather than duplicate
					log.error("Worker id {} was leased by another instance; this instance mints no more ids", ids.worker());
					ids.retire();
				}
			}
			catch (RuntimeException e) {
				log.warn("Worker id lease not renewed yet: {}", e.getMessage());
			}
		}

		@Override
		public void destroy() {
			try {
				leases.release(ids.worker());
			}
			catch (RuntimeException e) {
				log.warn("Worker id lease not released (it expires by itself): {}", e.getMessage());
			}
		}
	}
}
