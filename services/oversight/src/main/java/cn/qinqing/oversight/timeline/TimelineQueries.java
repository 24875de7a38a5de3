package cn.qinqing.oversight.timeline;

import cn.qinqing.language.calendar.WorkingCalendar;
import cn.qinqing.oversight.directory.Directory;
import cn.qinqing.oversight.directory.DirectorySnapshot;
import cn.qinqing.oversight.eventlog.AppealEventLog;
import cn.qinqing.oversight.eventlog.Histories;
import cn.qinqing.oversight.history.AppealDimension;
import cn.qinqing.oversight.history.AppealEvent;
import cn.qinqing.oversight.history.AppealHistory;
import cn.qinqing.oversight.history.Holder;
import cn.qinqing.oversight.history.HolderPeriod;
import cn.qinqing.oversight.history.Step;
import cn.qinqing.oversight.overdue.OverdueQueries;
import cn.qinqing.oversight.reading.Freshness;
import cn.qinqing.oversight.reading.Names;
import cn.qinqing.oversight.reading.ReadModels;
import cn.qinqing.oversight.reading.Scope;
import cn.qinqing.oversight.timeline.TimelineViews.AppealState;
import cn.qinqing.oversight.timeline.TimelineViews.AppealSummary;
import cn.qinqing.oversight.timeline.TimelineViews.Dues;
import cn.qinqing.oversight.timeline.TimelineViews.HolderPeriodView;
import cn.qinqing.oversight.timeline.TimelineViews.HolderTotal;
import cn.qinqing.oversight.timeline.TimelineViews.State;
import cn.qinqing.oversight.timeline.TimelineViews.Timeline;
import cn.qinqing.oversight.timeline.TimelineViews.TimelineStep;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** An appeal's state and timeline as of an instant. */
@Service
public class TimelineQueries {

    private final Histories histories;
    private final AppealEventLog events;
    private final Directory directory;
    private final ReadModels readModels;

    TimelineQueries(Histories histories, AppealEventLog events, Directory directory, ReadModels readModels) {
        this.histories = histories;
        this.events = events;
        this.directory = directory;
        this.readModels = readModels;
    }

    /** The appeal's state as of the instant, if the caller's scope covers it. */
    public Optional<AppealState> state(UUID appealId, Instant asOf, Scope scope) {
        return timeline(appealId, asOf, scope)
                .map(timeline -> new AppealState(
                        appealId,
                        asOf,
                        timeline.appeal(),
                        timeline.state(),
                        timeline.calendar(),
                        timeline.freshness()));
    }

    /**
     * The appeal's timeline as of the instant, if anything of it was recorded by then and the scope covers it: names,
     * whom to escalate to and working times as the directory and the working calendar had them at that instant.
     */
    public Optional<Timeline> timeline(UUID appealId, Instant asOf, Scope scope) {
        Freshness freshness = readModels.freshness();
        Directory.View known = directory.at(asOf);
        WorkingCalendar calendar = known.calendar();
        Optional<AppealHistory> found = histories.of(appealId, asOf, calendar);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        AppealHistory history = found.get();
        AppealDimension dimension = events.dimensions(List.of(appealId)).get(appealId);
        String enterpriseId = Names.enterpriseOf(history, dimension);
        String liaison = Names.liaisonLeader(known.liaisons(), enterpriseId);
        if (!scope.coversAppeal(history, liaison)) {
            return Optional.empty();
        }
        DirectorySnapshot snapshot = known.snapshot();
        Names names =
                new Names(snapshot, directory.enterprises(enterpriseId == null ? List.of() : List.of(enterpriseId)));

        List<TimelineStep> steps =
                history.steps().stream().map(step -> step(step, names)).toList();
        List<HolderPeriodView> periods = history.holderPeriods().stream()
                .map(period -> period(period, names))
                .toList();
        Map<Holder, List<HolderPeriod>> byHolder = new LinkedHashMap<>();
        history.holderPeriods().forEach(period -> byHolder.computeIfAbsent(period.holder(), h -> new ArrayList<>())
                .add(period));
        List<HolderTotal> totals = new ArrayList<>();
        byHolder.forEach((holder, held) -> {
            Duration sum = held.stream().map(HolderPeriod::workingTime).reduce(Duration.ZERO, Duration::plus);
            totals.add(new HolderTotal(
                    names.holder(holder), held.size(), sum.toMinutes(), Names.hours(sum), Names.days(sum)));
        });
        return Optional.of(new Timeline(
                appealId,
                asOf,
                summary(appealId, history, dimension, names),
                state(history, dimension, snapshot, liaison, names, calendar, asOf),
                steps,
                periods,
                totals,
                known.calendarVersions(),
                freshness));
    }

    // ----

    private State state(
            AppealHistory history,
            AppealDimension dimension,
            DirectorySnapshot snapshot,
            String liaison,
            Names names,
            WorkingCalendar calendar,
            Instant asOf) {
        return new State(
                history.status() == null ? null : history.status().name(),
                history.holder() == null ? null : names.holder(history.holder()),
                history.round(),
                history.departmentId(),
                history.departmentId() == null ? null : snapshot.departmentName(history.departmentId()),
                history.leaderInCharge(),
                history.responsibleLeader(),
                history.paused(),
                new Dues(
                        history.dispatchDue(),
                        history.signForDue(),
                        history.firstContactDue(),
                        history.resolutionDue()),
                OverdueQueries.items(
                        OverdueQueries.Late.of(history, history.overdue()),
                        dimension,
                        snapshot,
                        liaison,
                        names,
                        calendar,
                        asOf));
    }

    private static AppealSummary summary(UUID appealId, AppealHistory history, AppealDimension dimension, Names names) {
        String enterpriseId = Names.enterpriseOf(history, dimension);
        return new AppealSummary(
                appealId,
                history.title() != null ? history.title() : dimension.title(),
                enterpriseId,
                names.enterprise(enterpriseId),
                dimension.category(),
                dimension.urgency(),
                dimension.source(),
                dimension.district(),
                history.filedAt() != null ? history.filedAt() : dimension.filedAt());
    }

    private static TimelineStep step(Step step, Names names) {
        AppealEvent recorded = step.event();
        TimelineSteps.Shown shown = TimelineSteps.shown(recorded.event());
        return new TimelineStep(
                recorded.globalIndex(),
                recorded.eventId(),
                recorded.type().code(),
                recorded.at(),
                recorded.recordedAt(),
                recorded.actor(),
                recorded.role(),
                recorded.correlationId(),
                recorded.causationId(),
                shown.departmentId(),
                shown.leaderId(),
                shown.round(),
                shown.dueAt(),
                shown.flag(),
                shown.rating(),
                shown.kind(),
                step.holderAfter() == null ? null : names.holder(step.holderAfter()),
                step.statusAfter() == null ? null : step.statusAfter().name(),
                shown.details());
    }

    private static HolderPeriodView period(HolderPeriod period, Names names) {
        return new HolderPeriodView(
                names.holder(period.holder()),
                period.from(),
                period.to(),
                period.open(),
                period.workingTime().toMinutes(),
                Names.hours(period.workingTime()),
                Names.days(period.workingTime()));
    }
}
