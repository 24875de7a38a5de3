package cn.qinqing.platform.deadline;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tries a failed execution again after {@code first}, doubling with each failure in a row up to {@code most}, for as
 * long as it fails: a deadline is a promise to the enterprise, never dropped. db-scheduler's own exponential handler
 * has no ceiling.
 */
final class RetrySoon<T> implements FailureHandler<T> {

    private static final Logger log = LoggerFactory.getLogger(RetrySoon.class);

    private final Duration first;
    private final Duration most;

    RetrySoon(Duration first, Duration most) {
        this.first = first;
        this.most = most;
    }

    @Override
    public void onFailure(ExecutionComplete complete, ExecutionOperations<T> operations) {
        int failuresBefore = complete.getExecution().consecutiveFailures;
        Instant next = complete.getTimeDone().plus(delay(failuresBefore));
        log.warn(
                "Deadline {} failed ({} failure(s) in a row); trying again at {}",
                complete.getExecution().taskInstance,
                failuresBefore + 1,
                next,
                complete.getCause().orElse(null));
        operations.reschedule(complete, next);
    }

    /** The wait after the failure that follows {@code failuresBefore} failures in a row. */
    Duration delay(int failuresBefore) {
        Duration delay = first;
        for (int i = 0; i < failuresBefore && delay.compareTo(most) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(most) < 0 ? delay : most;
    }
}
