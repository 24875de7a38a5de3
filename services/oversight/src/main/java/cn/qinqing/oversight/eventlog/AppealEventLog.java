package cn.qinqing.oversight.eventlog;

import cn.qinqing.oversight.history.AppealDimension;
import cn.qinqing.oversight.history.AppealEvent;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads of the appeal events. Every read takes the instant it is asked as of: only events the event store had
 * recorded by then take part, which is all that time travel is. Each row becomes the published language's record
 * again ({@link PublishedEvents}).
 */
@Repository
public class AppealEventLog {

    static final int CURSOR_ROWS = 1000;

    private final JdbcTemplate jdbc;
    private final JdbcTemplate cursor;
    private final TransactionTemplate readOnly;
    private final PublishedEvents published;

    private final int chunk;

    @Autowired
    AppealEventLog(JdbcTemplate jdbc, PlatformTransactionManager transactions, PublishedEvents published) {
        this(jdbc, transactions, published, CURSOR_ROWS);
    }

    /** With {@code chunk} appeals' heads handed over at a time (a test's small number shows the chunks' seams). */
    AppealEventLog(JdbcTemplate jdbc, PlatformTransactionManager transactions, PublishedEvents published, int chunk) {
        this.chunk = chunk;
        this.jdbc = jdbc;
        this.cursor = new JdbcTemplate(jdbc.getDataSource());
        this.cursor.setFetchSize(CURSOR_ROWS);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.published = published;
    }

    /** One appeal's events recorded by {@code asOf}, in stream order. */
    public List<AppealEvent> ofAppeal(UUID appealId, Instant asOf) {
        return jdbc.query(
                "SELECT * FROM appeal_event WHERE appeal_id = ? AND recorded_at <= ? ORDER BY global_index",
                this::map,
                appealId,
                Timestamp.from(asOf));
    }

    /**
     * The events (recorded by {@code asOf}) of every appeal that has an event happening, or falling due, in
     * {@code [from, to)}: the appeals a period's KPIs can count. Null bounds mean all time. Each appeal's events are
     * handed over in one list, one appeal at a time, read from a cursor: memory does not grow with the store.
     */
    public void touching(Instant from, Instant to, Instant asOf, Consumer<List<AppealEvent>> eachAppeal) {
        if (from == null || to == null) {
            stream(
                    "SELECT * FROM appeal_event WHERE recorded_at <= ? ORDER BY appeal_id, global_index",
                    eachAppeal,
                    Timestamp.from(asOf));
            return;
        }
        stream(
                "SELECT f.* FROM appeal_event f WHERE f.recorded_at <= ? AND f.appeal_id IN ("
                        + " SELECT appeal_id FROM appeal_event WHERE recorded_at <= ?"
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

    /** The events (recorded by {@code asOf}) of every appeal not withdrawn or closed by then, one appeal at a time. */
    public void unfinished(Instant asOf, Consumer<List<AppealEvent>> eachAppeal) {
        // the unfinished appeals first, from the appeal index alone; then only their events
        stream(
                "SELECT f.* FROM appeal_event f WHERE f.recorded_at <= ? AND f.appeal_id IN ("
                        + " SELECT appeal_id FROM appeal_event WHERE recorded_at <= ?"
                        + " GROUP BY appeal_id HAVING NOT bool_or(finishes))"
                        + " ORDER BY f.appeal_id, f.global_index",
                eachAppeal,
                Timestamp.from(asOf),
                Timestamp.from(asOf));
    }

    /**
     * One query's rows per appeal ({@code appeal_id}, {@code last_index}, {@code events}: its {@link Head}) with the
     * query's arguments in order: which appeals a read is about and how far their events go. A read may join more to
     * each head ({@link #inChunks}).
     */
    public record HeadQuery(String sql, List<Object> args) {}

    /**
     * The heads of every appeal with something happening or falling due in {@code [from, to)} (null bounds: all
     * time), as recorded by {@code asOf}: what tells a kept fold from one that must be made again.
     */
    public HeadQuery headQuery(Instant from, Instant to, Instant asOf) {
        if (from == null || to == null) {
            return new HeadQuery(
                    "SELECT appeal_id, max(global_index) AS last_index, count(*) AS events FROM appeal_event"
                            + " WHERE recorded_at <= ? GROUP BY appeal_id",
                    List.of(Timestamp.from(asOf)));
        }
        return new HeadQuery(
                "SELECT appeal_id, max(global_index) AS last_index, count(*) AS events FROM appeal_event"
                        + " WHERE recorded_at <= ? AND appeal_id IN ("
                        + " SELECT appeal_id FROM appeal_event WHERE recorded_at <= ?"
                        + " AND ((at >= ? AND at < ?) OR (due_at >= ? AND due_at < ?)))"
                        + " GROUP BY appeal_id",
                List.of(
                        Timestamp.from(asOf),
                        Timestamp.from(asOf),
                        Timestamp.from(from),
                        Timestamp.from(to),
                        Timestamp.from(from),
                        Timestamp.from(to)));
    }

    /** The heads of every appeal not withdrawn or closed by {@code asOf}. */
    public HeadQuery unfinishedHeadQuery(Instant asOf) {
        return new HeadQuery(
                "SELECT appeal_id, max(global_index) AS last_index, count(*) AS events FROM appeal_event"
                        + " WHERE recorded_at <= ? GROUP BY appeal_id HAVING NOT bool_or(finishes)",
                List.of(Timestamp.from(asOf)));
    }

    /** As {@link #heads}, for the appeals unfinished at {@code asOf}. */
    public void unfinishedHeads(Instant asOf, Consumer<Map<UUID, Head>> eachChunk) {
        heads(unfinishedHeadQuery(asOf), eachChunk);
    }

    /**
     * The heads of {@link #headQuery}, handed over in chunks of {@link #CURSOR_ROWS} appeals read from a cursor, so
     * that a read over a million appeals holds one chunk, not a map of them all; a chunk's consumer may read the
     * events of its appeals ({@link #ofAppeals}) while the cursor waits.
     */
    public void heads(Instant from, Instant to, Instant asOf, Consumer<Map<UUID, Head>> eachChunk) {
        heads(headQuery(from, to, asOf), eachChunk);
    }

    private void heads(HeadQuery query, Consumer<Map<UUID, Head>> eachChunk) {
        inChunks(
                query.sql(),
                query.args(),
                (rs, row) -> Map.entry(rs.getObject("appeal_id", UUID.class), Head.of(rs)),
                chunk -> {
                    Map<UUID, Head> heads = new HashMap<>();
                    chunk.forEach(head -> heads.put(head.getKey(), head.getValue()));
                    eachChunk.accept(heads);
                });
    }

    /**
     * A query's rows, read from a cursor inside a read-only transaction and handed over {@link #CURSOR_ROWS} at a
     * time; the consumer may read more (on the same connection) while the cursor waits.
     */
    public <T> void inChunks(String sql, List<Object> args, RowMapper<T> mapper, Consumer<List<T>> eachChunk) {
        readOnly.executeWithoutResult(status -> {
            List<T> rows = new ArrayList<>(chunk);
            cursor.query(
                    sql,
                    (RowCallbackHandler) rs -> {
                        rows.add(mapper.mapRow(rs, rows.size()));
                        if (rows.size() == chunk) {
                            eachChunk.accept(List.copyOf(rows));
                            rows.clear();
                        }
                    },
                    args.toArray());
            if (!rows.isEmpty()) {
                eachChunk.accept(List.copyOf(rows));
            }
        });
    }

    /** How far an appeal's events go: the last one's global index, and how many there are. */
    public record Head(long lastIndex, int events) {

        /** The head of these events (one appeal's, in stream order). */
        public static Head of(List<AppealEvent> events) {
            return new Head(events.get(events.size() - 1).globalIndex(), events.size());
        }

        /** The head of a {@link HeadQuery}'s row. */
        public static Head of(ResultSet rs) throws SQLException {
            return new Head(rs.getLong("last_index"), rs.getInt("events"));
        }
    }

    /** The events (recorded by {@code asOf}) of these appeals, one appeal at a time. */
    public void ofAppeals(Collection<UUID> appealIds, Instant asOf, Consumer<List<AppealEvent>> eachAppeal) {
        if (appealIds.isEmpty()) {
            return;
        }
        stream(
                "SELECT * FROM appeal_event WHERE appeal_id = ANY(?) AND recorded_at <= ?"
                        + " ORDER BY appeal_id, global_index",
                eachAppeal,
                appealIds.toArray(UUID[]::new),
                Timestamp.from(asOf));
    }

    /** The events (recorded by {@code asOf}) of every appeal of these enterprises, one appeal at a time. */
    public void ofEnterprises(Collection<String> enterpriseIds, Instant asOf, Consumer<List<AppealEvent>> eachAppeal) {
        if (enterpriseIds.isEmpty()) {
            return;
        }
        stream(
                "SELECT f.* FROM appeal_event f JOIN appeal_dimension d ON d.appeal_id = f.appeal_id"
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
     * makes PostgreSQL's driver use one) and hands over each appeal's events as soon as the next appeal begins.
     */
    private void stream(String sql, Consumer<List<AppealEvent>> eachAppeal, Object... args) {
        readOnly.executeWithoutResult(status -> {
            List<AppealEvent> current = new ArrayList<>();
            cursor.query(
                    sql,
                    (RowCallbackHandler) rs -> {
                        AppealEvent event = map(rs, 0);
                        if (!current.isEmpty() && !current.get(0).appealId().equals(event.appealId())) {
                            eachAppeal.accept(List.copyOf(current));
                            current.clear();
                        }
                        current.add(event);
                    },
                    args);
            if (!current.isEmpty()) {
                eachAppeal.accept(List.copyOf(current));
            }
        });
    }

    private AppealEvent map(ResultSet rs, int row) throws SQLException {
        String eventId = rs.getString("event_id");
        Instant recordedAt = instant(rs, "recorded_at");
        return new AppealEvent(
                eventId,
                rs.getObject("appeal_id", UUID.class),
                rs.getLong("global_index"),
                recordedAt,
                rs.getString("actor"),
                rs.getString("role"),
                rs.getString("correlation_id"),
                rs.getString("causation_id"),
                // the JSON's bytes as they came: no string of them is made when the record is current
                published.decode(
                        new PublishedEvents.Stored(
                                rs.getString("payload_type"), rs.getString("payload_revision"), rs.getBytes("payload")),
                        eventId,
                        recordedAt));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
