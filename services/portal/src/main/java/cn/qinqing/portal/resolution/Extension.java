package cn.qinqing.portal.resolution;

import java.time.Instant;
import java.util.UUID;

/** An official's request for more time and the leader's decision (null while pending). */
public record Extension(
        UUID requestId,
        String officialId,
        Instant requestedDueAt,
        String reason,
        Instant requestedAt,
        String decision,
        String leaderId,
        Instant grantedDueAt,
        String denialReason,
        Instant decidedAt) {

    public boolean isPending() {
        return decision == null || "PENDING".equals(decision);
    }
}
