package cn.qinqing.oversight.whatif;

import cn.qinqing.language.calendar.WorkingCalendar;
import cn.qinqing.oversight.directory.DirectorySnapshot;
import cn.qinqing.oversight.history.AppealDimension;
import cn.qinqing.oversight.history.AppealHistory;
import cn.qinqing.oversight.history.Obligation;
import cn.qinqing.oversight.history.Overdue;
import cn.qinqing.oversight.kpi.KpiRow;
import cn.qinqing.oversight.kpi.Kpis;
import cn.qinqing.oversight.ranking.Ranking;
import cn.qinqing.oversight.ranking.Rankings;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Collects, appeal by appeal, the counted units of both sides — the history as it was and as it would have been,
 * folded by the same {@link AppealHistory} and cut by the same {@link Kpis} as every KPI answer — and makes the
 * comparison of them. Only units (small records) are kept, never histories: memory follows the answer. Pure.
 */
final class WhatIfComparison {

    private final YearMonth from;
    private final YearMonth to;
    private final Instant asOf;
    private final DirectorySnapshot directory;
    private final List<Kpis.Unit> asWas = new ArrayList<>();
    private final List<Kpis.Unit> wouldBe = new ArrayList<>();
    private final Set<UUID> appeals = new HashSet<>();
    private final List<WhatIfResult.ChangedOutcome> changed = new ArrayList<>();
    private final List<WhatIfResult.OverdueChange> overdue = new ArrayList<>();
    private boolean changedTruncated;
    private boolean overdueTruncated;

    WhatIfComparison(YearMonth from, YearMonth to, Instant asOf, DirectorySnapshot directory) {
        this.from = from;
        this.to = to;
        this.asOf = asOf;
        this.directory = directory;
    }

    /** An appeal the period touches: its units counted in the period, both ways, and its changed verdicts. */
    void counted(AppealHistory was, WorkingCalendar real, AppealHistory would, WorkingCalendar proposed) {
        appeals.add(was.appealId());
        Kpis.units(was, real).stream().filter(this::inPeriod).forEach(asWas::add);
        Kpis.units(would, proposed).stream().filter(this::inPeriod).forEach(wouldBe::add);
        List<Obligation> before = was.obligations();
        List<Obligation> after = would.obligations();
        for (int i = 0; i < Math.min(before.size(), after.size()); i++) {
            Obligation one = before.get(i);
            Obligation other = after.get(i);
            String verdictWas = verdict(one);
            String verdictWouldBe = verdict(other);
            if (verdictWas.equals(verdictWouldBe) || !(inPeriod(countedIn(one)) || inPeriod(countedIn(other)))) {
                continue;
            }
            if (changed.size() >= WhatIfResult.LIST_LIMIT) {
                changedTruncated = true;
                continue;
            }
            changed.add(new WhatIfResult.ChangedOutcome(
                    was.appealId(),
                    was.title(),
                    one.kind().name(),
                    one.round(),
                    one.departmentId(),
                    one.departmentId() == null ? null : directory.departmentName(one.departmentId()),
                    one.dueAt(),
                    other.dueAt(),
                    one.end() == Obligation.End.DONE ? one.endedAt() : null,
                    verdictWas,
                    verdictWouldBe));
        }
    }

    /** An appeal unfinished at the period's end: what is overdue then, both ways. */
    void unfinished(AppealHistory was, AppealHistory would) {
        appeals.add(was.appealId());
        asWas.addAll(Kpis.overdueUnits(was));
        wouldBe.addAll(Kpis.overdueUnits(would));
        Map<String, Overdue> before = byItem(was.overdue());
        Map<String, Overdue> after = byItem(would.overdue());
        Set<String> items = new TreeSet<>(before.keySet());
        items.addAll(after.keySet());
        for (String item : items) {
            if (before.containsKey(item) == after.containsKey(item)) {
                continue;
            }
            if (overdue.size() >= WhatIfResult.LIST_LIMIT) {
                overdueTruncated = true;
                continue;
            }
            Overdue one = before.containsKey(item) ? before.get(item) : after.get(item);
            overdue.add(new WhatIfResult.OverdueChange(
                    was.appealId(),
                    was.title(),
                    one.kind().name(),
                    one.departmentId(),
                    one.departmentId() == null ? null : directory.departmentName(one.departmentId()),
                    one.dueAt(),
                    before.containsKey(item),
                    after.containsKey(item)));
        }
    }

    Set<UUID> appeals() {
        return Set.copyOf(appeals);
    }

    /** The comparison, with what the appeals are about (for the rows per category). */
    WhatIfResult result(Map<UUID, AppealDimension> dimensions) {
        Kpis.Filter everything = Kpis.Filter.everything();
        List<KpiRow> departmentsWas = Kpis.compute(asWas, dimensions, everything, Kpis.GroupBy.DEPARTMENT, directory);
        List<KpiRow> departmentsWouldBe =
                Kpis.compute(wouldBe, dimensions, everything, Kpis.GroupBy.DEPARTMENT, directory);
        List<WhatIfResult.Place> ranking =
                ranking(Rankings.entries(departmentsWas, directory), Rankings.entries(departmentsWouldBe, directory));
        changed.sort(Comparator.comparing(
                WhatIfResult.ChangedOutcome::dueWas, Comparator.nullsLast(Comparator.naturalOrder())));
        overdue.sort(Comparator.comparing(
                WhatIfResult.OverdueChange::dueAt, Comparator.nullsLast(Comparator.naturalOrder())));
        return new WhatIfResult(
                asOf,
                appeals.size(),
                compare(Kpis.GroupBy.NONE, dimensions).get(0),
                join(departmentsWas, departmentsWouldBe),
                compare(Kpis.GroupBy.LEADER, dimensions),
                compare(Kpis.GroupBy.CATEGORY, dimensions),
                ranking,
                List.copyOf(changed),
                changedTruncated,
                List.copyOf(overdue),
                overdueTruncated);
    }

    private List<WhatIfResult.Comparison> compare(Kpis.GroupBy groupBy, Map<UUID, AppealDimension> dimensions) {
        Kpis.Filter everything = Kpis.Filter.everything();
        return join(
                Kpis.compute(asWas, dimensions, everything, groupBy, directory),
                Kpis.compute(wouldBe, dimensions, everything, groupBy, directory));
    }

    private static List<WhatIfResult.Comparison> join(List<KpiRow> was, List<KpiRow> would) {
        Map<String, KpiRow> before = new LinkedHashMap<>();
        was.forEach(row -> before.put(row.key(), row));
        Map<String, KpiRow> after = new LinkedHashMap<>();
        would.forEach(row -> after.put(row.key(), row));
        Set<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<WhatIfResult.Comparison> rows = new ArrayList<>();
        for (String key : keys) {
            KpiRow one = before.get(key);
            KpiRow other = after.get(key);
            String label = one != null ? one.label() : other.label();
            rows.add(new WhatIfResult.Comparison(key, label, one, other, difference(one, other)));
        }
        return rows;
    }

    private static WhatIfResult.Difference difference(KpiRow was, KpiRow would) {
        if (was == null || would == null) {
            return new WhatIfResult.Difference(null, null, null, null, null);
        }
        return new WhatIfResult.Difference(
                minus(would.response().rate(), was.response().rate(), 4),
                minus(would.onTimeResolution().rate(), was.onTimeResolution().rate(), 4),
                minus(would.satisfaction().rate(), was.satisfaction().rate(), 4),
                was.overdueNow() == null || would.overdueNow() == null ? null : would.overdueNow() - was.overdueNow(),
                minus(would.score(), was.score(), 2));
    }

    private static Double minus(Double would, Double was, int decimals) {
        return would == null || was == null ? null : Kpis.round(would - was, decimals);
    }

    private static List<WhatIfResult.Place> ranking(List<Ranking.Entry> was, List<Ranking.Entry> would) {
        Map<String, Ranking.Entry> before = new LinkedHashMap<>();
        was.forEach(entry -> before.put(entry.departmentId(), entry));
        Map<String, Ranking.Entry> after = new LinkedHashMap<>();
        would.forEach(entry -> after.put(entry.departmentId(), entry));
        Set<String> departments = new java.util.LinkedHashSet<>(after.keySet());
        departments.addAll(before.keySet());
        List<WhatIfResult.Place> places = new ArrayList<>();
        for (String department : departments) {
            Ranking.Entry one = before.get(department);
            Ranking.Entry other = after.get(department);
            places.add(new WhatIfResult.Place(
                    department,
                    one != null ? one.departmentName() : other.departmentName(),
                    one == null ? null : one.rank(),
                    other == null ? null : other.rank(),
                    one == null ? null : one.score(),
                    other == null ? null : other.score()));
        }
        places.sort(
                Comparator.comparing(WhatIfResult.Place::rankWouldBe, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(WhatIfResult.Place::departmentId));
        return places;
    }

    private boolean inPeriod(Kpis.Unit unit) {
        return unit.month() == null ? unit.measure() == Kpis.Measure.OVERDUE : inPeriod(unit.month());
    }

    private boolean inPeriod(YearMonth month) {
        return month != null && !month.isBefore(from) && !month.isAfter(to);
    }

    /** The verdict on something owed, judged at the instant its history was evaluated at (as {@link Kpis} counts). */
    private String verdict(Obligation obligation) {
        return switch (obligation.end()) {
            case DONE -> obligation.inTime() ? "ON_TIME" : "OVERDUE";
            case OPEN ->
                !obligation.pausedNow()
                                && obligation.dueAt() != null
                                && obligation.dueAt().isBefore(asOf)
                        ? "OVERDUE"
                        : "NOT_DUE";
            case SUPERSEDED ->
                obligation.dueAt() != null && obligation.endedAt().isAfter(obligation.dueAt()) ? "OVERDUE" : "NOT_DUE";
        };
    }

    private static YearMonth countedIn(Obligation obligation) {
        Instant at = obligation.end() == Obligation.End.DONE ? obligation.endedAt() : obligation.dueAt();
        return at == null ? null : YearMonth.from(at.atZone(WorkingCalendar.ZONE));
    }

    private static Map<String, Overdue> byItem(List<Overdue> items) {
        Map<String, Overdue> byItem = new LinkedHashMap<>();
        items.forEach(item ->
                byItem.put(item.kind() + "/" + Objects.toString(item.departmentId()) + "/" + item.relatedId(), item));
        return byItem;
    }
}
