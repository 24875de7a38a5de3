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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads of the directory read model: departments, leaders, enterprises, liaisons and the working calendar. */
@Repository
public class Directory {

    /** An enterprise as oversight shows it. */
    public record Enterprise(String id, String name, String district) {}

    /** Who looked after an enterprise at some instant. */
    public record Liaison(String enterpriseId, String leaderId, boolean keyEnterprise) {}

    private static final TypeReference<List<Holiday>> HOLIDAYS = new TypeReference<>() {};
    private static final TypeReference<List<LocalDate>> DAYS = new TypeReference<>() {};
    private static volatile WorkingCalendar bundled;

    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;

    Directory(JdbcTemplate jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    public DirectorySnapshot snapshot() {
        var departments = jdbc.query(
                "SELECT department_id, name, parent_department_id FROM department",
                (rs, row) -> new DirectorySnapshot.Department(
                        rs.getString("department_id"), rs.getString("name"), rs.getString("parent_department_id")));
        var leaders = jdbc.query(
                "SELECT leader_id, name, title, rank, department_id, superior_leader_id FROM leader",
                (rs, row) -> new DirectorySnapshot.Leader(
                        rs.getString("leader_id"),
                        rs.getString("name"),
                        rs.getString("title"),
                        rs.getString("rank"),
                        rs.getString("department_id"),
                        rs.getString("superior_leader_id")));
        return new DirectorySnapshot(departments, leaders);
    }

    /** The working calendar: the years bundled with the platform, replaced by every year an admin loaded. */
    public WorkingCalendar calendar() {
        WorkingCalendar calendar = bundledCalendar();
        List<CalendarYear> loaded = jdbc.query(
                "SELECT year, provisional, source, holidays, make_up_working_days FROM calendar_year ORDER BY year",
                (rs, row) -> new CalendarYear(
                        rs.getInt("year"),
                        rs.getBoolean("provisional"),
                        rs.getString("source"),
                        read(rs.getString("holidays"), HOLIDAYS),
                        read(rs.getString("make_up_working_days"), DAYS)));
        for (CalendarYear year : loaded) {
            calendar = calendar.with(year);
        }
        return calendar;
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
                Timestamp.from(asOf));
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
