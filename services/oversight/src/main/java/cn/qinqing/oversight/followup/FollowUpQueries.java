package cn.qinqing.oversight.followup;

import cn.qinqing.language.calendar.WorkingCalendar;
import cn.qinqing.oversight.directory.Chain;
import cn.qinqing.oversight.directory.Directory;
import cn.qinqing.oversight.directory.DirectorySnapshot;
import cn.qinqing.oversight.eventlog.Histories;
import cn.qinqing.oversight.history.ActionItem;
import cn.qinqing.oversight.history.AppealHistory;
import cn.qinqing.oversight.kpi.KpiQueries;
import cn.qinqing.oversight.kpi.Kpis;
import cn.qinqing.oversight.kpi.Rate;
import cn.qinqing.oversight.reading.Freshness;
import cn.qinqing.oversight.reading.ReadModels;
import cn.qinqing.oversight.reading.Scope;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Breakfast-meeting follow-up (督办): the action items counted in a month and the share closed on time. */
@Service
public class FollowUpQueries {

    /** A breakfast meeting's action item and how its follow-up went. */
    public record ActionItemView(
            String meetingId,
            String actionItemId,
            UUID appealId,
            String title,
            String departmentId,
            String departmentName,
            String responsibleLeaderId,
            LocalDate dueOn,
            Instant closedAt,
            String cause,
            String status,
            String countedIn) {}

    /** Breakfast-meeting action items and the share closed on time. */
    public record FollowUp(
            Instant asOf, YearMonth month, Rate closedOnTime, List<ActionItemView> items, Freshness freshness) {}

    private final Histories histories;
    private final Directory directory;
    private final ReadModels readModels;

    FollowUpQueries(Histories histories, Directory directory, ReadModels readModels) {
        this.histories = histories;
        this.directory = directory;
        this.readModels = readModels;
    }

    /** Action items counted in the month (or all), with the share closed on time. */
    public FollowUp followUp(YearMonth month, String department, String leader, Instant asOf, Scope scope) {
        Freshness freshness = readModels.freshness();
        Directory.View known = directory.at(asOf);
        WorkingCalendar calendar = known.calendar();
        DirectorySnapshot snapshot = known.snapshot();
        Chain leaderChain = leader == null ? null : snapshot.chainOf(leader, null);
        Kpis.Filter filter = new Kpis.Filter(month, department, leaderChain, null, null, scope.chain());
        long[] counts = new long[2]; // met, total
        List<ActionItemView> items = new ArrayList<>();
        Instant from = KpiQueries.start(month);
        Instant to = KpiQueries.start(month == null ? null : month.plusMonths(1));
        histories.touching(from, to, asOf, calendar, history -> {
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
}
