package cn.qinqing.meetings.meeting.query;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.Urgency;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An action item and the live status of the appeal it became.
 *
 * @param status RAISED (no appeal seen yet), FILED, DISPATCHED, SIGNED_FOR, ANSWERED, CLOSED or WITHDRAWN
 * @param holdingDepartmentId the department that holds the appeal now, once dispatched
 * @param routedElsewhere whether another department than the owner the meeting named holds the appeal (the assignment
 *     service dispatches it to the owner, unless its directory does not know that department; a transfer moves it)
 * @param overdue open after its due date (Asia/Shanghai)
 * @param closedOnTime for a closed item, whether it closed by its due date (Asia/Shanghai); null while open
 */
public record ActionItemView(
        UUID id,
        UUID meetingId,
        UUID appealId,
        int agendaPosition,
        int decision,
        String enterpriseId,
        String ownerDepartmentId,
        String responsibleLeaderId,
        LocalDate dueOn,
        String title,
        String description,
        AppealCategory category,
        Urgency urgency,
        Instant raisedAt,
        String status,
        String holdingDepartmentId,
        boolean routedElsewhere,
        Instant closedAt,
        boolean overdue,
        Boolean closedOnTime) {

    public boolean isClosed() {
        return "CLOSED".equals(status) || "WITHDRAWN".equals(status);
    }
}
