package app.mosaic.testkit.events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import app.mosaic.platform.events.EventConsumer;

/** A service as small as can be, publishing and consuming through the platform's event pattern. */
@SpringBootApplication
public class SampleApplication {

	static final String SINGLE = "sample.single";
	static final String BATCH = "sample.batch";
	/** Batch sizes the batch consumer was handed, in order. */
	static final List<Integer> batches = new CopyOnWriteArrayList<>();

	@Bean
	EventConsumer perEvent(JdbcTemplate jdbc) {
		return EventConsumer.named(SINGLE).topics(SampleEvents.TOPIC)
			.on("ThingCounted", Counted.class, (counted, event) -> {
				refuseNegative(counted);
				jdbc.update("INSERT INTO sample_handled VALUES (?, ?, ?)", SINGLE, event.eventId(), counted.count());
			})
			.build();
	}

	@Bean
	EventConsumer inBatches(JdbcTemplate jdbc) {
		return EventConsumer.named(BATCH).topics(SampleEvents.TOPIC)
			.accept("ThingCounted", Counted.class)
			.inBatches(events -> {
				batches.add(events.size());
				for (EventConsumer.Received<?> received : events) {
					Counted counted = (Counted) received.payload();
					refuseNegative(counted);
					jdbc.update("INSERT INTO sample_handled VALUES (?, ?, ?)", BATCH, received.event().eventId(), counted.count());
				}
			});
	}

	/** A handler that fails for a reason retries cannot fix: the record must end on the dead-letter topic. */
	private static void refuseNegative(Counted counted) {
		if (counted.count() < 0) {
			throw new IllegalStateException("negative count " + counted.count());
		}
	}

	/** The consumers' own record: only the field they read. */
	record Counted(int count) {
	}
}
