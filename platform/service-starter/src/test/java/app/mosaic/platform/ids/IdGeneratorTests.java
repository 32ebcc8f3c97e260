package app.mosaic.platform.ids;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdGeneratorTests {

	@Test
	void idsGrowWithTimeAndCarryTheirTimestamp() {
		Instant now = Instant.parse("2026-11-21T09:00:00Z");
		IdGenerator ids = new IdGenerator(7, Clock.fixed(now, ZoneOffset.UTC));
		long first = ids.next();
		long second = ids.next();
		assertThat(second).isGreaterThan(first);
		assertThat(IdGenerator.timestampOf(first)).isEqualTo(now);
		assertThat(IdGenerator.lowestIdAt(now)).isLessThanOrEqualTo(first);
		assertThat(IdGenerator.lowestIdAt(now.plusMillis(1))).isGreaterThan(first);
	}

	@Test
	void moreThan4096IdsInOneMillisecondStayUniqueAndOrdered() {
		IdGenerator ids = new IdGenerator(1, Clock.fixed(Instant.parse("2026-11-21T09:00:00Z"), ZoneOffset.UTC));
		Set<Long> seen = new HashSet<>();
		long previous = -1;
		for (int i = 0; i < 10_000; i++) {
			long id = ids.next();
			assertThat(id).isGreaterThan(previous);
			assertThat(seen.add(id)).isTrue();
			previous = id;
		}
	}

	@Test
	void aClockThatGoesBackDoesNotMakeSmallerIds() {
		AtomicLong millis = new AtomicLong(Instant.parse("2026-11-21T09:00:00Z").toEpochMilli());
		Clock clock = new Clock() {
			public java.time.ZoneId getZone() {
				return ZoneOffset.UTC;
			}

			public Clock withZone(java.time.ZoneId zone) {
				return this;
			}

			public Instant instant() {
				return Instant.ofEpochMilli(millis.get());
			}
		};
		IdGenerator ids = new IdGenerator(3, clock);
		long before = ids.next();
		millis.addAndGet(-5_000);
		assertThat(ids.next()).isGreaterThan(before);
	}

	@Test
	void workersAreDistinguishedAndBounded() {
		Clock clock = Clock.fixed(Instant.parse("2026-11-21T09:00:00Z"), ZoneOffset.UTC);
		assertThat(new IdGenerator(1, clock).next()).isNotEqualTo(new IdGenerator(2, clock).next());
		assertThatThrownBy(() -> new IdGenerator(1024)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new IdGenerator(-1)).isInstanceOf(IllegalArgumentException.class);
	}
}
