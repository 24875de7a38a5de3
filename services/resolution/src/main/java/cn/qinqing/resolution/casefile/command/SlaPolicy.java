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
 * @param warningBefore how much counted time before a clock runs out its holder is warned (临期预警): one SLA day by
 *     default; at most half the clock's window (see {@link #warningAt})
 */
public record SlaPolicy(
        SlaClock clock,
        Duration day,
        Duration warningBefore,
        int firstContactDays,
        Map<Urgency, Integer> resolutionDays,
        SlaTierLookup tiers) {

    public SlaPolicy {
        warningBefore = warningBefore == null ? day : warningBefore;
        if (warningBefore.isNegative()) {
            throw new IllegalArgumentException("the warning lead must not be negative");
        }
        resolutionDays = new EnumMap<>(resolutionDays);
        for (Urgency urgency : Urgency.values()) {
            if (!resolutionDays.containsKey(urgency)) {
                throw new IllegalArgumentException("no resolution time limit for " + urgency);
            }
        }
        tiers = tiers == null ? SlaTierLookup.none() : tiers;
    }

    /** Warned one SLA day before a clock runs out. */
    public SlaPolicy(
            SlaClock clock,
            Duration day,
            int firstContactDays,
            Map<Urgency, Integer> resolutionDays,
            SlaTierLookup tiers) {
        this(clock, day, day, firstContactDays, resolutionDays, tiers);
    }

    /** The defaults only, no tiers; warned one SLA day before a clock runs out. */
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

    /**
     * When the holder of a clock started at {@code start} and due at {@code dueAt} is warned: {@code warningBefore} of
     * counted time before it runs out, or halfway through when the window is shorter than twice that (the rule of the
     * assignment service's warnings). The due time itself means no warning: nothing left to warn ahead of.
     */
    Instant warningAt(Instant start, Instant dueAt) {
        Duration window = clock.between(start, dueAt);
        Duration half = window.dividedBy(2);
        Duration lead = warningBefore.compareTo(half) < 0 ? warningBefore : half;
        return lead.isZero() ? dueAt : clock.add(start, window.minus(lead));
    }
}
