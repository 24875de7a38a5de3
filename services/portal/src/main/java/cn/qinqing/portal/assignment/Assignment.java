package cn.qinqing.portal.assignment;

import java.time.Instant;
import java.util.UUID;

/**
 * Who holds an appeal, as the assignment API shows it to city staff.
 *
 * @param status OPENED, QUEUED (waiting for a dispatcher), DISPATCHED (waiting for sign-for), SIGNED_FOR, CLOSED
 * @param version the assignment's version: sent back as {@code If-Match}
 */
public record Assignment(
        UUID appealId,
        String enterpriseId,
        String enterpriseName,
        boolean keyEnterprise,
        String category,
        String urgency,
        String district,
        String status,
        String departmentId,
        String departmentName,
        String routingMode,
        String queueReason,
        String leaderId,
        Instant openedAt,
        Instant queuedAt,
        Instant dispatchDueAt,
        Instant dispatchedAt,
        Instant signForDueAt,
        Instant signedForAt,
        String signedBy,
        Boolean signedWithinLimit,
        Instant closedAt,
        Instant updatedAt,
        long version) {

    public boolean isQueued() {
        return "QUEUED".equals(status) || "OPENED".equals(status);
    }

    public boolean isDispatched() {
        return "DISPATCHED".equals(status);
    }

    public boolean isSignedFor() {
        return "SIGNED_FOR".equals(status);
    }

    public boolean isClosed() {
        return "CLOSED".equals(status);
    }

    /** Past its sign-for (or dispatch) limit without it. */
    public boolean isLate(Instant now) {
        Instant due = isDispatched() ? signForDueAt : isQueued() ? dispatchDueAt : null;
        return due != null && due.isBefore(now);
    }
}
