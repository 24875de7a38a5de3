package cn.qinqing.resolution.slatier.query;

import java.time.Instant;
import java.time.LocalDate;

/** One setting of an SLA tier, as recorded. {@code version} is the tier's version after it (its ETag). */
public record TierVersion(
        String category,
        String urgency,
        long version,
        int firstContactDays,
        int resolutionDays,
        LocalDate effectiveFrom,
        String basis,
        String setBy,
        Instant setAt) {}
