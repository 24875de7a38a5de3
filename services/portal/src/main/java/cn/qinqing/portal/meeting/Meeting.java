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

    /** One item of the agenda: a time slot, the department that answers for it, the accepted topic it discusses. */
    public record AgendaItem(
            int position, String title, Instant startsAt, Instant endsAt, String departmentId, UUID topicId) {}

    /**
     * The agenda in force and every revision (1 as published; each change with its reason), so that changes after
     * publication are visible.
     */
    public record Agenda(int revision, List<AgendaItem> items, List<AgendaRevision> history) {

        public Agenda {
            items = items == null ? List.of() : List.copyOf(items);
            history = history == null ? List.of() : List.copyOf(history);
        }

        /** The revisions after the first, newest first: what changed after publication, and why. */
        public List<AgendaRevision> changes() {
            return history.stream()
                    .filter(revision -> revision.revision() > 1)
                    .sorted(java.util.Comparator.comparingInt(AgendaRevision::revision)
                            .reversed())
                    .toList();
        }

        public AgendaItem item(int position) {
            return items.stream()
                    .filter(item -> item.position() == position)
                    .findFirst()
                    .orElse(null);
        }
    }

    public record AgendaRevision(int revision, List<AgendaItem> items, String reason, Instant changedAt) {}

    /** Who attended (出席): enterprises by USCC, departments and leaders by their directory ids. */
    public record Attendance(List<String> enterpriseIds, List<String> departmentIds, List<String> leaderIds) {

        public Attendance {
            enterpriseIds = enterpriseIds == null ? List.of() : List.copyOf(enterpriseIds);
            departmentIds = departmentIds == null ? List.of() : List.copyOf(departmentIds);
            leaderIds = leaderIds == null ? List.of() : List.copyOf(leaderIds);
        }
    }

    /** What was said on one agenda item and the decisions taken (议定事项), numbered from 1. */
    public record MinutesItem(int agendaPosition, String summary, List<String> decisions) {

        public MinutesItem {
            decisions = decisions == null ? List.of() : List.copyOf(decisions);
        }
    }

    /**
     * The minutes (纪要) as they stand, the latest correction applied, and every correction made after publication.
     *
     * @param status DRAFT or PUBLISHED
     */
    public record Minutes(
            String status,
            Attendance attendance,
            List<MinutesItem> items,
            Instant draftedAt,
            Instant publishedAt,
            List<Correction> corrections) {

        public Minutes {
            items = items == null ? List.of() : List.copyOf(items);
            corrections = corrections == null ? List.of() : List.copyOf(corrections);
        }

        public boolean published() {
            return "PUBLISHED".equals(status);
        }

        /** The corrections, newest first. */
        public List<Correction> correctionsNewestFirst() {
            return corrections.stream()
                    .sorted(java.util.Comparator.comparingInt(Correction::correction)
                            .reversed())
                    .toList();
        }
    }

    public record Correction(
            int correction, Attendance attendance, List<MinutesItem> items, String reason, Instant correctedAt) {}

    /**
     * How well the decisions are followed up (落实情况).
     *
     * @param followUpRate closed items over all items, 0 to 1 (1 when there are none)
     */
    public record FollowUp(
            String meetingStatus,
            int actionItems,
            int closed,
            int open,
            double followUpRate,
            List<ActionItem> overdue) {

        public FollowUp {
            overdue = overdue == null ? List.of() : List.copyOf(overdue);
        }

        /** The rate as a whole percentage, for people. */
        public long percent() {
            return Math.round(followUpRate * 100);
        }
    }

    /**
     * A decision that became an appeal, with its live status (from the appeals and resolution events).
     *
     * @param closedOnTime for a closed item, whether it closed by its due date; null while open
     */
    public record ActionItem(
            UUID id,
            UUID appealId,
            int agendaPosition,
            int decision,
            String enterpriseId,
            String ownerDepartmentId,
            String responsibleLeaderId,
            java.time.LocalDate dueOn,
            String title,
            String status,
            String holdingDepartmentId,
            boolean routedElsewhere,
            boolean overdue,
            Boolean closedOnTime) {}

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
