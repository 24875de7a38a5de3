package cn.qinqing.portal.oversight;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A what-if run of the oversight service, as far as the supervisor's page shows it (other fields are ignored). */
public final class WhatIf {

    private WhatIf() {}

    public record Job(
            UUID jobId,
            String state,
            String requestedBy,
            Instant requestedAt,
            String from,
            String to,
            Progress progress,
            Result result,
            String error) {

        public boolean done() {
            return "DONE".equals(state) || "FAILED".equals(state);
        }
    }

    public record Progress(long done, Long total, int percent) {}

    public record Result(
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
            boolean overdueTruncated) {}

    public record Comparison(
            String key, String label, Oversight.KpiRow asWas, Oversight.KpiRow wouldBe, Difference difference) {}

    public record Difference(
            Double responseRate,
            Double onTimeResolutionRate,
            Double satisfactionRate,
            Long overdueAtEnd,
            Double score) {}

    public record Place(
            String departmentId,
            String departmentName,
            Integer rankWas,
            Integer rankWouldBe,
            Double scoreWas,
            Double scoreWouldBe) {}

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

    public record OverdueChange(
            UUID appealId,
            String title,
            String kind,
            String departmentId,
            String departmentName,
            Instant dueAt,
            boolean overdueAsWas,
            boolean overdueWouldBe) {}

    /** One year of the working calendar as the resolution service shows it (for the proposal's starting point). */
    public record CalendarYear(int year, List<Holiday> holidays, List<String> makeUpWorkingDays) {}

    public record Holiday(String name, String from, String to) {}
}
