package cn.qinqing.portal.admin;

import java.time.Instant;

/** What the resolution service answers about SLA tiers (办理时限档次), as far as the admin pages read it. */
public final class SlaTiers {

    private SlaTiers() {}

    /**
     * One category × urgency: the limits in force now and where they come from (origin TIER or DEFAULT), the setting in
     * force and the latest setting (it may take effect later; its version is the one to change it at). Dispatch hours
     * and sign-for days are null where the assignment service's defaults apply.
     */
    public record Row(
            String category,
            String urgency,
            int firstContactDays,
            int resolutionDays,
            Integer dispatchHours,
            Integer signForDays,
            String origin,
            Setting inForce,
            Setting latest,
            int defaultFirstContactDays,
            int defaultResolutionDays) {

        /** A later setting not yet in force. */
        public boolean hasScheduled() {
            return latest != null && (inForce == null || latest.version() != inForce.version());
        }
    }

    /** One setting of a tier: who set what, from when, on what basis. */
    public record Setting(
            String category,
            String urgency,
            long version,
            int firstContactDays,
            int resolutionDays,
            Integer dispatchHours,
            Integer signForDays,
            String effectiveFrom,
            String basis,
            String setBy,
            Instant setAt) {}
}
