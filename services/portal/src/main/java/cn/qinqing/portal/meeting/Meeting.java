package cn.qinqing.portal.meeting;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the meetings API shows of breakfast meetings (早餐会), as far as the pages use it. */
public final class Meeting {

    private Meeting() {}

    public record View(
            UUID id,
            String hostLeaderId,
            String theme,
            String venue,
            Instant startsAt,
            Instant endsAt,
            int capacity,
            List<String> departmentIds,
            Instant topicCutOffAt,
            String status,
            long version) {

        public boolean topicsOpen(Instant now) {
            return topicCutOffAt != null && now.isBefore(topicCutOffAt);
        }
    }

    public record Invitation(
            UUID meetingId, String enterpriseId, String enterpriseName, String status, String declineReason) {

        public boolean isOpen() {
            return "SENT".equals(status) || "INVITED".equals(status) || "PENDING".equals(status);
        }
    }

    public record Details(View meeting, List<Invitation> invitations) {}

    public record AgendaItem(int position, String title, Instant startsAt, Instant endsAt, String departmentId) {}

    public record Agenda(int revision, List<AgendaItem> items) {}

    /** A decision that became an appeal, with its live status (from the appeals and resolution events). */
    public record ActionItem(
            UUID id,
            UUID appealId,
            String enterpriseId,
            String ownerDepartmentId,
            String responsibleLeaderId,
            java.time.LocalDate dueOn,
            String title,
            String status,
            boolean overdue) {}

    public record Topic(
            UUID id,
            UUID meetingId,
            String enterpriseId,
            String title,
            String description,
            UUID linkedAppealId,
            String status,
            String declineReason,
            Instant proposedAt) {}
}
