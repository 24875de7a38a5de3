package cn.qinqing.oversight.ranking;

import cn.qinqing.language.calendar.WorkingCalendar;
import cn.qinqing.oversight.directory.Directory;
import cn.qinqing.oversight.directory.DirectorySnapshot;
import cn.qinqing.oversight.kpi.KpiQueries;
import cn.qinqing.oversight.kpi.KpiRow;
import cn.qinqing.oversight.kpi.Kpis;
import cn.qinqing.oversight.reading.Freshness;
import cn.qinqing.oversight.reading.ReadModels;
import cn.qinqing.oversight.reading.Scope;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Monthly rankings of departments: recomputed from every event known at an instant, and frozen once at each month's
 * end as reported. Frozen rankings are records, not read models: a replay leaves them alone.
 */
@Service
public class Rankings {

    private final KpiQueries kpis;
    private final ReadModels readModels;
    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;

    Rankings(KpiQueries kpis, ReadModels readModels, JdbcTemplate jdbc, ObjectMapper mapper) {
        this.kpis = kpis;
        this.readModels = readModels;
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    /** The month's ranking from every fact recorded by the instant, with the directory and calendar known then. */
    public Ranking recompute(YearMonth month, Instant asOf) {
        Directory.View known = kpis.directory(asOf);
        Freshness freshness = readModels.freshness();
        List<KpiRow> rows =
                kpis.rows(new Kpis.Filter(month, null, null, null, null, null), Kpis.GroupBy.DEPARTMENT, asOf, known);
        return new Ranking(
                month.toString(), asOf, null, freshness.position(), freshness.head(), entries(rows, known.snapshot()));
    }

    /**
     * Departments ranked by their KPI rows (grouped by department): the rule of {@code docs/kpis.md} — score the mean
     * of the three rates that counted something, rank 1 + the number of departments scoring higher. Also what a
     * what-if run ranks with.
     */
    public static List<Ranking.Entry> entries(List<KpiRow> rows, DirectorySnapshot directory) {
        List<KpiRow> ranked = rows.stream()
                .filter(row -> !"unknown".equals(row.key()))
                .filter(Rankings::countsSomething)
                .toList();
        List<Ranking.Entry> entries = new ArrayList<>();
        for (KpiRow row : ranked) {
            Double score = row.score();
            Integer rank = score == null
                    ? null
                    : 1
                            + (int) ranked.stream()
                                    .map(KpiRow::score)
                                    .filter(other -> other != null && other > score)
                                    .count();
            entries.add(new Ranking.Entry(row.key(), directory.departmentName(row.key()), rank, score, row));
        }
        entries.sort(Comparator.comparing(Ranking.Entry::rank, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Ranking.Entry::departmentId));
        return entries;
    }

    /** A department is ranked in a month when something of it was counted in that month. */
    private static boolean countsSomething(KpiRow row) {
        return row.response().total()
                        + row.onTimeResolution().total()
                        + row.satisfaction().rated()
                        + row.reopen().answered()
                        + row.handling().resolved()
                        + row.meetingFollowUp().total()
                > 0;
    }

    /** The ranking frozen for the month, if it was. */
    public Optional<Ranking> reported(YearMonth month) {
        var freezes = jdbc.queryForList(
                "SELECT as_of, frozen_at, read_model_position, event_store_head FROM ranking_freeze WHERE month = ?",
                month.toString());
        if (freezes.isEmpty()) {
            return Optional.empty();
        }
        var freeze = freezes.get(0);
        List<Ranking.Entry> entries = jdbc.query(
                "SELECT department_id, rank, score, kpis FROM ranking_frozen_row WHERE month = ?"
                        + " ORDER BY rank NULLS LAST, department_id",
                (rs, row) -> {
                    KpiRow kpiRow = read(rs.getString("kpis"));
                    BigDecimal score = rs.getBigDecimal("score");
                    return new Ranking.Entry(
                            rs.getString("department_id"),
                            kpiRow.label(),
                            (Integer) rs.getObject("rank"),
                            score == null ? null : score.doubleValue(),
                            kpiRow);
                },
                month.toString());
        return Optional.of(new Ranking(
                month.toString(),
                ((Timestamp) freeze.get("as_of")).toInstant(),
                ((Timestamp) freeze.get("frozen_at")).toInstant(),
                (Long) freeze.get("read_model_position"),
                (Long) freeze.get("event_store_head"),
                entries));
    }

    public boolean isFrozen(YearMonth month) {
        Integer count = jdbc.queryForObject(
                "SELECT count(*) FROM ranking_freeze WHERE month = ?", Integer.class, month.toString());
        return count != null && count > 0;
    }

    /** The month as reported and as recomputed at the instant, with the differences, limited to the scope. */
    public RankingComparison compare(YearMonth month, Instant asOf, Scope scope) {
        Ranking recomputed = limit(recompute(month, asOf), scope);
        Ranking reported = reported(month).map(ranking -> limit(ranking, scope)).orElse(null);
        Map<String, Ranking.Entry> before = new LinkedHashMap<>();
        if (reported != null) {
            reported.entries().forEach(entry -> before.put(entry.departmentId(), entry));
        }
        Map<String, Ranking.Entry> after = new LinkedHashMap<>();
        recomputed.entries().forEach(entry -> after.put(entry.departmentId(), entry));
        Set<String> departments = new TreeSet<>(before.keySet());
        departments.addAll(after.keySet());
        List<RankingComparison.Difference> differences = new ArrayList<>();
        for (String department : departments) {
            Ranking.Entry was = before.get(department);
            Ranking.Entry is = after.get(department);
            differences.add(new RankingComparison.Difference(
                    department,
                    is != null ? is.departmentName() : was.departmentName(),
                    was == null ? null : was.rank(),
                    is == null ? null : is.rank(),
                    change(was == null ? null : was.rank(), is == null ? null : is.rank()),
                    was == null ? null : was.score(),
                    is == null ? null : is.score(),
                    change(was == null ? null : was.score(), is == null ? null : is.score()),
                    change(rate(was, row -> row.response().rate()), rate(is, row -> row.response()
                            .rate())),
                    change(rate(was, row -> row.onTimeResolution().rate()), rate(is, row -> row.onTimeResolution()
                            .rate())),
                    change(rate(was, row -> row.satisfaction().rate()), rate(is, row -> row.satisfaction()
                            .rate())),
                    change(rate(was, row -> row.reopen().rate()), rate(is, row -> row.reopen()
                            .rate()))));
        }
        return new RankingComparison(month.toString(), reported, recomputed, differences, readModels.freshness());
    }

    private static Ranking limit(Ranking ranking, Scope scope) {
        if (scope.isEverything()) {
            return ranking;
        }
        return new Ranking(
                ranking.month(),
                ranking.asOf(),
                ranking.frozenAt(),
                ranking.readModelPosition(),
                ranking.eventStoreHead(),
                ranking.entries().stream()
                        .filter(entry -> scope.coversDepartment(entry.departmentId()))
                        .toList());
    }

    private static Double rate(Ranking.Entry entry, Function<KpiRow, Double> rate) {
        return entry == null ? null : rate.apply(entry.kpis());
    }

    private static Integer change(Integer before, Integer after) {
        return before == null || after == null ? null : after - before;
    }

    private static Double change(Double before, Double after) {
        return before == null || after == null ? null : Kpis.round(after - before, 4);
    }

    /** The months with a frozen ranking, newest first. */
    public List<String> frozenMonths() {
        return jdbc.queryForList("SELECT month FROM ranking_freeze ORDER BY month DESC", String.class);
    }

    /** What came of an attempt to freeze a month. */
    public enum FreezeOutcome {
        /** This call froze it. */
        FROZEN,
        /** It had been frozen before (by a schedule, an admin or another instance): a report is frozen once. */
        ALREADY_FROZEN,
        /** Not now: the read models are behind the event store or being rebuilt; try again later. */
        NOT_READY
    }

    /**
     * Freezes an ended month's ranking as reported at the month's end (only facts, directory versions and calendar
     * loads recorded by then), if the read models are complete and it was not frozen before. One transaction, as
     * {@link #freeze} needs (it is called from here, not through the proxy).
     */
    @Transactional
    public FreezeOutcome freezeMonth(YearMonth month, String by) {
        if (isFrozen(month)) {
            return FreezeOutcome.ALREADY_FROZEN;
        }
        if (!readModels.freshness().caughtUp()) {
            return FreezeOutcome.NOT_READY;
        }
        if (freeze(month, monthEnd(month), by)) {
            return FreezeOutcome.FROZEN;
        }
        return isFrozen(month) ? FreezeOutcome.ALREADY_FROZEN : FreezeOutcome.NOT_READY;
    }

    /** The first instant after the month, in the city's time zone. */
    public static Instant monthEnd(YearMonth month) {
        return month.plusMonths(1).atDay(1).atStartOfDay(WorkingCalendar.ZONE).toInstant();
    }

    /** Who froze the month and when, if it was. */
    public Optional<Map<String, Object>> freezeRecord(YearMonth month) {
        return jdbc
                .queryForList("SELECT frozen_at, frozen_by FROM ranking_freeze WHERE month = ?", month.toString())
                .stream()
                .findFirst();
    }

    /**
     * Freezes the month's ranking as computed from the facts recorded by {@code asOf} (the month's end), unless it is
     * frozen already.
     * The month's primary key decides between instances freezing at the same moment: the second insert waits for
     * the first to commit and then does nothing.
     *
     * @return whether this call froze it; false as well while a replay rebuilds the read models (try again later)
     */
    @Transactional
    public boolean freeze(YearMonth month, Instant asOf, String by) {
        // a replay resets under an exclusive lock of this row: freezing holds it shared, so the two never interleave,
        // and nothing is frozen from read models that are being rebuilt
        String replay = jdbc.queryForObject("SELECT state FROM replay_control WHERE id = 1 FOR SHARE", String.class);
        if ("STOPPING".equals(replay) || readModels.replaying()) {
            return false;
        }
        Ranking ranking = recompute(month, asOf);
        int inserted = jdbc.update(
                "INSERT INTO ranking_freeze (month, as_of, frozen_at, frozen_by, read_model_position,"
                        + " event_store_head) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (month) DO NOTHING",
                month.toString(),
                Timestamp.from(asOf),
                Timestamp.from(Instant.now()),
                by,
                ranking.readModelPosition(),
                ranking.eventStoreHead());
        if (inserted == 0) {
            return false;
        }
        for (Ranking.Entry entry : ranking.entries()) {
            jdbc.update(
                    "INSERT INTO ranking_frozen_row (month, department_id, rank, score, kpis) VALUES (?, ?, ?, ?, ?::jsonb)",
                    month.toString(),
                    entry.departmentId(),
                    entry.rank(),
                    entry.score() == null ? null : BigDecimal.valueOf(entry.score()),
                    write(entry.kpis()));
        }
        return true;
    }

    private String write(KpiRow row) {
        try {
            return mapper.writeValueAsString(row);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private KpiRow read(String json) {
        try {
            return mapper.readValue(json, KpiRow.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
