package cn.qinqing.portal.oversight;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the oversight API answers, as far as the supervisor's pages show it (other fields are ignored). */
public final class Oversight {

    private Oversight() {}

    /** How fresh a read model is: the position handled against the head of the event store. */
    public record Freshness(Long position, long head, boolean caughtUp, boolean replaying) {}

    public record Rate(long met, long total, Double rate) {}

    public record Satisfaction(long satisfied, long rated, Double rate, Double averageRating, long notRated) {}

    public record Reopen(long reopened, long answered, Double rate) {}

    public record Handling(long resolved, Double averageWorkingDays) {}

    /** One row of KPIs: a department, a month, … (by the grouping asked for). */
    public record KpiRow(
            String key,
            String label,
            Rate response,
            Rate onTimeResolution,
            Satisfaction satisfaction,
            Reopen reopen,
            Handling handling,
            Long overdueNow) {}

    public record KpiAnswer(Instant asOf, List<KpiRow> rows, Freshness freshness) {}

    public record HolderView(String kind, String id, String name) {}

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

    public record State(
            String status,
            HolderView holder,
            Integer round,
            String departmentId,
            String departmentName,
            String leaderInCharge,
            String responsibleLeader,
            boolean paused) {}

    public record Step(
            long position,
            String type,
            Instant at,
            Instant recordedAt,
            String actor,
            String role,
            String departmentId,
            String leaderId,
            Integer rating,
            HolderView holderAfter,
            String statusAfter,
            Map<String, Object> details) {

        /** A step without the instant the event store recorded it (as pages built before issue 22 make them). */
        public Step(
                long position,
                String type,
                Instant at,
                String actor,
                String role,
                String departmentId,
                String leaderId,
                Integer rating,
                HolderView holderAfter,
                String statusAfter,
                Map<String, Object> details) {
            this(
                    position,
                    type,
                    at,
                    null,
                    actor,
                    role,
                    departmentId,
                    leaderId,
                    rating,
                    holderAfter,
                    statusAfter,
                    details);
        }
    }

    /** Whose eyes an as-seen view is through (issue 22). */
    public record Seen(String viewer, String who, String department) {}

    public record AsSeen(
            UUID appealId,
            Instant asOf,
            Seen seenBy,
            boolean visible,
            String reason,
            String status,
            HolderView holder,
            List<Step> steps,
            Freshness freshness) {}

    public record ReadLogEntry(
            Instant readAt,
            String service,
            String actor,
            String role,
            String enterpriseId,
            String departmentId,
            String what,
            String route,
            UUID appealId,
            String format,
            String correlationId) {}

    public record ReadLog(UUID appeal, String actor, List<ReadLogEntry> entries) {}

    public record HolderPeriod(HolderView holder, Instant from, Instant to, boolean open, double workingDays) {}

    public record HolderTotal(HolderView holder, int periods, double workingHours, double workingDays) {}

    public record Timeline(
            UUID appealId,
            Instant asOf,
            AppealSummary appeal,
            State state,
            List<Step> steps,
            List<HolderPeriod> holderPeriods,
            List<HolderTotal> holderTotals,
            Freshness freshness) {}

    public record OverdueItem(
            UUID appealId,
            String title,
            String enterpriseName,
            String kind,
            Instant dueAt,
            double overdueWorkingDays,
            HolderView holder,
            String departmentId,
            String departmentName,
            String escalateToLeaderId,
            String escalateToLeaderName) {}

    public record OverdueList(Instant asOf, int count, List<OverdueItem> items, Freshness freshness) {}

    public record RankingEntry(String departmentId, String departmentName, Integer rank, Double score, KpiRow kpis) {}

    public record Ranking(String month, Instant asOf, Instant frozenAt, List<RankingEntry> entries) {}

    public record Difference(
            String departmentId,
            String departmentName,
            Integer reportedRank,
            Integer recomputedRank,
            Integer rankChange,
            Double reportedScore,
            Double recomputedScore,
            Double scoreChange) {}

    public record RankingComparison(
            String month, Ranking reported, Ranking recomputed, List<Difference> differences, Freshness freshness) {}

    public record Months(List<String> frozenMonths, Freshness freshness) {}

    /** The replay's control row: IDLE, STOPPING (processors stopping), RESET (rebuilding). */
    public record ReplayControl(long generation, String state, String requestedBy, Instant requestedAt) {}

    /** A replay and how far the rebuilt read models got against the head of the event store. */
    public record ReplayProgress(ReplayControl control, boolean done, Freshness freshness) {

        /** 0–100: events handled of the store's head. */
        public int percent() {
            if (done || freshness == null || freshness.head() == 0) {
                return done ? 100 : 0;
            }
            long position = freshness.position() == null ? 0 : freshness.position();
            return (int) Math.max(0, Math.min(100, position * 100 / freshness.head()));
        }
    }
}
