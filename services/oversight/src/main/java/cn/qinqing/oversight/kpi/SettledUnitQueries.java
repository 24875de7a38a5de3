package cn.qinqing.oversight.kpi;

import cn.qinqing.language.calendar.WorkingCalendar;
import cn.qinqing.oversight.directory.Directory;
import cn.qinqing.oversight.eventlog.AppealEventLog;
import cn.qinqing.oversight.eventlog.AppealEventLog.Head;
import cn.qinqing.oversight.history.AppealHistory;
import cn.qinqing.oversight.history.ClockInterval;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The KPI units of the appeals a period touches, and the overdue units of the unfinished ones, folding again only
 * what changed. A fold's units depend on its events and on the instant only through the due instants it holds
 * ({@link ClockInterval}): with the same events (the same head) and the same working calendar, the
 * units are the same at any instant between the two due instants around the one it was folded at. So every fold is
 * kept with that interval and used again while the head, the calendar and the interval hold — for a settled appeal
 * (finished, nothing owed) the interval is all time. Without this a KPI read folded every appeal of the period, and
 * every unfinished one again for what is overdue, on every request, and grew with the store (R11).
 *
 * <p>Kept per instance and bounded ({@code qinqing.oversight.kpi.settled-appeals}, default 200,000 appeals); a second
 * instance keeps its own. Nothing is invalidated by hand: an appeal with a new event has a new head and is folded
 * again, a read at an instant past one of its due instants folds it again, and a time-travel read ({@code asOf}) sees
 * the head as of its instant.
 */
@Component
class SettledUnitQueries {

    /**
     * A fold, good for the instants in {@code [from, until)}.
     *
     * @param units what it counts in the KPIs ({@link Kpis#units})
     * @param overdue what it has overdue ({@link Kpis#overdueUnits}), empty once finished
     * @param interval the instants it holds for; null when it depends on the clock throughout (never kept)
     */
    record Kept(
            Head head,
            List<Directory.CalendarVersion> calendar,
            List<Kpis.Unit> units,
            List<Kpis.Unit> overdue,
            ClockInterval interval) {

        /** The units and the overdue units ({@link #all}'s part of a fold): a finished appeal has none overdue. */
        List<Kpis.Unit> unitsAndOverdue() {
            if (overdue.isEmpty()) {
                return units;
            }
            List<Kpis.Unit> both = new ArrayList<>(units);
            both.addAll(overdue);
            return both;
        }

        boolean holds(Head current, List<Directory.CalendarVersion> calendarVersions, Instant asOf) {
            return interval != null
                    && head.equals(current)
                    && calendar.equals(calendarVersions)
                    && interval.holds(asOf);
        }
    }

    private final AppealEventLog events;
    private final Cache<UUID, Kept> kept;

    SettledUnitQueries(
            AppealEventLog events,
            @Value("${qinqing.oversight.kpi.settled-appeals:200000}") long capacity,
            ObjectProvider<MeterRegistry> meters) {
        this.events = events;
        this.kept = Caffeine.newBuilder().maximumSize(capacity).recordStats().build();
        meters.ifAvailable(registry -> CaffeineCacheMetrics.monitor(registry, kept, "oversight.kpi.settled-appeals"));
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
        events.heads(from, to, asOf, chunk -> serve(chunk, asOf, calendar, calendarVersions, Kept::units, each));
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
        events.heads(
                null, null, asOf, chunk -> serve(chunk, asOf, calendar, calendarVersions, Kept::unitsAndOverdue, each));
    }

    /** Each overdue unit of every appeal unfinished at the instant (what {@link Kpis#overdueUnits} counts). */
    void overdue(
            Instant asOf,
            WorkingCalendar calendar,
            List<Directory.CalendarVersion> calendarVersions,
            Consumer<Kpis.Unit> each) {
        events.unfinishedHeads(asOf, chunk -> serve(chunk, asOf, calendar, calendarVersions, Kept::overdue, each));
    }

    private void serve(
            Map<UUID, Head> heads,
            Instant asOf,
            WorkingCalendar calendar,
            List<Directory.CalendarVersion> calendarVersions,
            Function<Kept, List<Kpis.Unit>> part,
            Consumer<Kpis.Unit> each) {
        List<UUID> toFold = new ArrayList<>();
        heads.forEach((appealId, head) -> {
            Kept known = kept.getIfPresent(appealId);
            if (known != null && known.holds(head, calendarVersions, asOf)) {
                part.apply(known).forEach(each);
            } else {
                toFold.add(appealId);
            }
        });
        events.ofAppeals(toFold, asOf, appealEvents -> {
            AppealHistory history = AppealHistory.of(appealEvents.get(0).appealId(), appealEvents, asOf, calendar);
            Kept folded = new Kept(
                    Head.of(appealEvents),
                    calendarVersions,
                    List.copyOf(Kpis.units(history, calendar)),
                    List.copyOf(Kpis.overdueUnits(history)),
                    ClockInterval.of(history).orElse(null));
            if (folded.interval() != null) {
                kept.put(history.appealId(), folded);
            }
            part.apply(folded).forEach(each);
        });
    }
}
