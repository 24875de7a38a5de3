package cn.qinqing.portal.resolution;

import java.time.Instant;
import java.util.UUID;

/**
 * An appeal's case file as the resolution API shows it: its clock, the answer, the enterprise's rating.
 *
 * @param status OPEN, PAUSED, ANSWERED, CLOSED, CANCELLED
 * @param version the case file's version: sent back as {@code If-Match}
 */
public record CaseFile(
        UUID appealId,
        String departmentId,
        String urgency,
        int round,
        String status,
        Instant openedAt,
        Instant firstContactDueAt,
        Instant firstContactAt,
        Instant resolutionDueAt,
        boolean provisionalCalendar,
        Instant pausedAt,
        String pauseReason,
        boolean firstContactBreached,
        boolean resolutionBreached,
        String answer,
        String outcome,
        String outcomeReason,
        String policyBasis,
        Instant answeredAt,
        Boolean answeredOnTime,
        String feedback,
        Integer rating,
        String signedOffBy,
        Instant closedAt,
        String leaderInCharge,
        long version) {

    public boolean isOpen() {
        return "OPEN".equals(status);
    }

    public boolean isAnswered() {
        return "ANSWERED".equals(status);
    }
}
