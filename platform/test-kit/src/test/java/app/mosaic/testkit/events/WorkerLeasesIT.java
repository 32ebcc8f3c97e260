package app.mosaic.testkit.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import app.mosaic.platform.ids.IdGenerator;
import app.mosaic.platform.ids.WorkerLeases;
import app.mosaic.testkit.MosaicServiceTest;

/** Worker ids leased in the service's database: replicas side by side never mint the same id. */
@MosaicServiceTest
class WorkerLeasesIT {

	private static final Duration TTL = Duration.ofSeconds(60);

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	IdGenerator running;

	@Test
	void replicasSideBySideLeaseDifferentWorkerIdsAndMintDifferentIds() {
		WorkerLeases a = new WorkerLeases(jdbc, transactions, TTL, "replica-a");
		WorkerLeases b = new WorkerLeases(jdbc, transactions, TTL, "replica-b");
		long workerA = a.acquire(null);
		long workerB = b.acquire(null);
		try {
			assertThat(workerA).isNotEqualTo(workerB).isNotEqualTo(running.worker());
			assertThat(workerB).isNotEqualTo(running.worker());
			IdGenerator idsA = new IdGenerator(workerA);
			IdGenerator idsB = new IdGenerator(workerB);
			Set<Long> minted = ConcurrentHashMap.newKeySet();
			CompletableFuture.allOf(
					CompletableFuture.runAsync(() -> IntStream.range(0, 20_000).forEach(i -> minted.add(idsA.next()))),
					CompletableFuture.runAsync(() -> IntStream.range(0, 20_000).forEach(i -> minted.add(idsB.next()))))
				.join();
			assertThat(minted).hasSize(40_000);
		}
		finally {
			a.release(workerA);
			b.release(workerB);
		}
	}

	@Test
	void refusesAHandPickedWorkerIdThatARunningInstanceHolds() {
		WorkerLeases other = new WorkerLeases(jdbc, transactions, TTL, "misconfigured-replica");
		assertThatThrownBy(() -> other.acquire(running.worker()))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("held by another running instance");
	}

	@Test
	void aLeaseNotRenewedInTimeIsFreeAgainAndItsFormerHolderLearnsItLostIt() {
		WorkerLeases stalled = new WorkerLeases(jdbc, transactions, TTL, "stalled-replica");
		long worker = stalled.acquire(null);
		jdbc.update("UPDATE worker_lease SET renewed_at = now() - interval '1 hour' WHERE worker_id = ?", worker);

		WorkerLeases successor = new WorkerLeases(jdbc, transactions, TTL, "successor");
		assertThat(successor.acquire(worker)).isEqualTo(worker);
		assertThat(stalled.renew(worker)).isFalse();
		assertThat(successor.renew(worker)).isTrue();
		successor.release(worker);

		IdGenerator retired = new IdGenerator(worker);
		retired.retire();
		assertThatThrownBy(retired::next).isInstanceOf(IllegalStateException.class).hasMessageContaining("lease");
	}
}
