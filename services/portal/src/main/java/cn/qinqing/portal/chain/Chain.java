package cn.qinqing.portal.chain;

import cn.qinqing.portal.oversight.Oversight;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The causal chain of an appeal as the oversight API answers it ({@code GET /api/oversight/appeals/{id}/chain}): the
 * topic and who raised it, the meeting, the decision, the action item, the appeal and its timeline, the case-file
 * rounds and the outcome. The meeting's parts are null for an appeal not born of a meeting.
 */
public record Chain(
        UUID appealId,
        Instant asOf,
        Meeting meeting,
        Topic topic,
        Decision decision,
        ActionItem actionItem,
        Oversight.AppealSummary appeal,
        Oversight.State state,
        List<Oversight.Step> timeline,
        List<CaseFile> caseFiles,
        Outcome outcome,
        Oversight.Freshness freshness) {

    public record Meeting(
            UUID meetingId,
            String theme,
            String hostLeaderId,
            String hostLeaderName,
            String venue,
            Instant startsAt,
            boolean minutesPublished,
            Instant closedAt) {}

    public record Topic(
            int agendaPosition,
            String agendaTitle,
            UUID topicId,
            String title,
            String description,
            String raisedByEnterpriseId,
            String raisedByEnterpriseName,
            Instant proposedAt) {}

    public record Decision(int agendaPosition, int number, String text, String summary) {}

    public record ActionItem(
            UUID actionItemId,
            String title,
            String description,
            String ownerDepartmentId,
            String ownerDepartmentName,
            String responsibleLeaderId,
            String responsibleLeaderName,
            LocalDate dueOn,
            Instant raisedAt,
            Instant closedAt,
            String closedBecause,
            boolean overdue) {}

    public record CaseFile(
            int round,
            String departmentId,
            String departmentName,
            Instant openedAt,
            Instant resolutionDueAt,
            Instant submittedAt,
            String outcome,
            Boolean onTime) {}

    public record Outcome(
            String status,
            String outcome,
            String answer,
            Instant answeredAt,
            Integer rating,
            String signedOffBy,
            String signedOffByName,
            Instant signedOffAt,
            Instant closedAt) {}
}
