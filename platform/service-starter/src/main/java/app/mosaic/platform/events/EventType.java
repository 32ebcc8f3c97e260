package app.mosaic.platform.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The wire name of an event record, the name consumers and {@code contracts/events/} know it by. Written out,
 * never derived from the Java name, so renaming a record cannot silently change a contract.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface EventType {

	/** The past-tense short name, such as {@code FollowCreated}; also the {@code event-type} header. */
	String value();

	/** The payload's schema version; raise it only with a compatible schema change. */
	int version() default 1;
}
