package cn.qinqing.resolution.casefile.command;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.Urgency;
import java.time.Instant;
import java.util.Optional;

/** The SLA tier an administrator set for appeals of a category and urgency, as in force when a case began. */
public interface SlaTierLookup {

    Optional<Limits> inForce(AppealCategory category, Urgency urgency, Instant began);

    /** No tiers: every case counts with the configured defaults. */
    static SlaTierLookup none() {
        return (category, urgency, began) -> Optional.empty();
    }

    /** A tier's time limits, in SLA days. */
    record Limits(int firstContactDays, int resolutionDays) {}
}
