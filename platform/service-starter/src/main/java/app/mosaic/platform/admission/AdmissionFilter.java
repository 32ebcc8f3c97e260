package app.mosaic.platform.admission;

import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;

import io.github.resilience4j.bulkhead.Bulkhead;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import app.mosaic.platform.web.Problems;

/**
 * Admits a request only when the service has room for it. On virtual threads every accepted connection's request
 * would otherwise run at once: far above capacity thousands of them hold their buffers, security contexts and
 * stacks together and the heap runs out, probes included. A bounded number of requests wait their turn in a fair
 * bulkhead (Resilience4j), each for at most the configured time; one more than that, or one whose wait runs out,
 * is refused at once with 503 and a Retry-After of 1 to 3 s, before authentication or any other work is spent on it. The
 * actuator is never queued: probes and metrics must answer an overloaded service truthfully.
 */
class AdmissionFilter extends OncePerRequestFilter {

	private final Bulkhead bulkhead;
	// places in the service: those working and those waiting for the bulkhead
	private final Semaphore places;

	AdmissionFilter(Bulkhead bulkhead, int maxQueued) {
		this.bulkhead = bulkhead;
		this.places = new Semaphore(bulkhead.getBulkheadConfig().getMaxConcurrentCalls() + maxQueued);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return request.getRequestURI().startsWith("/actuator/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!places.tryAcquire()) {
			busy(response);
			return;
		}
		try {
			if (!bulkhead.tryAcquirePermission()) {
				busy(response);
				return;
			}
			try {
				chain.doFilter(request, response);
			}
			finally {
				bulkhead.onComplete();
			}
		}
		finally {
			places.release();
		}
	}

	private static void busy(HttpServletResponse response) throws IOException {
		// 1 to 3 s: refused together, clients that wait the same second come back together and are refused again
		response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(1 + ThreadLocalRandom.current().nextInt(3)));
		Problems.write(response, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
				"Mosaic is busy right now. Try again in a moment."));
	}
}
