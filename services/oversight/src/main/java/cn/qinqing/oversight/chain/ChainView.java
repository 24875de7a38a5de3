package cn.qinqing.oversight.chain;

import cn.qinqing.oversight.reading.Freshness;
import cn.qinqing.oversight.timeline.TimelineViews;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The causal chain of an appeal, as of an instant: the topic an enterprise raised, the meeting, the decision in its
 * minutes, the action item made of it, the appeal with its timeline, the case files and the outcome. For an appeal not
 * born of a meeting the meeting's links are null and the chain starts at the appeal.
 */
public record ChainView(
        UUID appealId,
        Instant asOf,
        Meeting meeting,
        Topic topic,
        Decision decision,
        ActionItem actionItem,
        TimelineViews.AppealSummary appeal,
        TimelineViews.State state,
        List<TimelineViews.TimelineStep> timeline,
        List<CaseFile> caseFiles,
        Outcome outcome,
        Freshness freshness) {

    /** The breakfast meeting; theme, host and time are null when its scheduling is not known. */
    public record Meeting(
            UUID meetingId,
            String theme,
            String hostLeaderId,
            String hostLeaderName,
            String venue,
            Instant startsAt,
            boolean minutesPublished,
            Instant closedAt) {}

    /** The agenda item the decision was taken under and, when an enterprise proposed it, the topic and who did. */
    public record Topic(
            int agendaPosition,
            String agendaTitle,
            UUID topicId,
            String title,
            String description,
            String raisedByEnterpriseId,
            String raisedByEnterpriseName,
            Instant proposedAt) {}

    /** The decision in the minutes in force: the agenda item's summary and decision {@code number} (1-based). */
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

    /** One round of the case file (办件) in a department: opened, due, answered. */
    public record CaseFile(
            int round,
            String departmentId,
            String departmentName,
            Instant openedAt,
            Instant resolutionDueAt,
            Instant submittedAt,
            String outcome,
            Boolean onTime) {}

    /** How it ended, so far: the latest answer, the enterprise's rating, the close-out (销号) and its closing. */
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
