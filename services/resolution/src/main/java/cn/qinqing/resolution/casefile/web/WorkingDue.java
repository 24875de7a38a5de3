package cn.qinqing.resolution.casefile.web;

import cn.qinqing.resolution.casefile.command.SlaClock;
import java.time.Duration;
import java.time.Instant;

/**
 * A due time asked for (an extension's), as the SLA clock counts it: deadlines are working instants, so a time outside
 * working hours (a Saturday, a holiday, the lunch break, the night) becomes the next working instant, and the answer
 * says so. The end of a working period (17:30 on a working day) stays: deadlines end there too. With the elapsed clock
 * of a test setup every instant counts, and nothing moves.
 *
 * @param asked the time asked for
 * @param dueAt the time that counts
 */
record WorkingDue(Instant asked, Instant dueAt) {

    private static final Duration NANO = Duration.ofNanos(1);

    static WorkingDue of(SlaClock clock, Instant asked) {
        if (clock.between(asked.minus(NANO), asked).compareTo(Duration.ZERO) > 0) {
            // the nanosecond before it counts: it lies in working time, or ends it
            return new WorkingDue(asked, asked);
        }
        // the first nanosecond that counts after it, less that nanosecond: where working time resumes
        return new WorkingDue(asked, clock.add(asked, NANO).minus(NANO));
    }

    boolean moved() {
        return !asked.equals(dueAt);
    }

    /** What the answer says when the time moved; {@code null} when it did not. */
    Requests.DueMoved describe() {
        return moved()
                ? new Requests.DueMoved(
                        asked,
                        dueAt,
                        "The time asked for is outside working hours; deadlines are working instants, so it counts"
                                + " from the next working instant.")
                : null;
    }
}
