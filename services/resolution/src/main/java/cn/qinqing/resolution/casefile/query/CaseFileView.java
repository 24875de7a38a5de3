package cn.qinqing.resolution.casefile.query;

import java.time.Instant;
import java.util.UUID;

/**
 * A case file as the department and its leaders see it.
 *
 * @param provisionalCalendar a due date rests on a calendar year whose official notice is not loaded yet
 * @param leaderInCharge the leader who took charge of the appeal (领办), if any
 * @param version the case file's version; its ETag for If-Match
 */
public record CaseFileView(
        UUID appealId,
        UUID caseFileId,
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
        Instant updatedAt,
        long version) {}
