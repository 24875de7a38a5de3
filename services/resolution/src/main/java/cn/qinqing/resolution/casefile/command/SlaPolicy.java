package cn.qinqing.resolution.casefile.command;

import cn.qinqing.language.Urgency;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * The time limits of a case (办理时限), in days of {@code day} counted time each: first contact with the enterprise,
 * and the answer by urgency.
 *
 * @param day how much counted time one SLA day is: 7 working hours on the working calendar
 */
public record SlaPolicy(SlaClock clock, Duration day, int firstContactDays, Map<Urgency, Integer> resolutionDays) {

    public SlaPolicy {
        resolutionDays = new EnumMap<>(resolutionDays);
        for (Urgency urgency : Urgency.values()) {
            if (!resolutionDays.containsKey(urgency)) {
                throw new IllegalArgumentException("no resolution time limit for " + urgency);
            }
        }
    }

    Instant firstContactDue(Instant start) {
        return clock.add(start, day.multipliedBy(firstContactDays));
    }

    Instant resolutionDue(Instant start, Urgency urgency) {
        return clock.add(start, day.multipliedBy(resolutionDays.get(urgency)));
    }
}
