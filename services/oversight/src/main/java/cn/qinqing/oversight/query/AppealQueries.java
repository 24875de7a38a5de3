package cn.qinqing.oversight.query;

import cn.qinqing.language.calendar.WorkingCalendar;
import cn.qinqing.oversight.directory.Directory;
import cn.qinqing.oversight.directory.DirectorySnapshot;
import cn.qinqing.oversight.facts.AppealDimension;
import cn.qinqing.oversight.facts.Facts;
import cn.qinqing.oversight.history.AppealHistory;
import cn.qinqing.oversight.history.Holder;
import cn.qinqing.oversight.history.HolderPeriod;
import cn.qinqing.oversight.history.Overdue;
import cn.qinqing.oversight.history.Step;
import cn.qinqing.oversight.kpi.Kpis;
import cn.qinqing.oversight.query.Views.AppealState;
import cn.qinqing.oversight.query.Views.AppealSummary;
import cn.qinqing.oversight.query.Views.Dues;
import cn.qinqing.oversight.query.Views.HolderPeriodView;
import cn.qinqing.oversight.query.Views.HolderTotal;
import cn.qinqing.oversight.query.Views.HolderView;
import cn.qinqing.oversight.query.Views.LiaisonAppeal;
import cn.qinqing.oversight.query.Views.LiaisonView;
import cn.qinqing.oversight.query.Views.OverdueItem;
import cn.qinqing.oversight.query.Views.OverdueList;
import cn.qinqing.oversight.query.Views.State;
import cn.qinqing.oversight.query.Views.Timeline;
import cn.qinqing.oversight.query.Views.TimelineStep;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** Timelines, appeal states, the overdue list and the liaison view, each as of an instant. */
@Service
public class AppealQueries {

    static final String DISPATCH_NAME = "派单中心";

    private final Histories histories;
    private final Facts facts;
    private final Directory directory;
    private final ReadModels readModels;

    AppealQueries(Histories histories, Facts facts, Directory directory, ReadModels readModels) {
        this.histories = histories;
        this.facts = facts;
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
        WorkingCalendar calendar = directory.calendar(asOf);
        Optional<AppealHistory> found = histories.of(appealId, asOf, calendar);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        AppealHistory history = found.get();
        AppealDimension dimension = facts.dimensions(List.of(appealId)).get(appealId);
        Map<String, Directory.Liaison> liaisons = directory.liaisons(asOf);
        String enterpriseId = enterprise(history, dimension);
        String liaison = liaisonLeader(liaisons, enterpriseId);
        if (!scope.coversAppeal(history, liaison)) {
            return Optional.empty();
        }
        DirectorySnapshot snapshot = directory.snapshot(asOf);
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
            totals.add(new HolderTotal(names.holder(holder), held.size(), sum.toMinutes(), hours(sum), days(sum)));
        });
        return Optional.of(new Timeline(
                appealId,
                asOf,
                summary(appealId, history, dimension, names),
                state(history, dimension, snapshot, liaison, names, calendar, asOf),
                steps,
                periods,
                totals,
                directory.calendarVersions(asOf),
                freshness));
    }

    /**
     * What is past due at the instant: dispatch, sign-for, first contact, resolution, supervision notices; with the
     * holder and the leader to escalate to.
     */
    public OverdueList overdue(Instant asOf, String departmentId, Overdue.Kind kind, Scope scope) {
        Freshness freshness = readModels.freshness();
        WorkingCalendar calendar = directory.calendar(asOf);
        // one appeal at a time, keeping only what is late: memory follows the list, not the store
        List<Late> late = new ArrayList<>();
        histories.unfinished(asOf, calendar, history -> {
            List<Overdue> wanted = history.overdue().stream()
                    .filter(overdue -> departmentId == null || departmentId.equals(overdue.departmentId()))
                    .filter(overdue -> kind == null || kind == overdue.kind())
                    .filter(overdue -> scope.covers(overdue.departmentId(), history.leaderInCharge()))
                    .toList();
            if (!wanted.isEmpty()) {
                late.add(Late.of(history, wanted));
            }
        });
        Map<UUID, AppealDimension> dimensions =
                facts.dimensions(late.stream().map(Late::appealId).toList());
        DirectorySnapshot snapshot = directory.snapshot(asOf);
        Map<String, Directory.Liaison> liaisons = directory.liaisons(asOf);
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
            String liaison = liaisonLeader(liaisons, appeal.enterprise(dimension));
            items.addAll(overdueItems(appeal, dimension, snapshot, liaison, names, calendar, asOf));
        }
        items.sort(Comparator.comparing(OverdueItem::dueAt)
                .thenComparing(item -> item.appealId().toString()));
        return new OverdueList(asOf, items.size(), items, freshness);
    }

    /** What the overdue list keeps of a history that has something late. */
    private record Late(
            UUID appealId,
            String title,
            String enterpriseId,
            Holder holder,
            String responsibleLeader,
            List<Overdue> overdue) {

        static Late of(AppealHistory history, List<Overdue> overdue) {
            return new Late(
                    history.appealId(),
                    history.title(),
                    history.enterpriseId(),
                    history.holder(),
                    history.responsibleLeader(),
                    overdue);
        }

        String enterprise(AppealDimension dimension) {
            return enterpriseId != null ? enterpriseId : dimension == null ? null : dimension.enterpriseId();
        }
    }

    /** The appeals of the enterprises the leader looked after at the instant. */
    public LiaisonView liaison(String leaderId, Instant asOf) {
        Freshness freshness = readModels.freshness();
        WorkingCalendar calendar = directory.calendar(asOf);
        Map<String, Directory.Liaison> liaisons = directory.liaisons(asOf);
        Map<String, Directory.Liaison> own = liaisons.values().stream()
                .filter(liaison -> leaderId.equals(liaison.leaderId()))
                .collect(Collectors.toMap(Directory.Liaison::enterpriseId, liaison -> liaison));
        DirectorySnapshot snapshot = directory.snapshot(asOf);
        Names names = new Names(snapshot, directory.enterprises(own.keySet()));
        List<AppealHistory> appealHistories = new ArrayList<>(); // a leader looks after a handful of enterprises
        histories.ofEnterprises(own.keySet(), asOf, calendar, appealHistories::add);
        Map<UUID, AppealDimension> dimensions = facts.dimensions(
                appealHistories.stream().map(AppealHistory::appealId).toList());
        List<LiaisonAppeal> appeals = new ArrayList<>();
        for (AppealHistory history : appealHistories) {
            AppealDimension dimension = dimensions.get(history.appealId());
            String enterpriseId = enterprise(history, dimension);
            Directory.Liaison liaison = own.get(enterpriseId);
            appeals.add(new LiaisonAppeal(
                    history.appealId(),
                    enterpriseId,
                    names.enterprise(enterpriseId),
                    liaison != null && liaison.keyEnterprise(),
                    history.title() != null ? history.title() : dimension.title(),
                    dimension.category(),
                    history.status() == null ? null : history.status().name(),
                    history.holder() == null ? null : names.holder(history.holder()),
                    history.filedAt() != null ? history.filedAt() : dimension.filedAt(),
                    history.resolutionDue(),
                    history.overdue().stream().map(o -> o.kind().name()).toList()));
        }
        appeals.sort(Comparator.comparing(
                        (LiaisonAppeal appeal) -> appeal.filedAt() == null ? Instant.EPOCH : appeal.filedAt())
                .reversed()
                .thenComparing(appeal -> appeal.appealId().toString()));
        return new LiaisonView(
                leaderId,
                snapshot.leaderName(leaderId),
                asOf,
                own.keySet().stream().sorted().toList(),
                appeals,
                freshness);
    }

    // ----

    private List<OverdueItem> overdueItems(
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
                    days(late),
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
                overdueItems(Late.of(history, history.overdue()), dimension, snapshot, liaison, names, calendar, asOf));
    }

    private static AppealSummary summary(UUID appealId, AppealHistory history, AppealDimension dimension, Names names) {
        String enterpriseId = enterprise(history, dimension);
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
        var fact = step.fact();
        return new TimelineStep(
                fact.globalIndex(),
                fact.eventId(),
                fact.type().name(),
                fact.at(),
                fact.recordedAt(),
                fact.actor(),
                fact.role(),
                fact.correlationId(),
                fact.causationId(),
                fact.departmentId(),
                fact.leaderId(),
                fact.round(),
                fact.dueAt(),
                fact.flag(),
                fact.rating(),
                fact.kind(),
                step.holderAfter() == null ? null : names.holder(step.holderAfter()),
                step.statusAfter() == null ? null : step.statusAfter().name(),
                fact.details());
    }

    private static HolderPeriodView period(HolderPeriod period, Names names) {
        return new HolderPeriodView(
                names.holder(period.holder()),
                period.from(),
                period.to(),
                period.open(),
                period.workingTime().toMinutes(),
                hours(period.workingTime()),
                days(period.workingTime()));
    }

    private static String enterprise(AppealHistory history, AppealDimension dimension) {
        return history.enterpriseId() != null
                ? history.enterpriseId()
                : dimension == null ? null : dimension.enterpriseId();
    }

    private static String liaisonLeader(Map<String, Directory.Liaison> liaisons, String enterpriseId) {
        Directory.Liaison liaison = enterpriseId == null ? null : liaisons.get(enterpriseId);
        return liaison == null ? null : liaison.leaderId();
    }

    static double hours(Duration duration) {
        return Kpis.round(duration.toMinutes() / 60.0, 2);
    }

    static double days(Duration duration) {
        return Kpis.round(duration.toMinutes() / (double) WorkingCalendar.WORKING_DAY.toMinutes(), 2);
    }

    /** Names of departments, enterprises and the dispatch queue, for people to read. */
    private record Names(DirectorySnapshot directory, Map<String, Directory.Enterprise> enterprises) {

        HolderView holder(Holder holder) {
            return switch (holder.kind()) {
                case DISPATCH -> new HolderView(holder.kind().name(), holder.id(), DISPATCH_NAME);
                case DEPARTMENT ->
                    new HolderView(holder.kind().name(), holder.id(), directory.departmentName(holder.id()));
                case ENTERPRISE -> new HolderView(holder.kind().name(), holder.id(), enterprise(holder.id()));
            };
        }

        String enterprise(String id) {
            if (id == null) {
                return null;
            }
            Directory.Enterprise enterprise = enterprises.get(id);
            return enterprise == null ? id : enterprise.name();
        }
    }
}
