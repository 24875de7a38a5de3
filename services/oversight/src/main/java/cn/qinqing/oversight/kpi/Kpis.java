package cn.qinqing.oversight.kpi;

import cn.qinqing.language.calendar.WorkingCalendar;
import cn.qinqing.oversight.directory.Chain;
import cn.qinqing.oversight.directory.DirectorySnapshot;
import cn.qinqing.oversight.history.ActionItem;
import cn.qinqing.oversight.history.AnsweredRound;
import cn.qinqing.oversight.history.AppealDimension;
import cn.qinqing.oversight.history.AppealHistory;
import cn.qinqing.oversight.history.Obligation;
import cn.qinqing.oversight.history.Overdue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The KPI arithmetic of {@code docs/kpis.md}, and nothing else: appeal histories (each evaluated at the same instant)
 * are cut into counted units, the units are filtered and grouped, and each group's rates are worked out. Pure: the
 * same histories give the same numbers.
 */
public final class Kpis {

    /** The working time of one working day: 09:00–12:00 and 13:30–17:30. */
    static final double WORKING_DAY_MINUTES = WorkingCalendar.WORKING_DAY.toMinutes();

    private Kpis() {}

    /** How KPI rows are grouped. */
    public enum GroupBy {
        NONE,
        DEPARTMENT,
        LEADER,
        CATEGORY,
        DISTRICT,
        MONTH
    }

    /** What a unit counts towards. */
    public enum Measure {
        RESPONSE,
        ON_TIME,
        ANSWER,
        HANDLING,
        FOLLOW_UP,
        OVERDUE
    }

    /**
     * One counted thing: an obligation judged, an answer, a timed resolution, an action item, an overdue item.
     *
     * @param month the month it counts in (Asia/Shanghai); null for what is overdue now
     * @param leaders the leaders it is in the charge of (who took charge; an action item's responsible leader)
     */
    public record Unit(
            Measure measure,
            UUID appealId,
            String departmentId,
            Set<String> leaders,
            YearMonth month,
            boolean met,
            Integer rating,
            boolean notRated,
            boolean reopened,
            Duration workingTime) {}

    /**
     * Which units count.
     *
     * @param leader count only what is in this leader's chain
     * @param scope the caller's own limit (a LEADER's chain), applied on top; null for everything
     */
    public record Filter(
            YearMonth month, String departmentId, Chain leader, String category, String district, Chain scope) {

        public static Filter everything() {
            return new Filter(null, null, null, null, null, null);
        }
    }

    /**
     * The KPI rows of the histories (each evaluated at the instant asked about).
     *
     * @param counted histories of the appeals the period touches
     * @param unfinished histories of the appeals unfinished at that instant (for what is overdue now)
     */
    public static List<KpiRow> compute(
            Collection<AppealHistory> counted,
            Collection<AppealHistory> unfinished,
            Map<UUID, AppealDimension> dimensions,
            Filter filter,
            GroupBy groupBy,
            DirectorySnapshot directory,
            WorkingCalendar calendar) {
        List<Unit> units = new ArrayList<>();
        counted.forEach(history -> units.addAll(units(history, calendar)));
        if (groupBy != GroupBy.MONTH) {
            unfinished.forEach(history -> units.addAll(overdueUnits(history)));
        }
        return compute(units, dimensions, filter, groupBy, directory);
    }

    /**
     * The KPI rows of counted units: filtered, grouped, and each group's rates worked out.
     *
     * @param dimensions what the units' appeals are about; needed only when {@link #needsDimensions} says so
     */
    public static List<KpiRow> compute(
            List<Unit> units,
            Map<UUID, AppealDimension> dimensions,
            Filter filter,
            GroupBy groupBy,
            DirectorySnapshot directory) {
        Tally tally = new Tally(filter, groupBy, directory);
        units.forEach(unit -> tally.add(unit, dimensions.get(unit.appealId())));
        return tally.rows();
    }

    /**
     * The KPI rows worked out one unit at a time: each unit is filtered and counted into its groups' counters at
     * once, so a read over a million appeals holds a counter per group rather than every unit.
     */
    public static final class Tally {

        private final Filter filter;
        private final GroupBy groupBy;
        private final DirectorySnapshot directory;
        private final Map<String, Chain> chains = new LinkedHashMap<>();
        private final Map<String, Counts> groups = new TreeMap<>();

        public Tally(Filter filter, GroupBy groupBy, DirectorySnapshot directory) {
            this.filter = filter;
            this.groupBy = groupBy;
            this.directory = directory;
            if (groupBy == GroupBy.LEADER) {
                directory.leaders().forEach(leader -> chains.put(leader.id(), directory.chainOf(leader.id(), null)));
            }
        }

        /** Counts the unit if it passes the filter; {@code dimension} is needed only when {@link #needsDimensions}. */
        public void add(Unit unit, AppealDimension dimension) {
            if (groupBy == GroupBy.MONTH && unit.measure() == Measure.OVERDUE) {
                return;
            }
            if (!passes(unit, dimension, filter)) {
                return;
            }
            for (String key : keys(unit, dimension, groupBy, chains)) {
                groups.computeIfAbsent(key, k -> new Counts()).add(unit);
            }
        }

        public List<KpiRow> rows() {
            if (groupBy == GroupBy.NONE) {
                groups.putIfAbsent("all", new Counts());
            }
            List<KpiRow> rows = new ArrayList<>();
            groups.forEach((key, counts) -> rows.add(counts.row(key, label(key, groupBy, directory), groupBy)));
            return rows;
        }
    }

    /** Whether filtering or grouping needs what the appeals are about (category, district). */
    public static boolean needsDimensions(Filter filter, GroupBy groupBy) {
        return filter.category() != null
                || filter.district() != null
                || groupBy == GroupBy.CATEGORY
                || groupBy == GroupBy.DISTRICT;
    }

    /**
     * Whether the unit may count, judged on what it knows itself (month, department): lets a caller drop what can
     * never count before gathering the rest.
     */
    public static boolean mayPass(Unit unit, Filter filter) {
        if (filter.month() != null
                && unit.measure() != Measure.OVERDUE
                && !filter.month().equals(unit.month())) {
            return false;
        }
        return filter.departmentId() == null || filter.departmentId().equals(unit.departmentId());
    }

    /** The units one appeal's history counts, by the rules of {@code docs/kpis.md}. */
    public static List<Unit> units(AppealHistory history, WorkingCalendar calendar) {
        Instant at = history.evaluatedAt();
        UUID appeal = history.appealId();
        Set<String> leaders = history.leaderInCharge() == null ? Set.of() : Set.of(history.leaderInCharge());
        List<Unit> units = new ArrayList<>();
        for (Obligation obligation : history.obligations()) {
            Measure measure = obligation.kind() == Obligation.Kind.SIGN_FOR ? Measure.RESPONSE : Measure.ON_TIME;
            Instant due = obligation.dueAt();
            switch (obligation.end()) {
                case DONE -> {
                    units.add(judged(
                            measure,
                            appeal,
                            obligation.departmentId(),
                            leaders,
                            obligation.endedAt(),
                            obligation.inTime()));
                    if (obligation.kind() == Obligation.Kind.RESOLUTION && obligation.start() != null) {
                        Duration worked = calendar.workingTimeBetween(obligation.start(), obligation.endedAt())
                                .minus(obligation.pausedWorkingTime());
                        units.add(new Unit(
                                Measure.HANDLING,
                                appeal,
                                obligation.departmentId(),
                                leaders,
                                month(obligation.endedAt()),
                                true,
                                null,
                                false,
                                false,
                                worked.isNegative() ? Duration.ZERO : worked));
                    }
                }
                case OPEN -> {
                    if (!obligation.pausedNow() && due != null && due.isBefore(at)) {
                        units.add(judged(measure, appeal, obligation.departmentId(), leaders, due, false));
                    }
                }
                case SUPERSEDED -> {
                    if (due != null && obligation.endedAt().isAfter(due)) {
                        units.add(judged(measure, appeal, obligation.departmentId(), leaders, due, false));
                    }
                }
            }
        }
        for (AnsweredRound round : history.answeredRounds()) {
            units.add(new Unit(
                    Measure.ANSWER,
                    appeal,
                    round.departmentId(),
                    leaders,
                    month(round.answeredAt()),
                    false,
                    round.rating(),
                    round.rating() == null && round.ratingExpired(),
                    round.reopened(),
                    null));
        }
        history.actionItem().ifPresent(item -> actionItemUnit(appeal, item, leaders, at, units));
        return units;
    }

    private static void actionItemUnit(
            UUID appeal, ActionItem item, Set<String> leaders, Instant at, List<Unit> units) {
        Set<String> itemLeaders = new HashSet<>(leaders);
        if (item.leaderId() != null) {
            itemLeaders.add(item.leaderId());
        }
        if (item.closed()) {
            if (ActionItem.WITHDRAWN.equals(item.cause())) {
                return; // the enterprise withdrew the appeal: neither done nor failed
            }
            boolean onTime = item.dueAt() == null || item.closedAt().isBefore(item.dueAt());
            units.add(new Unit(
                    Measure.FOLLOW_UP,
                    appeal,
                    item.departmentId(),
                    itemLeaders,
                    month(item.closedAt()),
                    onTime,
                    null,
                    false,
                    false,
                    null));
        } else if (item.dueAt() != null && !item.dueAt().isAfter(at)) {
            units.add(new Unit(
                    Measure.FOLLOW_UP,
                    appeal,
                    item.departmentId(),
                    itemLeaders,
                    YearMonth.from(item.dueOn()),
                    false,
                    null,
                    false,
                    false,
                    null));
        }
    }

    /** One unit per item past due at the evaluation instant, in the department that owes it. */
    public static List<Unit> overdueUnits(AppealHistory history) {
        Set<String> leaders = history.leaderInCharge() == null ? Set.of() : Set.of(history.leaderInCharge());
        List<Unit> units = new ArrayList<>();
        for (Overdue overdue : history.overdue()) {
            units.add(new Unit(
                    Measure.OVERDUE,
                    history.appealId(),
                    overdue.departmentId(),
                    leaders,
                    null,
                    false,
                    null,
                    false,
                    false,
                    null));
        }
        return units;
    }

    private static Unit judged(
            Measure measure, UUID appeal, String department, Set<String> leaders, Instant countedAt, boolean met) {
        return new Unit(measure, appeal, department, leaders, month(countedAt), met, null, false, false, null);
    }

    static YearMonth month(Instant instant) {
        return YearMonth.from(instant.atZone(WorkingCalendar.ZONE));
    }

    public static boolean passes(Unit unit, AppealDimension dimension, Filter filter) {
        if (filter.month() != null
                && unit.measure() != Measure.OVERDUE
                && !filter.month().equals(unit.month())) {
            return false;
        }
        if (filter.departmentId() != null && !filter.departmentId().equals(unit.departmentId())) {
            return false;
        }
        if (filter.leader() != null && !filter.leader().covers(unit.departmentId(), unit.leaders())) {
            return false;
        }
        if (filter.category() != null
                && (dimension == null || !filter.category().equals(dimension.category()))) {
            return false;
        }
        if (filter.district() != null
                && (dimension == null || !filter.district().equals(dimension.district()))) {
            return false;
        }
        return filter.scope() == null || filter.scope().covers(unit.departmentId(), unit.leaders());
    }

    private static List<String> keys(Unit unit, AppealDimension dimension, GroupBy groupBy, Map<String, Chain> chains) {
        return switch (groupBy) {
            case NONE -> List.of("all");
            case DEPARTMENT -> List.of(orUnknown(unit.departmentId()));
            case CATEGORY -> List.of(orUnknown(dimension == null ? null : dimension.category()));
            case DISTRICT -> List.of(orUnknown(dimension == null ? null : dimension.district()));
            case MONTH ->
                unit.month() == null ? List.of() : List.of(unit.month().toString());
            case LEADER ->
                chains.entrySet().stream()
                        .filter(entry -> entry.getValue().covers(unit.departmentId(), unit.leaders()))
                        .map(Map.Entry::getKey)
                        .toList();
        };
    }

    private static String orUnknown(String value) {
        return value == null ? "unknown" : value;
    }

    private static String label(String key, GroupBy groupBy, DirectorySnapshot directory) {
        return switch (groupBy) {
            case DEPARTMENT -> directory.departmentName(key);
            case LEADER -> directory.leaderName(key);
            default -> key;
        };
    }

    /** The counters of one group's units, from which its KPIs are worked out. */
    static final class Counts {

        private long responseMet, responseTotal, onTimeMet, onTimeTotal;
        private long satisfied, rated, ratingSum, notRated, reopened, answered;
        private long resolved, workedMinutes, overdue, followUpMet, followUpTotal;

        void add(Unit unit) {
            switch (unit.measure()) {
                case RESPONSE -> {
                    responseTotal++;
                    responseMet += unit.met() ? 1 : 0;
                }
                case ON_TIME -> {
                    onTimeTotal++;
                    onTimeMet += unit.met() ? 1 : 0;
                }
                case ANSWER -> {
                    answered++;
                    reopened += unit.reopened() ? 1 : 0;
                    if (unit.rating() != null) {
                        rated++;
                        ratingSum += unit.rating();
                        satisfied += unit.rating() >= 4 ? 1 : 0;
                    } else if (unit.notRated()) {
                        notRated++;
                    }
                }
                case HANDLING -> {
                    resolved++;
                    workedMinutes += unit.workingTime().toMinutes();
                }
                case FOLLOW_UP -> {
                    followUpTotal++;
                    followUpMet += unit.met() ? 1 : 0;
                }
                case OVERDUE -> overdue++;
            }
        }

        KpiRow row(String key, String label, GroupBy groupBy) {
            return new KpiRow(
                    key,
                    label,
                    Rate.of(responseMet, responseTotal),
                    Rate.of(onTimeMet, onTimeTotal),
                    new Satisfaction(
                            satisfied,
                            rated,
                            rated == 0 ? null : round((double) satisfied / rated, 4),
                            rated == 0 ? null : round((double) ratingSum / rated, 2),
                            notRated),
                    new Reopen(reopened, answered, answered == 0 ? null : round((double) reopened / answered, 4)),
                    new Handling(
                            resolved, resolved == 0 ? null : round(workedMinutes / WORKING_DAY_MINUTES / resolved, 2)),
                    groupBy == GroupBy.MONTH ? null : overdue,
                    Rate.of(followUpMet, followUpTotal));
        }
    }

    /** Half-up rounding to the given decimals, as the docs state. */
    public static double round(double value, int decimals) {
        return BigDecimal.valueOf(value)
                .setScale(decimals, RoundingMode.HALF_UP)
                .doubleValue();
    }
}
