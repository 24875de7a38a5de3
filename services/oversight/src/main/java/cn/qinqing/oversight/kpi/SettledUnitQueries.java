package cn.qinqing.oversight.kpi;

import cn.qinqing.language.calendar.WorkingCalendar;
import cn.qinqing.oversight.directory.Directory;
import cn.qinqing.oversight.eventlog.AppealEventLog;
import cn.qinqing.oversight.eventlog.AppealEventLog.Head;
import cn.qinqing.oversight.history.ActionItem;
import cn.qinqing.oversight.history.AppealHistory;
import cn.qinqing.oversight.history.Obligation;
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
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The KPI units of the appeals a period touches, folding again only what changed. A settled appeal — finished, with no
 * obligation open and its meeting action item (if any) closed — counts the same at every later instant: its units are
 * kept, keyed by how far its events go and by the working calendar they were counted with, and used again while both
 * are the same. Everything else (unfinished appeals, whose units depend on the instant) is folded on every read, as
 * before. Without this a KPI read folded every event of the period on every request, and grew with the store (R11).
 *
 * <p>Kept per instance and bounded ({@code qinqing.oversight.kpi.settled-appeals}, default 200,000 appeals); a second
 * instance keeps its own. Nothing is invalidated by hand: an appeal with a new event has a new head and is folded
 * again, and a time-travel read ({@code asOf}) sees the head as of its instant.
 */
@Component
class SettledUnitQueries {

    private record Kept(Head head, List<Directory.CalendarVersion> calendar, List<Kpis.Unit> units) {}

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
        Map<UUID, Head> heads = events.heads(from, to, asOf);
        List<UUID> toFold = new ArrayList<>();
        heads.forEach((appealId, head) -> {
            Kept known = kept.getIfPresent(appealId);
            if (known != null && known.head().equals(head) && known.calendar().equals(calendarVersions)) {
                known.units().forEach(each);
            } else {
                toFold.add(appealId);
            }
        });
        events.ofAppeals(toFold, asOf, appealEvents -> {
            AppealHistory history = AppealHistory.of(appealEvents.get(0).appealId(), appealEvents, asOf, calendar);
            List<Kpis.Unit> units = Kpis.units(history, calendar);
            if (settled(history)) {
                kept.put(history.appealId(), new Kept(Head.of(appealEvents), calendarVersions, List.copyOf(units)));
            }
            units.forEach(each);
        });
    }

    /** Whether the history's units no longer depend on the instant it is evaluated at (only on its events). */
    static boolean settled(AppealHistory history) {
        return history.status() != null
                && history.status().isFinished()
                && history.obligations().stream().noneMatch(obligation -> obligation.end() == Obligation.End.OPEN)
                && history.actionItem().map(ActionItem::closed).orElse(true);
    }
}
