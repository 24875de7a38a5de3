package cn.qinqing.assignment.assignment.command;

import cn.qinqing.language.Urgency;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * The time limits of dispatch and sign-for. Dispatch is counted in wall-clock time by urgency (an emergency does not
 * wait for Monday); sign-for in working days of the Chinese working calendar.
 */
public final class TimeLimits {

    private final Map<Urgency, Duration> dispatchLimits;
    private final SignForDeadlines signFor;

    public TimeLimits(Map<Urgency, Duration> dispatchLimits, SignForDeadlines signFor) {
        this.dispatchLimits = new EnumMap<>(Urgency.class);
        for (Urgency urgency : Urgency.values()) {
            Duration limit = dispatchLimits.get(urgency);
            if (limit == null || limit.isNegative() || limit.isZero()) {
                throw new IllegalArgumentException("a positive dispatch limit is needed for " + urgency);
            }
            this.dispatchLimits.put(urgency, limit);
        }
        this.signFor = signFor;
    }

    /** The defaults of issue #3: emergencies within 1 hour, urgent within 2, normal within 24. */
    public static Map<Urgency, Duration> defaultDispatchLimits() {
        return Map.of(
                Urgency.EMERGENCY, Duration.ofHours(1),
                Urgency.URGENT, Duration.ofHours(2),
                Urgency.NORMAL, Duration.ofHours(24));
    }

    public Instant dispatchDue(Urgency urgency, Instant queuedAt) {
        return queuedAt.plus(dispatchLimits.get(urgency));
    }

    public Instant signForDue(Instant dispatchedAt) {
        return signFor.dueAfter(dispatchedAt);
    }
}
