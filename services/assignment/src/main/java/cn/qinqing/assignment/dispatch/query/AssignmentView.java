package cn.qinqing.assignment.dispatch.query;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.IndustryChainPosition;
import cn.qinqing.language.Urgency;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Who holds an appeal now, as city staff see it. (Enterprises never call this service: they see the department on
 * their appeal in the appeals service, never the official.)
 *
 * @param status QUEUED, DISPATCHED (not signed for yet), SIGNED_FOR or CLOSED
 * @param routingMode how the department got it: AUTOMATIC, MANUAL, OVERRIDE, MEETING_DECISION or TRANSFER
 * @param queueReason why it waits for the dispatcher: NO_MATCHING_RULE, MANUAL_DISPATCH_REQUESTED or
 *     RETURNED_BY_DEPARTMENT
 * @param leaderId the leader responsible: took charge of it or was escalated to
 * @param signedWithinLimit whether the department signed for it by its sign-for due time
 * @param version the assignment's version: its ETag, to send back in If-Match
 */
public record AssignmentView(
        UUID appealId,
        String enterpriseId,
        String enterpriseName,
        boolean keyEnterprise,
        AppealCategory category,
        Urgency urgency,
        IndustryChainPosition chainPosition,
        String district,
        String status,
        String departmentId,
        String departmentName,
        String routingMode,
        UUID ruleId,
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
        String closedReason,
        Instant closedAt,
        Instant updatedAt,
        long version,
        List<SupervisionNoticeView> supervisionNotices) {

    AssignmentView withNotices(List<SupervisionNoticeView> notices) {
        return new AssignmentView(
                appealId,
                enterpriseId,
                enterpriseName,
                keyEnterprise,
                category,
                urgency,
                chainPosition,
                district,
                status,
                departmentId,
                departmentName,
                routingMode,
                ruleId,
                queueReason,
                leaderId,
                openedAt,
                queuedAt,
                dispatchDueAt,
                dispatchedAt,
                signForDueAt,
                signedForAt,
                signedBy,
                signedWithinLimit,
                closedReason,
                closedAt,
                updatedAt,
                version,
                notices);
    }
}
