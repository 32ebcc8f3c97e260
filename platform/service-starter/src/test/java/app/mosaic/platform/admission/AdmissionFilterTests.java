package app.mosaic.platform.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class AdmissionFilterTests {

	private final Bulkhead bulkhead = Bulkhead.of("test",
			BulkheadConfig.custom().maxConcurrentCalls(1).maxWaitDuration(Duration.ofMillis(200)).build());
	private final AdmissionFilter filter = new AdmissionFilter(bulkhead, 1);

	@Test
	void aRequestBeyondTheLimitWaitsItsTurnThenIsRefusedWith503AndRetryAfter() throws Exception {
		CountDownLatch inside = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
			Future<MockHttpServletResponse> first = threads.submit(() -> call("/api/v1/posts/1", () -> {
				inside.countDown();
				await(release);
			}));
			assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();

			long start = System.nanoTime();
			MockHttpServletResponse refused = call("/api/v1/posts/2", () -> {
				throw new AssertionError("a refused request must not reach the service");
			});
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
			assertThat(refused.getStatus()).isEqualTo(503);
			assertThat(refused.getHeader("Retry-After")).isIn("1", "2", "3");
			assertThat(refused.getContentType()).isEqualTo("application/problem+json");
			assertThat(refused.getContentAsString()).contains("\"status\":503");

			// a request that waits while the first one finishes is admitted
			Future<MockHttpServletResponse> waiting = threads.submit(() -> call("/api/v1/posts/3", () -> {
			}));
			Thread.sleep(50);
			release.countDown();
			assertThat(first.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
			assertThat(waiting.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
		}
		assertThat(bulkhead.getMetrics().getAvailableConcurrentCalls()).as("every place given back").isEqualTo(1);
	}

	@Test
	void beyondTheQueueARequestIsRefusedAtOnce() throws Exception {
		AdmissionFilter patient = new AdmissionFilter(Bulkhead.of("patient",
				BulkheadConfig.custom().maxConcurrentCalls(1).maxWaitDuration(Duration.ofSeconds(5)).build()), 1);
		CountDownLatch inside = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
			Future<MockHttpServletResponse> working = threads.submit(() -> call(patient, () -> {
				inside.countDown();
				await(release);
			}));
			assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
			Future<MockHttpServletResponse> waiting = threads.submit(() -> call(patient, () -> {
			}));
			Thread.sleep(100); // the second one is waiting its turn now

			long start = System.nanoTime();
			MockHttpServletResponse refused = call(patient, () -> {
				throw new AssertionError("a refused request must not reach the service");
			});
			assertThat(Duration.ofNanos(System.nanoTime() - start)).as("no wait: the queue is full").isLessThan(Duration.ofSeconds(1));
			assertThat(refused.getStatus()).isEqualTo(503);

			release.countDown();
			assertThat(working.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
			assertThat(waiting.get(5, TimeUnit.SECONDS).getStatus()).as("the one in the queue got its turn").isEqualTo(200);
			assertThat(call(patient, () -> {
			}).getStatus()).as("every place given back").isEqualTo(200);
		}
	}

	@Test
	void probesAreNeverQueued() throws Exception {
		assertThat(bulkhead.tryAcquirePermission()).isTrue();
		assertThat(call("/actuator/health/liveness", () -> {
		}).getStatus()).isEqualTo(200);
		bulkhead.onComplete();
	}

	@Test
	void aFailingRequestGivesItsPlaceBack() {
		assertThatThrownBy(() -> call("/api/v1/posts/1", () -> {
			throw new IllegalStateException("boom");
		})).hasMessage("boom");
		assertThat(bulkhead.getMetrics().getAvailableConcurrentCalls()).isEqualTo(1);
	}

	private MockHttpServletResponse call(String path, Runnable work) throws Exception {
		return call(filter, path, work);
	}

	private static MockHttpServletResponse call(AdmissionFilter filter, Runnable work) throws Exception {
		return call(filter, "/api/v1/posts/1", work);
	}

	private static MockHttpServletResponse call(AdmissionFilter filter, String path, Runnable work) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(new MockHttpServletRequest("GET", path), response, (request, ignored) -> work.run());
		return response;
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
