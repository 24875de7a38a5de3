package cn.qinqing.platform.messaging;

import java.util.OptionalLong;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How fresh a read model is: the position its processing group has reached in the global stream (the lowest over its
 * segments) against the head of the event store. Read APIs put both in their answers ({@code FreshReads}).
 */
public class ProcessorPositions {

    private final JdbcTemplate jdbc;
    private final String schema;

    public ProcessorPositions(JdbcTemplate jdbc, String schema) {
        this.jdbc = jdbc;
        this.schema = schema;
    }

    /**
     * The global index the processing group has handled up to, when it has a token: below the lowest gap of its token
     * that the store now holds an event for. A transaction that took its global index early and committed late leaves
     * such a gap; the token's index is already past it, yet the event is still to be handled. Gaps no event ever
     * filled (a rolled-back append) do not count, or they would hold the position back until Axon forgets them.
     */
    public OptionalLong position(String processingGroup) {
        // tokens are stored as JSON: a GapAwareTrackingToken, or a ReplayToken wrapping one during a replay
        Long position = jdbc.queryForObject(
                "SELECT min(coalesce((SELECT min(g.i) - 1 FROM jsonb_array_elements_text(t.tok->'gaps') AS x(v),"
                        + " LATERAL (SELECT x.v::bigint AS i) g WHERE EXISTS (SELECT 1 FROM"
                        + " event_store.domain_event_entry e WHERE e.global_index = g.i)), (t.tok->>'index')::bigint))"
                        + " FROM (SELECT CASE WHEN j->'tokenAtReset' IS NOT NULL THEN j->'currentToken' ELSE j END AS tok FROM ("
                        + " SELECT convert_from(token, 'UTF8')::jsonb AS j FROM " + schema + ".token_entry"
                        + " WHERE processor_name = ? AND token IS NOT NULL) s) t",
                Long.class,
                processingGroup);
        return position == null ? OptionalLong.empty() : OptionalLong.of(position);
    }

    /** The highest global index in the event store. */
    public long head() {
        Long head = jdbc.queryForObject(
                "SELECT coalesce(max(global_index), 0) FROM event_store.domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }

    /** The value of the {@code X-Read-Model-Position} header: {@code <position>/<head>}. */
    public String describe(String processingGroup) {
        OptionalLong position = position(processingGroup);
        return (position.isPresent() ? Long.toString(position.getAsLong()) : "-") + "/" + head();
    }
}
