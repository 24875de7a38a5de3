package cn.qinqing.oversight.whatif;

import cn.qinqing.oversight.kpi.KpiRow;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a what-if run answers: the period's KPIs as they were and as they would have been under the proposal, side by
 * side with the difference, per department, leader and category; the ranking both ways; the appeals whose outcome
 * changes (on time ↔ overdue); and what was overdue at the period's end in one of the two and not the other.
 *
 * @param asOf the instant both sides are judged at: the period's end, or the run's start if the period has not ended
 * @param appeals how many appeals were replayed
 */
public record WhatIfResult(
        Instant asOf,
        long appeals,
        Comparison overall,
        List<Comparison> departments,
        List<Comparison> leaders,
        List<Comparison> categories,
        List<Place> ranking,
        List<ChangedOutcome> changedOutcomes,
        boolean changedOutcomesTruncated,
        List<OverdueChange> overdue,
        boolean overdueTruncated) {

    /** The most changed outcomes and overdue items an answer lists (the counts in the rows are complete). */
    static final int LIST_LIMIT = 500;

    /** One group's KPIs both ways; a side is null when the group counted nothing on it. */
    public record Comparison(String key, String label, KpiRow asWas, KpiRow wouldBe, Difference difference) {}

    /**
     * Would be minus as was; null where either side has nothing counted.
     *
     * @param score the ranking score (mean of the three rates × 100)
     */
    public record Difference(
            Double responseRate,
            Double onTimeResolutionRate,
            Double satisfactionRate,
            Long overdueAtEnd,
            Double score) {}

    /** A department's place in the ranking both ways (1 is best; null without a score). */
    public record Place(
            String departmentId,
            String departmentName,
            Integer rankWas,
            Integer rankWouldBe,
            Double scoreWas,
            Double scoreWouldBe) {}

    /**
     * Something owed whose verdict changes under the proposal.
     *
     * @param kind SIGN_FOR or RESOLUTION
     * @param doneAt when it was signed for or answered; null if it was not by the period's end
     * @param was ON_TIME, OVERDUE or NOT_DUE (not counted yet)
     */
    public record ChangedOutcome(
            UUID appealId,
            String title,
            String kind,
            Integer round,
            String departmentId,
            String departmentName,
            Instant dueWas,
            Instant dueWouldBe,
            Instant doneAt,
            String was,
            String wouldBe) {}

    /** An item past due at the period's end on one side only. */
    public record OverdueChange(
            UUID appealId,
            String title,
            String kind,
            String departmentId,
            String departmentName,
            Instant dueAt,
            boolean overdueAsWas,
            boolean overdueWouldBe) {}
}
