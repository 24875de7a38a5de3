package cn.qinqing.oversight.overdue;

import cn.qinqing.language.calendar.WorkingCalendar;
import cn.qinqing.oversight.directory.Directory;
import cn.qinqing.oversight.directory.DirectorySnapshot;
import cn.qinqing.oversight.eventlog.AppealEventLog;
import cn.qinqing.oversight.eventlog.AppealEventLog.Head;
import cn.qinqing.oversight.history.AppealDimension;
import cn.qinqing.oversight.history.AppealHistory;
import cn.qinqing.oversight.history.ClockInterval;
import cn.qinqing.oversight.history.Holder;
import cn.qinqing.oversight.history.Overdue;
import cn.qinqing.oversight.reading.Freshness;
import cn.qinqing.oversight.reading.HolderView;
import cn.qinqing.oversight.reading.Names;
import cn.qinqing.oversight.reading.ReadModels;
import cn.qinqing.oversight.reading.Scope;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** The overdue list as of an instant: what is past due, who holds it, and the leader to escalate to. */
@Service
public class OverdueQueries {

    /** Something past due, with who holds it and whom to escalate to. */
    public record OverdueItem(
            UUID appealId,
            String title,
            String enterpriseId,
            String enterpriseName,
            String kind,
            Instant dueAt,
            long overdueWorkingMinutes,
            double overdueWorkingDays,
            HolderView holder,
            String departmentId,
            String departmentName,
            String responsibleLeaderId,
            String escalateToLeaderId,
            String escalateToLeaderName,
            String noticeLeaderId) {}

    /** The overdue list. */
    public record OverdueList(Instant asOf, int count, List<OverdueItem> items, Freshness freshness) {}

    /**
     * An unfinished appeal's fold as the list needs it: what it has late (null: nothing), good while its events (head)
     * and the calendar are the same and the instant asked about is in its {@link ClockInterval}.
     */
    private record Kept(
            Head head,
            List<Directory.CalendarVersion> calendar,
            ClockInterval interval,
            Late late,
            String leaderInCharge) {}

    private final AppealEventLog events;
    private final Directory directory;
    private final ReadModels readModels;
    private final Cache<UUID, Kept> kept;

    OverdueQueries(
            AppealEventLog events,
            Directory directory,
            ReadModels readModels,
            @Value("${qinqing.oversight.kpi.settled-appeals:200000}") long capacity) {
        this.events = events;
        this.directory = directory;
        this.readModels = readModels;
        this.kept = Caffeine.newBuilder().maximumSize(capacity).build();
    }

    /**
     * Each unfinished appeal with what it has late at the instant, folding only what changed since a kept fold (as the
     * KPIs do, {@code SettledUnitQueries}).
     */
    private void unfinished(Instant asOf, WorkingCalendar calendar, java.util.function.Consumer<Kept> each) {
        List<Directory.CalendarVersion> versions = directory.calendarVersions(asOf);
        // a chunk of appeals at a time: the heads of a million unfinished appeals are never held at once
        events.unfinishedHeads(asOf, chunk -> {
            List<UUID> toFold = new ArrayList<>();
            chunk.forEach((appealId, head) -> {
                Kept known = kept.getIfPresent(appealId);
                if (known != null
                        && known.head().equals(head)
                        && known.calendar().equals(versions)
                        && known.interval().holds(asOf)) {
                    each.accept(known);
                } else {
                    toFold.add(appealId);
                }
            });
            events.ofAppeals(toFold, asOf, appealEvents -> {
                AppealHistory history = AppealHistory.of(appealEvents.get(0).appealId(), appealEvents, asOf, calendar);
                List<Overdue> overdue = history.overdue();
                Late late = overdue.isEmpty() ? null : Late.of(history, overdue);
                var interval = ClockInterval.of(history);
                Kept folded = new Kept(
                        Head.of(appealEvents), versions, interval.orElse(null), late, history.leaderInCharge());
                if (interval.isPresent()) {
                    kept.put(history.appealId(), folded);
                }
                each.accept(folded);
            });
        });
    }

    /**
     * What is past due at the instant: dispatch, sign-for, first contact, resolution, supervision notices; with the
     * holder and the leader to escalate to.
     */
    public OverdueList overdue(Instant asOf, String departmentId, Overdue.Kind kind, Scope scope) {
        Freshness freshness = readModels.freshness();
        Directory.View known = directory.at(asOf);
        WorkingCalendar calendar = known.calendar();
        // one appeal at a time, keeping only what is late: memory follows the list, not the store
        List<Late> late = new ArrayList<>();
        unfinished(asOf, calendar, appeal -> {
            if (appeal.late() == null) {
                return;
            }
            List<Overdue> wanted = appeal.late().overdue().stream()
                    .filter(overdue -> departmentId == null || departmentId.equals(overdue.departmentId()))
                    .filter(overdue -> kind == null || kind == overdue.kind())
                    .filter(overdue -> scope.covers(overdue.departmentId(), appeal.leaderInCharge()))
                    .toList();
            if (!wanted.isEmpty()) {
                late.add(appeal.late().with(wanted));
            }
        });
        Map<UUID, AppealDimension> dimensions =
                events.dimensions(late.stream().map(Late::appealId).toList());
        DirectorySnapshot snapshot = known.snapshot();
        Map<String, Directory.Liaison> liaisons = known.liaisons();
        Set<String> enterprises = new HashSet<>();
        late.forEach(appeal -> {
            String enterprise = appeal.enterprise(dimensions.get(appeal.appealId()));
            if (enterprise != null) {
                enterprises.add(enterprise);
            }
        });
        Names names = new Names(snapshot, directory.enterprises(enterprises));
        List<OverdueItem> items = new ArrayList<>();
        for (Late appeal : late) {
            AppealDimension dimension = dimensions.get(appeal.appealId());
            String liaison = Names.liaisonLeader(liaisons, appeal.enterprise(dimension));
            items.addAll(items(appeal, dimension, snapshot, liaison, names, calendar, asOf));
        }
        items.sort(Comparator.comparing(OverdueItem::dueAt)
                .thenComparing(item -> item.appealId().toString()));
        return new OverdueList(asOf, items.size(), items, freshness);
    }

    /** What the overdue list keeps of a history that has something late. */
    public record Late(
            UUID appealId,
            String title,
            String enterpriseId,
            Holder holder,
            String responsibleLeader,
            List<Overdue> overdue) {

        public static Late of(AppealHistory history, List<Overdue> overdue) {
            return new Late(
                    history.appealId(),
                    history.title(),
                    history.enterpriseId(),
                    history.holder(),
                    history.responsibleLeader(),
                    overdue);
        }

        Late with(List<Overdue> only) {
            return new Late(appealId, title, enterpriseId, holder, responsibleLeader, only);
        }

        String enterprise(AppealDimension dimension) {
            return enterpriseId != null ? enterpriseId : dimension == null ? null : dimension.enterpriseId();
        }
    }

    /** The overdue items of an appeal: how late in working time, and the leader to escalate to as of the instant. */
    public static List<OverdueItem> items(
            Late history,
            AppealDimension dimension,
            DirectorySnapshot snapshot,
            String liaison,
            Names names,
            WorkingCalendar calendar,
            Instant asOf) {
        List<OverdueItem> items = new ArrayList<>();
        String enterpriseId = history.enterprise(dimension);
        for (Overdue overdue : history.overdue()) {
            String escalateTo = snapshot.escalateTo(history.responsibleLeader(), overdue.departmentId(), liaison)
                    .orElse(null);
            Duration late = calendar.workingTimeBetween(overdue.dueAt(), asOf);
            items.add(new OverdueItem(
                    history.appealId(),
                    history.title() != null ? history.title() : dimension == null ? null : dimension.title(),
                    enterpriseId,
                    names.enterprise(enterpriseId),
                    overdue.kind().name(),
                    overdue.dueAt(),
                    late.toMinutes(),
                    Names.days(late),
                    history.holder() == null ? null : names.holder(history.holder()),
                    overdue.departmentId(),
                    overdue.departmentId() == null ? null : snapshot.departmentName(overdue.departmentId()),
                    history.responsibleLeader(),
                    escalateTo,
                    escalateTo == null ? null : snapshot.leaderName(escalateTo),
                    overdue.leaderId()));
        }
        return items;
    }
}
