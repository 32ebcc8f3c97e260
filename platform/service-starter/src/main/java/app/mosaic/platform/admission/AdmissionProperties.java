package app.mosaic.platform.admission;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How much work a service takes on at once.
 *
 * @param maxConcurrent requests worked on at once; a few times the database pool, since requests also wait on
 * other services and the network
 * @param maxQueued requests that may wait for their turn; one more is refused at once. A wait bounded only in
 * time is not enough: at 1 600 requests a second a 2 s wait holds 3 200 requests with their buffers, more than a
 * 256 MB heap
 * @param maxWait how long a request waits for its turn before it is refused with 503, so a burst waits and an
 * overload is shed
 */
@ConfigurationProperties(prefix = "mosaic.admission")
public record AdmissionProperties(int maxConcurrent, int maxQueued, Duration maxWait) {

	public AdmissionProperties {
		if (maxConcurrent < 1) {
			throw new IllegalArgumentException("mosaic.admission.max-concurrent must be at least 1");
		}
		if (maxQueued < 0) {
			throw new IllegalArgumentException("mosaic.admission.max-queued must be zero or more");
		}
		if (maxWait == null || maxWait.isNegative()) {
			throw new IllegalArgumentException("mosaic.admission.max-wait must be zero or more");
		}
	}
}
