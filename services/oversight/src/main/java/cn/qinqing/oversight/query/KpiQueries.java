package cn.qinqing.oversight.query;

import cn.qinqing.language.calendar.WorkingCalendar;
import cn.qinqing.oversight.directory.Chain;
import cn.qinqing.oversight.directory.Directory;
import cn.qinqing.oversight.directory.DirectorySnapshot;
import cn.qinqing.oversight.facts.AppealDimension;
import cn.qinqing.oversight.facts.Facts;
import cn.qinqing.oversight.history.ActionItem;
import cn.qinqing.oversight.history.AppealHistory;
import cn.qinqing.oversight.kpi.KpiRow;
import cn.qinqing.oversight.kpi.Kpis;
import cn.qinqing.oversight.kpi.Rate;
import cn.qinqing.oversight.query.Views.ActionItemView;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** KPIs and meeting follow-up, derived from the facts recorded by an instant. */
@Service
public class KpiQueries {

    /** The KPI rows with what was asked. */
    public record KpiAnswer(
            Instant asOf,
            YearMonth month,
            String department,
            String leader,
            String category,
            String district,
            Kpis.GroupBy groupBy,
            List<KpiRow> rows,
            List<Directory.CalendarVersion> calendar,
            Freshness freshness) {}

    /** Breakfast-meeting action items and the share closed on time. */
    public record FollowUp(
            Instant asOf, YearMonth month, Rate closedOnTime, List<ActionItemView> items, Freshness freshness) {}

    private final Histories histories;
    private final Facts facts;
    private final Directory directory;
    private final ReadModels readModels;

    KpiQueries(Histories histories, Facts facts, Directory directory, ReadModels readModels) {
        this.histories = histories;
        this.facts = facts;
        this.directory = directory;
        this.readModels = readModels;
    }

    /** The directory as recorded by the instant. */
    public DirectorySnapshot directory(Instant asOf) {
        return directory.snapshot(asOf);
    }

    public KpiAnswer kpis(
            YearMonth month,
            String department,
            String leader,
            String category,
            String district,
            Kpis.GroupBy groupBy,
            Instant asOf,
            Scope scope) {
        Freshness freshness = readModels.freshness();
        DirectorySnapshot snapshot = directory.snapshot(asOf);
        Chain leaderChain = leader == null ? null : snapshot.chainOf(leader, null);
        Kpis.Filter filter = new Kpis.Filter(month, department, leaderChain, category, district, scope.chain());
        List<KpiRow> rows = rows(filter, groupBy, asOf, snapshot);
        return new KpiAnswer(
                asOf,
                month,
                department,
                leader,
                category,
                district,
                groupBy,
                rows,
                directory.calendarVersions(asOf),
                freshness);
    }

    /**
     * The KPI rows for a filter, evaluated at the instant with the working calendar in force then (also what rankings
     * are made of); {@code snapshot} is the directory as of the instant.
     */
    public List<KpiRow> rows(Kpis.Filter filter, Kpis.GroupBy groupBy, Instant asOf, DirectorySnapshot snapshot) {
        WorkingCalendar calendar = directory.calendar(asOf);
        YearMonth month = filter.month();
        // one appeal at a time: only its counted units are kept, so memory follows the answer, not the store
        List<Kpis.Unit> units = new ArrayList<>();
        histories.touching(
                start(month),
                start(month == null ? null : month.plusMonths(1)),
                asOf,
                calendar,
                history -> Kpis.units(history, calendar).stream()
                        .filter(unit -> Kpis.mayPass(unit, filter))
                        .forEach(units::add));
        if (groupBy != Kpis.GroupBy.MONTH) {
            histories.unfinished(asOf, calendar, history -> Kpis.overdueUnits(history).stream()
                    .filter(unit -> Kpis.mayPass(unit, filter))
                    .forEach(units::add));
        }
        Map<UUID, AppealDimension> dimensions = Kpis.needsDimensions(filter, groupBy)
                ? facts.dimensions(units.stream().map(Kpis.Unit::appealId).collect(Collectors.toSet()))
                : Map.of();
        return Kpis.compute(units, dimensions, filter, groupBy, snapshot);
    }

    /** Action items counted in the month (or all), with the share closed on time. */
    public FollowUp followUp(YearMonth month, String department, String leader, Instant asOf, Scope scope) {
        Freshness freshness = readModels.freshness();
        WorkingCalendar calendar = directory.calendar(asOf);
        DirectorySnapshot snapshot = directory.snapshot(asOf);
        Chain leaderChain = leader == null ? null : snapshot.chainOf(leader, null);
        Kpis.Filter filter = new Kpis.Filter(month, department, leaderChain, null, null, scope.chain());
        long[] counts = new long[2]; // met, total
        List<ActionItemView> items = new ArrayList<>();
        histories.touching(start(month), start(month == null ? null : month.plusMonths(1)), asOf, calendar, history -> {
            if (history.actionItem().isEmpty()) {
                return;
            }
            ActionItem item = history.actionItem().get();
            List<Kpis.Unit> units = Kpis.units(history, calendar).stream()
                    .filter(unit -> unit.measure() == Kpis.Measure.FOLLOW_UP)
                    .filter(unit -> Kpis.passes(unit, null, filter))
                    .toList();
            for (Kpis.Unit unit : units) {
                counts[1]++;
                counts[0] += unit.met() ? 1 : 0;
            }
            String status = status(item, asOf);
            YearMonth countedIn = units.isEmpty() ? null : units.get(0).month();
            boolean listed = !units.isEmpty()
                    || (month == null || YearMonth.from(item.dueOn()).equals(month))
                            && (department == null || department.equals(item.departmentId()))
                            && (leaderChain == null || leaderChain.covers(item.departmentId(), leaders(history, item)))
                            && scope.covers(item.departmentId(), item.leaderId());
            if (listed) {
                items.add(new ActionItemView(
                        item.meetingId(),
                        item.actionItemId(),
                        history.appealId(),
                        item.title(),
                        item.departmentId(),
                        item.departmentId() == null ? null : snapshot.departmentName(item.departmentId()),
                        item.leaderId(),
                        item.dueOn(),
                        item.closedAt(),
                        item.cause(),
                        status,
                        countedIn == null ? null : countedIn.toString()));
            }
        });
        items.sort(Comparator.comparing(ActionItemView::dueOn, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(ActionItemView::actionItemId, Comparator.nullsLast(Comparator.naturalOrder())));
        return new FollowUp(asOf, month, Rate.of(counts[0], counts[1]), items, freshness);
    }

    private static List<String> leaders(AppealHistory history, ActionItem item) {
        List<String> leaders = new ArrayList<>();
        leaders.add(item.leaderId());
        leaders.add(history.leaderInCharge());
        return leaders;
    }

    private static String status(ActionItem item, Instant asOf) {
        if (item.closed()) {
            if (ActionItem.WITHDRAWN.equals(item.cause())) {
                return "WITHDRAWN";
            }
            return item.dueAt() == null || item.closedAt().isBefore(item.dueAt()) ? "ON_TIME" : "LATE";
        }
        return item.dueAt() != null && !item.dueAt().isAfter(asOf) ? "OVERDUE" : "OPEN";
    }

    /** The first instant of the month in the city's time zone; null for null. */
    public static Instant start(YearMonth month) {
        return month == null
                ? null
                : month.atDay(1).atStartOfDay(WorkingCalendar.ZONE).toInstant();
    }
}
