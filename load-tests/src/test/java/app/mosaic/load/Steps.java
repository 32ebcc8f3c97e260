package app.mosaic.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one load step measured: each request's latency (Gatling's own timing, from send to last byte) and the
 * times the step's requests started and finished, so throughput is what was served, not what was offered.
 */
final class Steps {

	private final Map<String, Step> steps = new ConcurrentHashMap<>();

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
