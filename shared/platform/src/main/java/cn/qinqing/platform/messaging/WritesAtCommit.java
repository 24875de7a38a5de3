package cn.qinqing.platform.messaging;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The event handlers of this class write nothing while they handle an event: they collect what to write and write it
 * once, when the batch commits (for instance from a unit-of-work prepare-commit hook, in one set-based statement).
 * {@link SavepointPerEventHandler} then leaves them without a savepoint, which would cost two round trips to the
 * database per event for nothing — the difference between a replay at database speed and one at round-trip speed.
 * Such a handler cannot fail on SQL; should the batch's write fail, the batch fails and is retried as a whole.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WritesAtCommit {}
