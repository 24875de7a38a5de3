package cn.qinqing.oversight.directory;

import cn.qinqing.language.calendar.CalendarYear;
import cn.qinqing.language.calendar.Holiday;
import cn.qinqing.language.calendar.WorkingCalendar;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/** Reads of the directory read model: departments, leaders, enterprises, liaisons and the working calendar. */
@Repository
public class Directory {

    /** An enterprise as oversight shows it. */
    public record Enterprise(String id, String name, String district) {}

    /** Who looked after an enterprise at some instant. */
    public record Liaison(String enterpriseId, String leaderId, boolean keyEnterprise) {}

    /**
     * A year of the working calendar in force at an instant: the one bundled with the platform, or the one an admin
     * loaded (the last recorded by then).
     *
     * @param loadedAt when the event store recorded the admin's load; null for a bundled year
     */
    public record CalendarVersion(int year, boolean provisional, String source, Instant loadedAt) {}

    private static final TypeReference<List<Holiday>> HOLIDAYS = new TypeReference<>() {};
    private static final TypeReference<List<LocalDate>> DAYS = new TypeReference<>() {};
    private static volatile WorkingCalendar bundled;

    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;

    /** The latest directory, read whole at a {@code directory_version}; replaced when the version moves. */
    private volatile Latest latest;

    Directory(JdbcTemplate jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    /**
     * The directory and the working calendar as recorded by the instant, for one read: its departments, leaders,
     * liaisons and calendar agree with each other. For the present (anything recorded by then) it costs one look at
     * {@code directory_version}; for an instant before the last change, the tables are read as of it.
     */
    public View at(Instant asOf) {
        return kept(asOf).orElseGet(() -> read(asOf));
    }

    /**
     * The kept latest directory, if it is what the instant saw (nothing recorded after the instant); empty for an
     * instant before the last change, which the tables answer — only the part a caller asks for.
     */
    private Optional<View> kept(Instant asOf) {
        long version = version();
        Latest known = latest;
        if (known == null || known.version() != version) {
            known = readLatest(version);
        }
        if (known != null && (asOf == null || !asOf.isBefore(known.recordedUntil()))) {
            return Optional.of(known.view());
        }
        return Optional.empty();
    }

    /** The directory as one read sees it: see {@link #at}. */
    public record View(
            DirectorySnapshot snapshot,
            WorkingCalendar calendar,
            List<CalendarVersion> calendarVersions,
            Map<String, Liaison> liaisons) {

        public View {
            liaisons = Map.copyOf(liaisons);
        }
    }

    private record Latest(long version, Instant recordedUntil, View view) {}

    private long version() {
        Long version = jdbc.queryForObject("SELECT version FROM directory_version", Long.class);
        return version == null ? 0 : version;
    }

    /**
     * Everything recorded, kept only if no change came in while it was read (the version before and after agree);
     * null if one did.
     */
    private Latest readLatest(long version) {
        View view = read(null);
        Timestamp until = jdbc.queryForObject(
                "SELECT max(recorded_at) FROM (SELECT max(recorded_at) AS recorded_at FROM department"
                        + " UNION ALL SELECT max(recorded_at) FROM leader"
                        + " UNION ALL SELECT max(recorded_at) FROM enterprise_liaison"
                        + " UNION ALL SELECT max(recorded_at) FROM calendar_year) r",
                Timestamp.class);
        if (version() != version) {
            return null;
        }
        Latest read = new Latest(version, until == null ? Instant.MIN : until.toInstant(), view);
        latest = read;
        return read;
    }

    private View read(Instant asOf) {
        return new View(readSnapshot(asOf), readCalendar(asOf), readCalendarVersions(asOf), readLiaisons(asOf));
    }

    /** The directory as it is now: the last version of every department and leader. */
    public DirectorySnapshot snapshot() {
        return snapshot(null);
    }

    /**
     * The directory as the event store had recorded it by the instant: per department and per leader, the last
     * version recorded by then (names, parents, superiors, who heads what). Null: everything recorded.
     */
    public DirectorySnapshot snapshot(Instant asOf) {
        return kept(asOf).map(View::snapshot).orElseGet(() -> readSnapshot(asOf));
    }

    private DirectorySnapshot readSnapshot(Instant asOf) {
        Timestamp until = until(asOf);
        var departments = jdbc.query(
                "SELECT DISTINCT ON (department_id) department_id, name, parent_department_id FROM department"
                        + " WHERE recorded_at <= ? ORDER BY department_id, global_index DESC",
                (rs, row) -> new DirectorySnapshot.Department(
                        rs.getString("department_id"), rs.getString("name"), rs.getString("parent_department_id")),
                until);
        var leaders = jdbc.query(
                "SELECT DISTINCT ON (leader_id) leader_id, name, title, rank, department_id, superior_leader_id"
                        + " FROM leader WHERE recorded_at <= ? ORDER BY leader_id, global_index DESC",
                (rs, row) -> new DirectorySnapshot.Leader(
                        rs.getString("leader_id"),
                        rs.getString("name"),
                        rs.getString("title"),
                        rs.getString("rank"),
                        rs.getString("department_id"),
                        rs.getString("superior_leader_id")),
                until);
        return new DirectorySnapshot(departments, leaders);
    }

    /** The working calendar as it is now. */
    public WorkingCalendar calendar() {
        return calendar(null);
    }

    /**
     * The working calendar in force at the instant: the years bundled with the platform, each replaced by the last
     * version of that year an admin had loaded by then. Null: everything loaded.
     */
    public WorkingCalendar calendar(Instant asOf) {
        return kept(asOf).map(View::calendar).orElseGet(() -> readCalendar(asOf));
    }

    private WorkingCalendar readCalendar(Instant asOf) {
        WorkingCalendar calendar = bundledCalendar();
        for (CalendarYear year : loaded(asOf).values()) {
            calendar = calendar.with(year);
        }
        return calendar;
    }

    /** Which version of each year the calendar in force at the instant has: what an answer as of it was counted by. */
    public List<CalendarVersion> calendarVersions(Instant asOf) {
        return kept(asOf).map(View::calendarVersions).orElseGet(() -> readCalendarVersions(asOf));
    }

    private List<CalendarVersion> readCalendarVersions(Instant asOf) {
        Map<Integer, CalendarVersion> versions = new TreeMap<>();
        for (CalendarYear year : bundledCalendar().years()) {
            versions.put(year.year(), new CalendarVersion(year.year(), year.provisional(), year.source(), null));
        }
        jdbc.query(
                "SELECT DISTINCT ON (year) year, provisional, source, recorded_at FROM calendar_year"
                        + " WHERE recorded_at <= ? ORDER BY year, global_index DESC",
                (RowCallbackHandler) rs -> versions.put(
                        rs.getInt("year"),
                        new CalendarVersion(
                                rs.getInt("year"),
                                rs.getBoolean("provisional"),
                                rs.getString("source"),
                                rs.getTimestamp("recorded_at").toInstant())),
                until(asOf));
        return List.copyOf(versions.values());
    }

    private Map<Integer, CalendarYear> loaded(Instant asOf) {
        Map<Integer, CalendarYear> years = new TreeMap<>();
        jdbc.query(
                "SELECT DISTINCT ON (year) year, provisional, source, holidays, make_up_working_days"
                        + " FROM calendar_year WHERE recorded_at <= ? ORDER BY year, global_index DESC",
                (RowCallbackHandler) rs -> years.put(
                        rs.getInt("year"),
                        new CalendarYear(
                                rs.getInt("year"),
                                rs.getBoolean("provisional"),
                                rs.getString("source"),
                                read(rs.getString("holidays"), HOLIDAYS),
                                read(rs.getString("make_up_working_days"), DAYS))),
                until(asOf));
        return years;
    }

    /** The instant as a bound on {@code recorded_at}; null is no bound. */
    private static Timestamp until(Instant asOf) {
        return Timestamp.from(asOf == null ? Instant.parse("9999-12-31T23:59:59Z") : asOf);
    }

    private static WorkingCalendar bundledCalendar() {
        if (bundled == null) {
            bundled = WorkingCalendar.bundled();
        }
        return bundled;
    }

    public Map<String, Enterprise> enterprises(Collection<String> ids) {
        Map<String, Enterprise> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.query(
                "SELECT enterprise_id, name, district FROM enterprise WHERE enterprise_id = ANY(?)",
                rs -> {
                    found.put(
                            rs.getString("enterprise_id"),
                            new Enterprise(
                                    rs.getString("enterprise_id"), rs.getString("name"), rs.getString("district")));
                },
                (Object) ids.toArray(String[]::new));
        return found;
    }

    /** Each enterprise's liaison as recorded by {@code asOf} (the latest change wins). */
    public Map<String, Liaison> liaisons(Instant asOf) {
        return kept(asOf).map(View::liaisons).orElseGet(() -> readLiaisons(asOf));
    }

    private Map<String, Liaison> readLiaisons(Instant asOf) {
        Map<String, Liaison> liaisons = new HashMap<>();
        jdbc.query(
                "SELECT DISTINCT ON (enterprise_id) enterprise_id, liaison_leader_id, key_enterprise"
                        + " FROM enterprise_liaison WHERE recorded_at <= ? ORDER BY enterprise_id, global_index DESC",
                rs -> {
                    liaisons.put(
                            rs.getString("enterprise_id"),
                            new Liaison(
                                    rs.getString("enterprise_id"),
                                    rs.getString("liaison_leader_id"),
                                    rs.getBoolean("key_enterprise")));
                },
                until(asOf));
        return liaisons;
    }

    public Optional<Liaison> liaisonOf(String enterpriseId, Instant asOf) {
        return Optional.ofNullable(enterpriseId).map(id -> liaisons(asOf).get(id));
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
