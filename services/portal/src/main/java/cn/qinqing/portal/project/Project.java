package cn.qinqing.portal.project;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Key projects as the projects API answers them (port 8087). */
public final class Project {

    private Project() {}

    public record View(
            UUID projectId,
            String name,
            List<String> enterpriseIds,
            String chainLink,
            BigDecimal investmentCny,
            BigDecimal capacityAmount,
            String capacityUnit,
            String site,
            String leaderId,
            String departmentId,
            LocalDate signedOn,
            String status,
            LocalDate statusReachedOn,
            LocalDate commissioningPlannedOn,
            String next,
            LocalDate nextPlannedOn,
            boolean overdue,
            int openBlockers,
            long version) {

        /** The investment in 亿元 (hundred millions of yuan), as the city reports it. */
        public BigDecimal investmentYi() {
            return investmentCny.movePointLeft(8).setScale(2, java.math.RoundingMode.HALF_UP);
        }
    }

    public record Milestone(
            String milestone,
            LocalDate plannedOn,
            LocalDate reachedOn,
            String note,
            String recordedBy,
            Instant escalatedAt,
            boolean overdue,
            Boolean onSchedule) {}

    public record Progress(String note, String notedBy, Instant notedAt) {}

    public record Blocker(
            UUID blockerId,
            UUID projectId,
            UUID appealId,
            String enterpriseId,
            String title,
            String category,
            String urgency,
            String raisedBy,
            Instant raisedAt,
            String appealStatus,
            Instant closedAt,
            boolean open) {}

    public record Details(
            LocalDate asOf,
            View project,
            List<Milestone> milestones,
            List<Progress> progress,
            List<Blocker> blockers) {}

    public record Speed(
            LocalDate asOf,
            List<ProjectSpeed> projects,
            BigDecimal averageDaysToConstruction,
            BigDecimal averageDaysToCommissioning,
            List<Rate> byLeader,
            List<Rate> byDepartment) {}

    public record ProjectSpeed(
            UUID projectId, String name, String chainLink, Long daysToConstruction, Long daysToCommissioning) {}

    public record Rate(String id, int projects, int due, int onSchedule, BigDecimal rate) {}
}
