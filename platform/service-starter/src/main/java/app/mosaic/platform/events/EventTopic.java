package app.mosaic.platform.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a producer's {@code <Capability>Events} class: the topic its nested {@link EventType} records are
 * published on. The platform creates the topics a service declares this way, with their partitions and retention.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface EventTopic {

	/** The domain topic, such as {@code graph.events}. */
	String value();
}
