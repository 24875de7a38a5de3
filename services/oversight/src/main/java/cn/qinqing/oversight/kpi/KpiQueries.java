package cn.qinqing.oversight.kpi;

import cn.qinqing.language.calendar.WorkingCalendar;
import cn.qinqing.oversight.directory.Chain;
import cn.qinqing.oversight.directory.Directory;
import cn.qinqing.oversight.directory.DirectorySnapshot;
import cn.qinqing.oversight.eventlog.AppealEventLog;
import cn.qinqing.oversight.history.AppealDimension;
import cn.qinqing.oversight.reading.Freshness;
import cn.qinqing.oversight.reading.ReadModels;
import cn.qinqing.oversight.reading.Scope;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** KPIs derived from the events recorded by an instant (also what rankings and the follow-up count with). */
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

    private final AppealEventLog events;
    private final Directory directory;
    private final ReadModels readModels;
    private final SettledUnitQueries settled;

    KpiQueries(AppealEventLog events, Directory directory, ReadModels readModels, SettledUnitQueries settled) {
        this.events = events;
        this.directory = directory;
        this.readModels = readModels;
        this.settled = settled;
    }

    /** The directory and working calendar as recorded by the instant: one look, for one read. */
    public Directory.View directory(Instant asOf) {
        return directory.at(asOf);
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
        Directory.View known = directory.at(asOf);
        Chain leaderChain = leader == null ? null : known.snapshot().chainOf(leader, null);
        Kpis.Filter filter = new Kpis.Filter(month, department, leaderChain, category, district, scope.chain());
        List<KpiRow> rows = rows(filter, groupBy, asOf, known);
        return new KpiAnswer(
                asOf,
                month,
                department,
                leader,
                category,
                district,
                groupBy,
                rows,
                known.calendarVersions(),
                freshness);
    }

    /**
     * The KPI rows for a filter, evaluated at the instant with the working calendar in force then (also what rankings
     * are made of); {@code known} is the directory and calendar as of the instant ({@link #directory}).
     */
    public List<KpiRow> rows(Kpis.Filter filter, Kpis.GroupBy groupBy, Instant asOf, Directory.View known) {
        DirectorySnapshot snapshot = known.snapshot();
        WorkingCalendar calendar = known.calendar();
        YearMonth month = filter.month();
        // one appeal at a time, and a settled appeal's units are folded once and kept. Without a category or district
        // to know, each unit is counted at once and memory follows the groups; with one, the units that may count
        // are gathered first and their appeals' dimensions read in one go
        boolean gather = Kpis.needsDimensions(filter, groupBy);
        Kpis.Tally tally = new Kpis.Tally(filter, groupBy, snapshot);
        List<Kpis.Unit> units = new ArrayList<>();
        Consumer<Kpis.Unit> each = unit -> {
            if (!Kpis.mayPass(unit, filter)) {
                return;
            }
            if (gather) {
                units.add(unit);
            } else {
                tally.add(unit, null);
            }
        };
        List<Directory.CalendarVersion> versions = known.calendarVersions();
        if (month == null && groupBy != Kpis.GroupBy.MONTH) {
            settled.all(asOf, calendar, versions, each);
        } else {
            settled.touching(
                    start(month), start(month == null ? null : month.plusMonths(1)), asOf, calendar, versions, each);
            if (groupBy != Kpis.GroupBy.MONTH) {
                settled.overdue(asOf, calendar, versions, each);
            }
        }
        if (!gather) {
            return tally.rows();
        }
        Map<UUID, AppealDimension> dimensions =
                events.dimensions(units.stream().map(Kpis.Unit::appealId).collect(Collectors.toSet()));
        return Kpis.compute(units, dimensions, filter, groupBy, snapshot);
    }

    /** The first instant of the month in the city's time zone; null for null. */
    public static Instant start(YearMonth month) {
        return month == null
                ? null
                : month.atDay(1).atStartOfDay(WorkingCalendar.ZONE).toInstant();
    }
}
