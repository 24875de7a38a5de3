package cn.qinqing.oversight.facts;

import cn.qinqing.oversight.history.Fact;
import cn.qinqing.oversight.history.FactType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads of the fact table. Every read takes the instant it is asked as of: only facts the event store had recorded by
 * then take part, which is all that time travel is.
 */
@Repository
public class Facts {

    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {};
    private static final String FINISHED_TYPES = "('WITHDRAWN', 'APPEAL_CLOSED', 'CASE_CLOSED', 'ASSIGNMENT_CLOSED')";

    static final int CURSOR_ROWS = 1000;

    private final JdbcTemplate jdbc;
    private final JdbcTemplate cursor;
    private final TransactionTemplate readOnly;
    private final ObjectMapper mapper;

    Facts(JdbcTemplate jdbc, PlatformTransactionManager transactions, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.cursor = new JdbcTemplate(jdbc.getDataSource());
        this.cursor.setFetchSize(CURSOR_ROWS);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.mapper = mapper;
    }

    /** One appeal's facts recorded by {@code asOf}, in stream order. */
    public List<Fact> ofAppeal(UUID appealId, Instant asOf) {
        return jdbc.query(
                "SELECT * FROM appeal_fact WHERE appeal_id = ? AND recorded_at <= ? ORDER BY global_index",
                this::map,
                appealId,
                Timestamp.from(asOf));
    }

    /**
     * The facts (recorded by {@code asOf}) of every appeal that has a fact happening, or falling due, in
     * {@code [from, to)}: the appeals a period's KPIs can count. Null bounds mean all time. Each appeal's facts are
     * handed over in one list, one appeal at a time, read from a cursor: memory does not grow with the store.
     */
    public void touching(Instant from, Instant to, Instant asOf, Consumer<List<Fact>> eachAppeal) {
        if (from == null || to == null) {
            stream(
                    "SELECT * FROM appeal_fact WHERE recorded_at <= ? ORDER BY appeal_id, global_index",
                    eachAppeal,
                    Timestamp.from(asOf));
            return;
        }
        stream(
                "SELECT f.* FROM appeal_fact f WHERE f.recorded_at <= ? AND f.appeal_id IN ("
                        + " SELECT appeal_id FROM appeal_fact WHERE recorded_at <= ?"
                        + " AND ((at >= ? AND at < ?) OR (due_at >= ? AND due_at < ?)))"
                        + " ORDER BY f.appeal_id, f.global_index",
                eachAppeal,
                Timestamp.from(asOf),
                Timestamp.from(asOf),
                Timestamp.from(from),
                Timestamp.from(to),
                Timestamp.from(from),
                Timestamp.from(to));
    }

    /** The facts (recorded by {@code asOf}) of every appeal not withdrawn or closed by then, one appeal at a time. */
    public void unfinished(Instant asOf, Consumer<List<Fact>> eachAppeal) {
        stream(
                "SELECT f.* FROM appeal_fact f WHERE f.recorded_at <= ? AND NOT EXISTS ("
                        + " SELECT 1 FROM appeal_fact e WHERE e.appeal_id = f.appeal_id AND e.recorded_at <= ?"
                        + " AND e.type IN " + FINISHED_TYPES + ")"
                        + " ORDER BY f.appeal_id, f.global_index",
                eachAppeal,
                Timestamp.from(asOf),
                Timestamp.from(asOf));
    }

    /** The facts (recorded by {@code asOf}) of every appeal of these enterprises, one appeal at a time. */
    public void ofEnterprises(Collection<String> enterpriseIds, Instant asOf, Consumer<List<Fact>> eachAppeal) {
        if (enterpriseIds.isEmpty()) {
            return;
        }
        stream(
                "SELECT f.* FROM appeal_fact f JOIN appeal_dimension d ON d.appeal_id = f.appeal_id"
                        + " WHERE d.enterprise_id = ANY(?) AND f.recorded_at <= ? ORDER BY f.appeal_id, f.global_index",
                eachAppeal,
                enterpriseIds.toArray(String[]::new),
                Timestamp.from(asOf));
    }

    /** What the appeals are about; an appeal the dimensions do not know yet gets an empty one. */
    public Map<UUID, AppealDimension> dimensions(Collection<UUID> appealIds) {
        Map<UUID, AppealDimension> found = new HashMap<>();
        if (appealIds.isEmpty()) {
            return found;
        }
        jdbc.query(
                "SELECT d.*, e.name AS enterprise_name, coalesce(d.district, e.district) AS any_district"
                        + " FROM appeal_dimension d LEFT JOIN enterprise e ON e.enterprise_id = d.enterprise_id"
                        + " WHERE d.appeal_id = ANY(?)",
                (RowCallbackHandler) rs -> {
                    UUID id = rs.getObject("appeal_id", UUID.class);
                    Timestamp filed = rs.getTimestamp("filed_at");
                    found.put(
                            id,
                            new AppealDimension(
                                    id,
                                    rs.getString("enterprise_id"),
                                    rs.getString("enterprise_name"),
                                    rs.getString("title"),
                                    rs.getString("category"),
                                    rs.getString("urgency"),
                                    rs.getString("source"),
                                    rs.getString("any_district"),
                                    filed == null ? null : filed.toInstant()));
                },
                (Object) appealIds.toArray(UUID[]::new));
        for (UUID id : appealIds) {
            found.putIfAbsent(id, AppealDimension.unknown(id));
        }
        return found;
    }

    /**
     * Reads the rows from a cursor ({@link #CURSOR_ROWS} at a time, inside a read-only transaction, which is what
     * makes PostgreSQL's driver use one) and hands over each appeal's facts as soon as the next appeal begins.
     */
    private void stream(String sql, Consumer<List<Fact>> eachAppeal, Object... args) {
        readOnly.executeWithoutResult(status -> {
            List<Fact> current = new ArrayList<>();
            cursor.query(
                    sql,
                    (RowCallbackHandler) rs -> {
                        Fact fact = map(rs, 0);
                        if (!current.isEmpty() && !current.get(0).appealId().equals(fact.appealId())) {
                            eachAppeal.accept(List.copyOf(current));
                            current.clear();
                        }
                        current.add(fact);
                    },
                    args);
            if (!current.isEmpty()) {
                eachAppeal.accept(List.copyOf(current));
            }
        });
    }

    private Fact map(ResultSet rs, int row) throws SQLException {
        return new Fact(
                rs.getString("event_id"),
                rs.getObject("appeal_id", UUID.class),
                rs.getLong("global_index"),
                FactType.valueOf(rs.getString("type")),
                instant(rs, "at"),
                instant(rs, "recorded_at"),
                rs.getString("department_id"),
                rs.getString("other_department_id"),
                rs.getString("leader_id"),
                (Integer) rs.getObject("round"),
                instant(rs, "due_at"),
                instant(rs, "due2_at"),
                (Boolean) rs.getObject("flag"),
                rs.getObject("rating") == null ? null : rs.getInt("rating"),
                rs.getString("kind"),
                rs.getString("related_id"),
                rs.getString("actor"),
                rs.getString("role"),
                rs.getString("correlation_id"),
                rs.getString("causation_id"),
                details(rs.getString("details")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private Map<String, Object> details(String json) {
        try {
            return json == null ? Map.of() : mapper.readValue(json, DETAILS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
