package cn.qinqing.projects.project.query;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.ChainLink;
import cn.qinqing.language.Urgency;
import cn.qinqing.language.project.CapacityUnit;
import cn.qinqing.language.project.Milestone;
import cn.qinqing.projects.project.query.SpeedView.ProjectSpeed;
import cn.qinqing.projects.project.query.SpeedView.ScheduleRate;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the key projects as of a day ({@code asOf}, Asia/Shanghai): every figure is derived from the dates the events
 * carry (signed, planned, reached, raised, closed), so a day in the past shows the portfolio as it stood then. A city
 * has tens to hundreds of key projects: they are read whole and figured here.
 */
@Component
public class Projects {

    public static final String PROCESSING_GROUP = ProjectProjection.GROUP;
    public static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    private final JdbcTemplate jdbc;

    Projects(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The projects signed by {@code asOf}, upstream links first; narrowed to an enterprise, a link or a status.
     * {@code enterpriseId} is who may see (an enterprise user's own enterprise, null for the city's staff),
     * {@code investor} an enterprise asked for: a filter that narrows what the caller may see, never widens it.
     */
    public List<ProjectView> list(
            String enterpriseId, String investor, ChainLink chainLink, Milestone status, LocalDate asOf) {
        List<Row> rows = rows(enterpriseId, null, asOf);
        Map<UUID, List<MilestoneView>> milestones = milestones(null, asOf);
        Map<UUID, Integer> open = openBlockers(asOf);
        return rows.stream()
                .filter(row -> investor == null || row.enterpriseIds.contains(investor))
                .filter(row -> chainLink == null || row.chainLink == chainLink)
                .map(row -> view(row, milestones.getOrDefault(row.projectId, List.of()), open))
                .filter(view -> status == null || view.status() == status)
                .sorted(Comparator.comparing(ProjectView::chainLink).thenComparing(ProjectView::signedOn))
                .toList();
    }

    /** One project as of a day, if it exists, was signed by then and the enterprise (when given) invests in it. */
    public Optional<ProjectDetails> find(UUID projectId, String enterpriseId, LocalDate asOf) {
        List<Row> rows = rows(enterpriseId, projectId, asOf);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<MilestoneView> milestones = milestones(projectId, asOf).getOrDefault(projectId, List.of());
        Instant end = endOf(asOf);
        List<BlockerView> blockers = jdbc.query(
                "SELECT * FROM blocker_view WHERE project_id = ? AND raised_at < ? ORDER BY raised_at",
                (rs, n) -> blocker(rs, end),
                projectId,
                Timestamp.from(end));
        Map<UUID, Integer> open = Map.of(
                projectId, (int) blockers.stream().filter(BlockerView::open).count());
        List<ProgressView> progress = jdbc.query(
                "SELECT note, noted_by, noted_at FROM progress_note WHERE project_id = ? AND noted_at < ?"
                        + " ORDER BY sequence DESC",
                (rs, n) -> new ProgressView(
                        rs.getString("note"),
                        rs.getString("noted_by"),
                        rs.getTimestamp("noted_at").toInstant()),
                projectId,
                Timestamp.from(end));
        return Optional.of(
                new ProjectDetails(asOf, view(rows.get(0), milestones, open), milestones, progress, blockers));
    }

    /** Every blocker raised by {@code asOf} whose appeal was not closed or withdrawn by the end of that day. */
    public List<BlockerView> blockersOpenOn(LocalDate asOf) {
        Instant end = endOf(asOf);
        return jdbc.query(
                "SELECT * FROM blocker_view WHERE raised_at < ? AND (closed_at IS NULL OR closed_at >= ?)"
                        + " ORDER BY raised_at",
                (rs, n) -> blocker(rs, end),
                Timestamp.from(end),
                Timestamp.from(end));
    }

    /** The blocker whose appeal this is, if the enterprise (when given) invests in its project. */
    public Optional<BlockerView> blockerOfAppeal(UUID appealId, String enterpriseId) {
        return jdbc
                .query(
                        "SELECT b.* FROM blocker_view b WHERE b.appeal_id = ? AND (CAST(? AS VARCHAR) IS NULL OR EXISTS"
                                + " (SELECT 1 FROM project_investor i WHERE i.project_id = b.project_id"
                                + " AND i.enterprise_id = ?))",
                        (rs, n) -> blocker(rs, Instant.now()),
                        appealId,
                        enterpriseId,
                        enterpriseId)
                .stream()
                .findFirst();
    }

    /** "Baotou speed" as of a day (docs/kpis.md). */
    public SpeedView speed(LocalDate asOf) {
        List<Row> rows = rows(null, null, asOf);
        Map<UUID, List<MilestoneView>> milestones = milestones(null, asOf);
        List<ProjectSpeed> projects = new ArrayList<>();
        Map<String, int[]> byLeader = new TreeMap<>();
        Map<String, int[]> byDepartment = new TreeMap<>();
        for (Row row : rows) {
            Map<Milestone, MilestoneView> of = milestones.getOrDefault(row.projectId, List.of()).stream()
                    .collect(Collectors.toMap(MilestoneView::milestone, Function.identity()));
            projects.add(new ProjectSpeed(
                    row.projectId,
                    row.name,
                    row.chainLink,
                    row.leaderId,
                    row.departmentId,
                    row.signedOn,
                    daysFromSigning(row, of.get(Milestone.CONSTRUCTION_STARTED)),
                    daysFromSigning(row, of.get(Milestone.COMMISSIONED))));
            int due = 0;
            int onSchedule = 0;
            for (MilestoneView milestone : of.values()) {
                if (milestone.milestone() == Milestone.SIGNED) {
                    continue;
                }
                if (milestone.plannedOn().isBefore(asOf) || milestone.reachedOn() != null) {
                    due++;
                    if (Boolean.TRUE.equals(milestone.onSchedule())) {
                        onSchedule++;
                    }
                }
            }
            add(byLeader, row.leaderId, due, onSchedule);
            add(byDepartment, row.departmentId, due, onSchedule);
        }
        return new SpeedView(
                asOf,
                projects,
                average(projects.stream().map(ProjectSpeed::daysToConstruction).toList()),
                average(projects.stream().map(ProjectSpeed::daysToCommissioning).toList()),
                rates(byLeader),
                rates(byDepartment));
    }

    private static void add(Map<String, int[]> tally, String key, int due, int onSchedule) {
        int[] counts = tally.computeIfAbsent(key, k -> new int[3]);
        counts[0]++;
        counts[1] += due;
        counts[2] += onSchedule;
    }

    private static List<ScheduleRate> rates(Map<String, int[]> tally) {
        return tally.entrySet().stream()
                .map(entry -> {
                    int[] c = entry.getValue();
                    BigDecimal rate = c[1] == 0
                            ? null
                            : BigDecimal.valueOf(c[2] * 100L).divide(BigDecimal.valueOf(c[1]), 1, RoundingMode.HALF_UP);
                    return new ScheduleRate(entry.getKey(), c[0], c[1], c[2], rate);
                })
                .toList();
    }

    private static BigDecimal average(List<Long> days) {
        List<Long> known = days.stream().filter(d -> d != null).toList();
        if (known.isEmpty()) {
            return null;
        }
        long sum = known.stream().mapToLong(Long::longValue).sum();
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(known.size()), 1, RoundingMode.HALF_UP);
    }

    private static Long daysFromSigning(Row row, MilestoneView milestone) {
        return milestone == null || milestone.reachedOn() == null
                ? null
                : ChronoUnit.DAYS.between(row.signedOn, milestone.reachedOn());
    }

    private ProjectView view(Row row, List<MilestoneView> milestones, Map<UUID, Integer> open) {
        Milestone status = Milestone.SIGNED;
        LocalDate statusReachedOn = row.signedOn;
        LocalDate commissioning = null;
        MilestoneView next = null;
        for (MilestoneView milestone : milestones) {
            if (milestone.reachedOn() != null) {
                status = milestone.milestone();
                statusReachedOn = milestone.reachedOn();
            } else if (next == null) {
                next = milestone;
            }
            if (milestone.milestone() == Milestone.COMMISSIONED) {
                commissioning = milestone.plannedOn();
            }
        }
        return new ProjectView(
                row.projectId,
                row.name,
                row.enterpriseIds,
                row.chainLink,
                row.investmentCny,
                row.capacityAmount,
                row.capacityUnit,
                row.site,
                row.leaderId,
                row.departmentId,
                row.signedOn,
                status,
                statusReachedOn,
                commissioning,
                next == null ? null : next.milestone(),
                next == null ? null : next.plannedOn(),
                milestones.stream().anyMatch(MilestoneView::overdue),
                open.getOrDefault(row.projectId, 0),
                row.version);
    }

    private record Row(
            UUID projectId,
            String name,
            List<String> enterpriseIds,
            ChainLink chainLink,
            BigDecimal investmentCny,
            BigDecimal capacityAmount,
            CapacityUnit capacityUnit,
            String site,
            String leaderId,
            String departmentId,
            LocalDate signedOn,
            long version) {}

    private List<Row> rows(String enterpriseId, UUID projectId, LocalDate asOf) {
        StringBuilder sql = new StringBuilder("SELECT p.*, (SELECT string_agg(i.enterprise_id, ',' ORDER BY i.position)"
                + " FROM project_investor i WHERE i.project_id = p.project_id) AS investors"
                + " FROM project_view p WHERE p.signed_on <= ?");
        List<Object> args = new ArrayList<>(List.of(Date.valueOf(asOf)));
        if (enterpriseId != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM project_investor i WHERE i.project_id = p.project_id"
                    + " AND i.enterprise_id = ?)");
            args.add(enterpriseId);
        }
        if (projectId != null) {
            sql.append(" AND p.project_id = ?");
            args.add(projectId);
        }
        return jdbc.query(
                sql.toString(),
                (rs, n) -> new Row(
                        rs.getObject("project_id", UUID.class),
                        rs.getString("name"),
                        rs.getString("investors") == null
                                ? List.of()
                                : List.of(rs.getString("investors").split(",")),
                        ChainLink.valueOf(rs.getString("chain_link")),
                        rs.getBigDecimal("investment_cny"),
                        plain(rs.getBigDecimal("capacity_amount")),
                        CapacityUnit.valueOf(rs.getString("capacity_unit")),
                        rs.getString("site"),
                        rs.getString("leader_id"),
                        rs.getString("department_id"),
                        rs.getObject("signed_on", LocalDate.class),
                        rs.getLong("version")),
                args.toArray());
    }

    private Map<UUID, List<MilestoneView>> milestones(UUID projectId, LocalDate asOf) {
        String sql = "SELECT * FROM milestone_view" + (projectId == null ? "" : " WHERE project_id = ?")
                + " ORDER BY project_id, position";
        Object[] args = projectId == null ? new Object[0] : new Object[] {projectId};
        Map<UUID, List<MilestoneView>> byProject = new LinkedHashMap<>();
        jdbc.query(
                sql,
                rs -> {
                    LocalDate planned = rs.getObject("planned_on", LocalDate.class);
                    LocalDate reached = rs.getObject("reached_on", LocalDate.class);
                    if (reached != null && reached.isAfter(asOf)) {
                        reached = null; // not yet reached on the day asked about
                    }
                    Timestamp escalated = rs.getTimestamp("overdue_at");
                    Instant escalatedAt =
                            escalated == null || !escalated.toInstant().isBefore(endOf(asOf))
                                    ? null
                                    : escalated.toInstant();
                    byProject
                            .computeIfAbsent(rs.getObject("project_id", UUID.class), id -> new ArrayList<>())
                            .add(new MilestoneView(
                                    Milestone.valueOf(rs.getString("milestone")),
                                    planned,
                                    reached,
                                    reached == null ? null : rs.getString("note"),
                                    reached == null ? null : rs.getString("recorded_by"),
                                    escalatedAt,
                                    reached == null && planned.isBefore(asOf),
                                    reached == null ? null : !reached.isAfter(planned)));
                },
                args);
        return byProject;
    }

    private Map<UUID, Integer> openBlockers(LocalDate asOf) {
        Instant end = endOf(asOf);
        Map<UUID, Integer> open = new LinkedHashMap<>();
        jdbc.query(
                "SELECT project_id, count(*) AS open FROM blocker_view WHERE raised_at < ?"
                        + " AND (closed_at IS NULL OR closed_at >= ?) GROUP BY project_id",
                rs -> {
                    open.put(rs.getObject("project_id", UUID.class), rs.getInt("open"));
                },
                Timestamp.from(end),
                Timestamp.from(end));
        return open;
    }

    private static BlockerView blocker(ResultSet rs, Instant end) throws SQLException {
        Timestamp closed = rs.getTimestamp("closed_at");
        boolean open = closed == null || !closed.toInstant().isBefore(end);
        return new BlockerView(
                rs.getObject("blocker_id", UUID.class),
                rs.getObject("project_id", UUID.class),
                rs.getObject("appeal_id", UUID.class),
                rs.getString("enterprise_id"),
                rs.getString("title"),
                AppealCategory.valueOf(rs.getString("category")),
                Urgency.valueOf(rs.getString("urgency")),
                rs.getString("raised_by"),
                rs.getTimestamp("raised_at").toInstant(),
                rs.getString("appeal_status"),
                closed == null ? null : closed.toInstant(),
                open);
    }

    /** 20, not 2E+1 nor 20.000. */
    private static BigDecimal plain(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** The instant the day ends in Baotou. */
    public static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(CITY).toInstant();
    }
}
