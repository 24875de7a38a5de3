package cn.qinqing.resolution.casefile.command;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.Urgency;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * The time limits of a case (办理时限), in days of {@code day} counted time each: first contact with the enterprise,
 * and the answer. An SLA tier set for the appeal's category and urgency decides them when one was in force when the
 * case began (ADR 0016); otherwise the defaults: {@code firstContactDays}, and {@code resolutionDays} by urgency.
 *
 * @param day how much counted time one SLA day is: 7 working hours on the working calendar
 */
public record SlaPolicy(
        SlaClock clock, Duration day, int firstContactDays, Map<Urgency, Integer> resolutionDays, SlaTierLookup tiers) {

    public SlaPolicy {
        resolutionDays = new EnumMap<>(resolutionDays);
        for (Urgency urgency : Urgency.values()) {
            if (!resolutionDays.containsKey(urgency)) {
                throw new IllegalArgumentException("no resolution time limit for " + urgency);
            }
        }
        tiers = tiers == null ? SlaTierLookup.none() : tiers;
    }

    /** The defaults only, no tiers. */
    public SlaPolicy(SlaClock clock, Duration day, int firstContactDays, Map<Urgency, Integer> resolutionDays) {
        this(clock, day, firstContactDays, resolutionDays, SlaTierLookup.none());
    }

    /** The limits of a case of that category (null: unknown) and urgency that began at {@code began}. */
    public SlaTierLookup.Limits limits(AppealCategory category, Urgency urgency, Instant began) {
        SlaTierLookup.Limits defaults = new SlaTierLookup.Limits(firstContactDays, resolutionDays.get(urgency));
        if (category == null) {
            return defaults;
        }
        return tiers.inForce(category, urgency, began).orElse(defaults);
    }

    Instant firstContactDue(Instant start, SlaTierLookup.Limits limits) {
        return clock.add(start, day.multipliedBy(limits.firstContactDays()));
    }

    Instant resolutionDue(Instant start, SlaTierLookup.Limits limits) {
        return clock.add(start, day.multipliedBy(limits.resolutionDays()));
    }
}
