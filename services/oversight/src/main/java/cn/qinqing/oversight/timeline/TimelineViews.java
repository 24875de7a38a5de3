package cn.qinqing.oversight.timeline;

import cn.qinqing.oversight.directory.Directory;
import cn.qinqing.oversight.overdue.OverdueQueries.OverdueItem;
import cn.qinqing.oversight.reading.Freshness;
import cn.qinqing.oversight.reading.HolderView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the timeline and the appeal's state answer with. Times are UTC instants; durations in working time. */
public final class TimelineViews {

    private TimelineViews() {}

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
}
