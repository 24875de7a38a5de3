package cn.qinqing.assignment.dispatch.command;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.Urgency;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The time limits of dispatch and sign-for. Dispatch is counted in wall-clock time by urgency (an emergency does not
 * wait for Monday); sign-for in working days of the Chinese working calendar. An SLA tier in force when the appeal was
 * filed may set either for its category and urgency (ADR 0016).
 */
public final class TimeLimits {

    /** The warning lead of issue #20: two hours before the clock runs out (working hours where it counts them). */
    public static final Duration DEFAULT_WARNING = Duration.ofHours(2);

    private final Map<Urgency, Duration> dispatchLimits;
    private final SignForDeadlines signFor;
    private final Duration warningLead;
    private final TierClocks tiers;

    public TimeLimits(Map<Urgency, Duration> dispatchLimits, SignForDeadlines signFor) {
        this(dispatchLimits, signFor, DEFAULT_WARNING);
    }

    public TimeLimits(Map<Urgency, Duration> dispatchLimits, SignForDeadlines signFor, Duration warningLead) {
        this(dispatchLimits, signFor, warningLead, TierClocks.none());
    }

    /** An appeal's SLA tier: its category (null: unknown) and urgency, and when it was filed. */
    public record Tier(AppealCategory category, Urgency urgency, Instant filedAt) {}

    /**
     * The dispatch and sign-for limits an administrator set in an SLA tier (ADR 0016), as in force when an appeal
     * was filed; a limit the tier leaves out (null) is the configured default.
     */
    public interface TierClocks {

        Optional<Clocks> inForce(AppealCategory category, Urgency urgency, Instant filedAt);

        static TierClocks none() {
            return (category, urgency, filedAt) -> Optional.empty();
        }

        /** @param dispatchHours wall-clock hours in the dispatcher's queue; @param signForDays working days */
        record Clocks(Integer dispatchHours, Integer signForDays) {}
    }

    /**
     * @param warningLead how long before dispatch (or a supervision notice) is due the holder is warned, at most half
     *     the limit (so that a one-hour emergency is warned after half an hour, not as soon as it arrives)
     */
    public TimeLimits(
            Map<Urgency, Duration> dispatchLimits, SignForDeadlines signFor, Duration warningLead, TierClocks tiers) {
        this.tiers = tiers == null ? TierClocks.none() : tiers;
        if (warningLead.isNegative()) {
            throw new IllegalArgumentException("the warning lead must not be negative");
        }
        this.warningLead = warningLead;
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

    /** Dispatch due for an appeal of that tier queued at {@code queuedAt}: the tier's hours, else by urgency. */
    public Instant dispatchDue(Tier tier, Instant queuedAt) {
        return clocks(tier)
                .map(TierClocks.Clocks::dispatchHours)
                .map(hours -> queuedAt.plus(Duration.ofHours(hours)))
                .orElseGet(() -> dispatchDue(tier.urgency(), queuedAt));
    }

    /** Sign-for due for an appeal of that tier dispatched at {@code dispatchedAt}: the tier's working days, else the default. */
    public Instant signForDue(Tier tier, Instant dispatchedAt) {
        return clocks(tier)
                .map(TierClocks.Clocks::signForDays)
                .map(days -> signFor.dueAfter(dispatchedAt, days))
                .orElseGet(() -> signForDue(dispatchedAt));
    }

    private Optional<TierClocks.Clocks> clocks(Tier tier) {
        if (tier.category() == null || tier.urgency() == null || tier.filedAt() == null) {
            return Optional.empty();
        }
        return tiers.inForce(tier.category(), tier.urgency(), tier.filedAt());
    }

    /** When the dispatcher is warned of an appeal queued at {@code queuedAt}, due at {@code dueAt}. */
    public Instant dispatchWarning(Instant queuedAt, Instant dueAt) {
        return wallClockWarning(queuedAt, dueAt);
    }

    /**
     * When the department is warned of a supervision notice issued at {@code issuedAt}, due at {@code dueAt}: in
     * wall-clock time, as the leader set the due time.
     */
    public Instant noticeWarning(Instant issuedAt, Instant dueAt) {
        return wallClockWarning(issuedAt, dueAt);
    }

    private Instant wallClockWarning(Instant start, Instant dueAt) {
        Duration limit = Duration.between(start, dueAt);
        Duration lead = warningLead.compareTo(limit.dividedBy(2)) < 0 ? warningLead : limit.dividedBy(2);
        return dueAt.minus(lead);
    }

    /** When the department is warned of an appeal dispatched to it at {@code dispatchedAt}, due at {@code dueAt}. */
    public Instant signForWarning(Instant dispatchedAt, Instant dueAt) {
        return signFor.warningAt(dispatchedAt, dueAt);
    }
}
