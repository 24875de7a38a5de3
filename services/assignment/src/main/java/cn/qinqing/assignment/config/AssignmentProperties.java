package cn.qinqing.assignment.config;

import cn.qinqing.assignment.dispatch.command.TimeLimits;
import cn.qinqing.language.Urgency;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The assignment service's time limits ({@code qinqing.assignment.*}).
 *
 * @param dispatchLimits how long an appeal may wait in the dispatcher's queue, by urgency (wall-clock time); defaults
 *     1 h, 2 h, 24 h
 * @param signForWorkingDays working days a department has to sign for an appeal; default 1
 * @param warningBefore how long before a clock of this service runs out its holder is warned (临期预警): working time for
 *     sign-for, wall-clock time for dispatch; at most half the clock's length; default 2 h
 */
@ConfigurationProperties("qinqing.assignment")
public record AssignmentProperties(
        Map<Urgency, Duration> dispatchLimits, Integer signForWorkingDays, Duration warningBefore) {

    public AssignmentProperties {
        Map<Urgency, Duration> limits = new EnumMap<>(TimeLimits.defaultDispatchLimits());
        if (dispatchLimits != null) {
            limits.putAll(dispatchLimits);
        }
        dispatchLimits = Map.copyOf(limits);
        if (signForWorkingDays == null) {
            signForWorkingDays = 1;
        }
        if (warningBefore == null) {
            warningBefore = TimeLimits.DEFAULT_WARNING;
        }
        if (warningBefore.isNegative()) {
            throw new IllegalArgumentException("qinqing.assignment.warning-before must not be negative");
        }
        if (signForWorkingDays < 1) {
            throw new IllegalArgumentException("qinqing.assignment.sign-for-working-days must be at least 1");
        }
    }
}
