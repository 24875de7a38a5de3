package cn.qinqing.oversight.kpi;

import cn.qinqing.language.calendar.WorkingCalendar;
import cn.qinqing.oversight.directory.Directory;
import cn.qinqing.oversight.eventlog.AppealEventLog;
import cn.qinqing.oversight.eventlog.AppealEventLog.Head;
import cn.qinqing.oversight.history.AppealHistory;
import cn.qinqing.oversight.history.ClockInterval;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * The KPI units of the appeals a period touches, and the overdue units of the unfinished ones, folding again only
 * what changed. A fold's units depend on its events and on the instant only through the due instants it holds
 * ({@link ClockInterval}): with the same events (the same head) and the same working calendar, the units are the same
 * at any instant between the two due instants around the one it was folded at. So every fold is kept with that
 * interval ({@link KeptFoldQueries}, in PostgreSQL) and used again while the head, the basis and the interval hold — for a
 * settled appeal (finished, nothing owed) the interval is all time. Without this a KPI read folded every appeal of the
 * period, and every unfinished one again for what is overdue, on every request, and grew with the store (R11, issue
 * 17).
 *
 * <p>Nothing is invalidated by hand: an appeal with a new event has a new head and is folded again, a read at an
 * instant past one of its due instants folds it again, and a time-travel read ({@code asOf}) sees the head as of its
 * instant.
 */
@Component
class SettledUnitQueries {

    /** Which of a fold's units a read counts. */
    private enum Part {
        UNITS,
        OVERDUE,
        BOTH
    }

    private final AppealEventLog events;
    private final KeptFoldQueries folds;

    SettledUnitQueries(AppealEventLog events, KeptFoldQueries folds) {
        this.events = events;
        this.folds = folds;
    }

    /**
     * Each unit of every appeal with something happening or falling due in {@code [from, to)} (null: all time), as
     * of the instant, counted with {@code calendar} (whose versions are {@code calendarVersions}).
     */
    void touching(
            Instant from,
            Instant to,
            Instant asOf,
            WorkingCalendar calendar,
            List<Directory.CalendarVersion> calendarVersions,
            Consumer<Kpis.Unit> each) {
        serve(events.headQuery(from, to, asOf), asOf, calendar, calendarVersions, Part.UNITS, each);
    }

    /**
     * What {@link #touching} for all time and {@link #overdue} give together, in one pass over the appeals instead of
     * two: every appeal is in the first, and the unfinished ones, read again by the second, are among them.
     */
    void all(
            Instant asOf,
            WorkingCalendar calendar,
            List<Directory.CalendarVersion> calendarVersions,
            Consumer<Kpis.Unit> each) {
        serve(events.headQuery(null, null, asOf), asOf, calendar, calendarVersions, Part.BOTH, each);
    }

    /** Each overdue unit of every appeal unfinished at the instant (what {@link Kpis#overdueUnits} counts). */
    void overdue(
            Instant asOf,
            WorkingCalendar calendar,
            List<Directory.CalendarVersion> calendarVersions,
            Consumer<Kpis.Unit> each) {
        serve(events.unfinishedHeadQuery(asOf), asOf, calendar, calendarVersions, Part.OVERDUE, each);
    }

    private void serve(
            AppealEventLog.HeadQuery heads,
            Instant asOf,
            WorkingCalendar calendar,
            List<Directory.CalendarVersion> calendarVersions,
            Part part,
            Consumer<Kpis.Unit> each) {
        String basis = folds.basis(calendarVersions);
        folds.heads(heads, basis, asOf, chunk -> {
            List<UUID> toFold = new ArrayList<>();
            for (KeptFoldQueries.Row row : chunk) {
                if (!row.kept()) {
                    toFold.add(row.appealId());
                    continue;
                }
                if (part != Part.OVERDUE) {
                    UnitCodec.decode(row.appealId(), row.units()).forEach(each);
                }
                if (part != Part.UNITS) {
                    UnitCodec.decode(row.appealId(), row.overdue()).forEach(each);
                }
            }
            List<KeptFoldQueries.Fold> made = new ArrayList<>();
            events.ofAppeals(toFold, asOf, appealEvents -> {
                AppealHistory history = AppealHistory.of(appealEvents.get(0).appealId(), appealEvents, asOf, calendar);
                List<Kpis.Unit> units = Kpis.units(history, calendar);
                List<Kpis.Unit> overdue = Kpis.overdueUnits(history);
                if (part != Part.OVERDUE) {
                    units.forEach(each);
                }
                if (part != Part.UNITS) {
                    overdue.forEach(each);
                }
                ClockInterval.of(history)
                        .ifPresent(interval -> made.add(new KeptFoldQueries.Fold(
                                history.appealId(), Head.of(appealEvents), interval, units, overdue)));
            });
            folds.keep(basis, made);
        });
    }
}
