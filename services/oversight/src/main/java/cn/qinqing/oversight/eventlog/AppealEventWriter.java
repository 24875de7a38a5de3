package cn.qinqing.oversight.eventlog;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes a batch of appeal events in one statement per table: every column goes as one array, {@code unnest} turns
 * them into rows. A replay of a hundred events thus costs one round trip for the events, not a hundred. Events are
 * keyed by event id ({@code ON CONFLICT DO NOTHING}), so redelivered events change nothing.
 */
@Component
class AppealEventWriter {

    /** One row of {@code appeal_event}: the event as published, and the columns queries select by. */
    record Row(
            String eventId,
            UUID appealId,
            long globalIndex,
            Instant recordedAt,
            Instant at,
            Instant dueAt,
            boolean finishes,
            PublishedEvents.Stored payload,
            String actor,
            String role,
            String correlationId,
            String causationId) {}

    /**
     * The payloads go as the serializer's own UTF-8 bytes ({@code bytea[]}), not as text: a replay writes every event
     * again, and decoding each payload into a string only for the driver to encode it back cost it about 5 %.
     */
    private static final String INSERT_EVENTS = "INSERT INTO appeal_event (event_id, appeal_id, global_index,"
            + " recorded_at, at, due_at, finishes, payload_type, payload_revision, payload, actor, role, correlation_id,"
            + " causation_id)"
            + " SELECT c1, c2::uuid, c3::bigint, c4::timestamptz, c5::timestamptz, c6::timestamptz, c7::boolean, c8,"
            + " c9, convert_from(c10, 'UTF8')::json, c11, c12, c13, c14"
            + " FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
            + " ?::text[], ?::bytea[], ?::text[], ?::text[], ?::text[], ?::text[])"
            + " AS t(c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14)"
            + " ON CONFLICT (event_id) DO NOTHING";

    private static final String DIMENSION_COLUMNS =
            "appeal_id, enterprise_id, title, category, urgency, source, district, chain_position, filed_at";
    private static final String DIMENSION_SELECT = " SELECT c1::uuid, c2, c3, c4, c5, c6, c7, c8, c9::timestamptz"
            + " FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
            + " ?::text[]) AS t(c1, c2, c3, c4, c5, c6, c7, c8, c9)";

    /** The filing says what the enterprise filed; district and chain position only fill gaps. */
    private static final String UPSERT_FILING = "INSERT INTO appeal_dimension AS d (" + DIMENSION_COLUMNS + ")"
            + DIMENSION_SELECT + " ON CONFLICT (appeal_id) DO UPDATE SET enterprise_id = EXCLUDED.enterprise_id,"
            + " title = EXCLUDED.title, category = EXCLUDED.category, urgency = EXCLUDED.urgency,"
            + " source = EXCLUDED.source, filed_at = EXCLUDED.filed_at";

    /** The routing says where the enterprise is; what it repeats of the filing only fills gaps. */
    private static final String UPSERT_ROUTING = "INSERT INTO appeal_dimension AS d (" + DIMENSION_COLUMNS + ")"
            + DIMENSION_SELECT + " ON CONFLICT (appeal_id) DO UPDATE SET district = EXCLUDED.district,"
            + " chain_position = EXCLUDED.chain_position,"
            + " enterprise_id = coalesce(d.enterprise_id, EXCLUDED.enterprise_id),"
            + " category = coalesce(d.category, EXCLUDED.category), urgency = coalesce(d.urgency, EXCLUDED.urgency)";

    /** A meeting's action item only fills gaps: the appeal it becomes is filed later, and that filing wins. */
    private static final String UPSERT_GAPS = "INSERT INTO appeal_dimension AS d (" + DIMENSION_COLUMNS + ")"
            + DIMENSION_SELECT + " ON CONFLICT (appeal_id) DO UPDATE SET"
            + " enterprise_id = coalesce(d.enterprise_id, EXCLUDED.enterprise_id),"
            + " title = coalesce(d.title, EXCLUDED.title), category = coalesce(d.category, EXCLUDED.category),"
            + " urgency = coalesce(d.urgency, EXCLUDED.urgency), source = coalesce(d.source, EXCLUDED.source)";

    private final JdbcTemplate jdbc;

    AppealEventWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void write(EventBatch batch) {
        // a read model's batch commits with its token: should the server lose it in a crash, the token is lost with
        // it and the events are handled again, so the commit need not wait for the write-ahead log to reach the disk
        jdbc.execute("SET LOCAL synchronous_commit = off");
        if (!batch.events.isEmpty()) {
            insertEvents(batch.events);
        }
        upsert(UPSERT_FILING, batch.dimensions, Dimension.Source.FILING);
        upsert(UPSERT_ROUTING, batch.dimensions, Dimension.Source.ROUTING);
        upsert(UPSERT_GAPS, batch.dimensions, Dimension.Source.ACTION_ITEM);
    }

    private void insertEvents(List<Row> rows) {
        List<Function<Row, Object>> columns = List.of(
                Row::eventId,
                Row::appealId,
                Row::globalIndex,
                Row::recordedAt,
                Row::at,
                Row::dueAt,
                Row::finishes,
                row -> row.payload().type(),
                row -> row.payload().revision(),
                row -> row.payload().json(),
                Row::actor,
                Row::role,
                Row::correlationId,
                Row::causationId);
        execute(INSERT_EVENTS, rows, columns);
    }

    private void upsert(String sql, List<Dimension> all, Dimension.Source source) {
        // one row per appeal and statement: PostgreSQL refuses to update a row twice in one INSERT ... ON CONFLICT
        Map<UUID, Dimension> latest = new LinkedHashMap<>();
        all.stream().filter(row -> row.source() == source).forEach(row -> latest.put(row.appealId(), row));
        if (latest.isEmpty()) {
            return;
        }
        List<Function<Dimension, Object>> columns = List.of(
                Dimension::appealId,
                Dimension::enterpriseId,
                Dimension::title,
                Dimension::category,
                Dimension::urgency,
                Dimension::appealSource,
                Dimension::district,
                Dimension::chainPosition,
                Dimension::filedAt);
        execute(sql, new ArrayList<>(latest.values()), columns);
    }

    private <T> void execute(String sql, List<T> rows, List<Function<T, Object>> columns) {
        jdbc.execute((Connection connection) -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int parameter = 1;
                for (Function<T, Object> column : columns) {
                    // a column of bytes (the payloads) goes as bytea[], every other as text[]
                    boolean bytes = !rows.isEmpty() && column.apply(rows.get(0)) instanceof byte[];
                    Object[] values = bytes ? new byte[rows.size()][] : new String[rows.size()];
                    for (int i = 0; i < rows.size(); i++) {
                        Object value = column.apply(rows.get(i));
                        values[i] = bytes ? value : text(value);
                    }
                    Array array = connection.createArrayOf(bytes ? "bytea" : "text", values);
                    statement.setArray(parameter++, array);
                }
                statement.executeUpdate();
            }
            return null;
        });
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        return Objects.toString(value);
    }
}
