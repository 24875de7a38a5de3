package cn.qinqing.oversight.query;

import cn.qinqing.oversight.directory.Directory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the oversight queries answer with. Times are UTC instants; durations in working time. */
public final class Views {

    private Views() {}

    /** Who holds an appeal, with the name people know. */
    public record HolderView(String kind, String id, String name) {}

    /** What an appeal is about. */
    public record AppealSummary(
            UUID appealId,
            String title,
            String enterpriseId,
            String enterpriseName,
            String category,
            String urgency,
            String source,
            String district,
            Instant filedAt) {}

    /** The due times in force, while they are owed. */
    public record Dues(Instant dispatch, Instant signFor, Instant firstContact, Instant resolution) {}

    /** Where an appeal stands at the instant asked about. */
    public record State(
            String status,
            HolderView holder,
            Integer round,
            String departmentId,
            String departmentName,
            String leaderInCharge,
            String responsibleLeader,
            boolean paused,
            Dues dues,
            List<OverdueItem> overdue) {}

    /**
     * An appeal's state as of an instant.
     *
     * @param calendar the working calendar the working times were counted by: each year's version in force then
     */
    public record AppealState(
            UUID appealId,
            Instant asOf,
            AppealSummary appeal,
            State state,
            List<Directory.CalendarVersion> calendar,
            Freshness freshness) {}

    /** One step of the timeline: the fact, who did it and why, and who held the appeal right after. */
    public record TimelineStep(
            long position,
            String eventId,
            String type,
            Instant at,
            Instant recordedAt,
            String actor,
            String role,
            String correlationId,
            String causationId,
            String departmentId,
            String leaderId,
            Integer round,
            Instant dueAt,
            Boolean flag,
            Integer rating,
            String kind,
            HolderView holderAfter,
            String statusAfter,
            Map<String, Object> details) {}

    /** A stretch one holder had the appeal and the working time charged to them. */
    public record HolderPeriodView(
            HolderView holder,
            Instant from,
            Instant to,
            boolean open,
            long workingMinutes,
            double workingHours,
            double workingDays) {}

    /** All the working time one holder had the appeal. */
    public record HolderTotal(
            HolderView holder, int periods, long workingMinutes, double workingHours, double workingDays) {}

    /**
     * The full timeline of an appeal as of an instant, with names and the chain of command as the directory had them
     * then.
     *
     * @param calendar the working calendar the working times were counted by: each year's version in force then
     */
    public record Timeline(
            UUID appealId,
            Instant asOf,
            AppealSummary appeal,
            State state,
            List<TimelineStep> steps,
            List<HolderPeriodView> holderPeriods,
            List<HolderTotal> holderTotals,
            List<Directory.CalendarVersion> calendar,
            Freshness freshness) {}

    /** Something past due, with who holds it and whom to escalate to. */
    public record OverdueItem(
            UUID appealId,
            String title,
            String enterpriseId,
            String enterpriseName,
            String kind,
            Instant dueAt,
            long overdueWorkingMinutes,
            double overdueWorkingDays,
            HolderView holder,
            String departmentId,
            String departmentName,
            String responsibleLeaderId,
            String escalateToLeaderId,
            String escalateToLeaderName,
            String noticeLeaderId) {}

    /** The overdue list. */
    public record OverdueList(Instant asOf, int count, List<OverdueItem> items, Freshness freshness) {}

    /** One appeal of an enterprise a liaison leader looks after. */
    public record LiaisonAppeal(
            UUID appealId,
            String enterpriseId,
            String enterpriseName,
            boolean keyEnterprise,
            String title,
            String category,
            String status,
            HolderView holder,
            Instant filedAt,
            Instant resolutionDue,
            List<String> overdue) {}

    /** A liaison leader's enterprises and their appeals. */
    public record LiaisonView(
            String leaderId,
            String leaderName,
            Instant asOf,
            List<String> enterprises,
            List<LiaisonAppeal> appeals,
            Freshness freshness) {}

    /** A breakfast meeting's action item and how its follow-up went. */
    public record ActionItemView(
            String meetingId,
            String actionItemId,
            UUID appealId,
            String title,
            String departmentId,
            String departmentName,
            String responsibleLeaderId,
            LocalDate dueOn,
            Instant closedAt,
            String cause,
            String status,
            String countedIn) {}
}
