package app.mosaic.load;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;

/**
 * What one load step measured: each request's latency (Gatling's own timing, from send to last byte) and the
 * times the step's requests started and finished, so throughput is what was served, not what was offered.
 */
final class Steps {

	/** A step counts as sustained when it served this share of what was offered, without errors. */
	static final double SUSTAINED = 0.95;

	private final Map<String, Step> steps = new ConcurrentHashMap<>();

	/**
	 * A scenario named {@code step} in which each arriving user takes the feeder's next record and runs
	 * {@code chain}; the whole chain's latency is recorded under the step, failed when any check failed.
	 */
	ScenarioBuilder timed(String step, Iterator<Map<String, Object>> feeder, ChainBuilder chain) {
		return scenario(step).feed(feeder)
			.exec(session -> session.set("started", System.currentTimeMillis()))
			.exec(chain)
			.exec(session -> {
				long started = session.getLong("started");
				record(step, started, System.currentTimeMillis() - started, !session.isFailed());
				return session;
			});
	}

	/** The populations one after the other, each starting when the one before has finished. */
	static PopulationBuilder inSequence(List<PopulationBuilder> sequence) {
		PopulationBuilder chain = sequence.get(sequence.size() - 1);
		for (int i = sequence.size() - 2; i >= 0; i--) {
			chain = sequence.get(i).andThen(chain);
		}
		return chain;
	}

	/**
	 * A pause before a part of a run: what the part before overloaded recovers (queues drain, the gateway's
	 * circuit breakers close again), so one part's top step does not spoil the next part's first.
	 */
	static PopulationBuilder rest(String name, int seconds) {
		return scenario("rest-" + name).exec(session -> session).injectOpen(nothingFor(Duration.ofSeconds(seconds)), atOnceUsers(1));
	}

	/** The highest of the rates whose step was sustained, 0 when none was. */
	int capacity(String prefix, int[] rates) {
		int capacity = 0;
		for (int rate : rates) {
			if (get(prefix + "@" + rate).sustained(rate)) {
				capacity = rate;
			}
		}
		return capacity;
	}

	static int[] rates(String property, String defaults) {
		return Arrays.stream(System.getProperty(property, defaults).split(",")).mapToInt(r -> Integer.parseInt(r.strip()))
			.toArray();
	}

	static void write(String file, String report) {
		System.out.println("\n" + report);
		try {
			Path out = Path.of(System.getProperty("load.report.dir", "target/load"), file);
			Files.createDirectories(out.getParent());
			Files.writeString(out, report);
		}
		catch (IOException e) {
			System.err.println("report not written: " + e.getMessage());
		}
	}

	void record(String step, long startedMillis, long latencyMillis, boolean ok) {
		steps.computeIfAbsent(step, s -> new Step()).add(startedMillis, latencyMillis, ok);
	}

	Step get(String step) {
		return steps.getOrDefault(step, new Step());
	}

	static final class Step {

		private final List<Long> latencies = new ArrayList<>();
		private long errors;
		private long first = Long.MAX_VALUE;
		private long last = Long.MIN_VALUE;

		synchronized void add(long started, long latency, boolean ok) {
			if (ok) {
				latencies.add(latency);
			}
			else {
				errors++;
			}
			first = Math.min(first, started);
			last = Math.max(last, started + latency);
		}

		synchronized long count() {
			return latencies.size();
		}

		synchronized long errors() {
			return errors;
		}

		/** Requests served per second, from the first request's start to the last one's end. */
		synchronized double throughput() {
			return latencies.isEmpty() ? 0 : latencies.size() * 1000.0 / Math.max(1, last - first);
		}

		boolean sustained(int rate) {
			return errors() == 0 && count() > 0 && throughput() >= SUSTAINED * rate;
		}

		/** Served, p50, p99 and errors as table cells. */
		String cells() {
			return "%.0f | %d ms | %d ms | %d".formatted(throughput(), percentile(50), percentile(99), errors());
		}

		synchronized long percentile(double p) {
			if (latencies.isEmpty()) {
				return -1;
			}
			long[] sorted = latencies.stream().mapToLong(Long::longValue).toArray();
			Arrays.sort(sorted);
			return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)];
		}
	}
}
