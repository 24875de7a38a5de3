package cn.qinqing.resolution.slatier.query;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One setting of an SLA tier, as recorded. {@code version} is the tier's version after it (its ETag);
 * {@code dispatchHours} and {@code signForDays} are null where the assignment service's defaults apply.
 */
public record TierVersion(
        String category,
        String urgency,
        long version,
        int firstContactDays,
        int resolutionDays,
        Integer dispatchHours,
        Integer signForDays,
        LocalDate effectiveFrom,
        String basis,
        String setBy,
        Instant setAt) {}
