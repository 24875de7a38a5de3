package cn.qinqing.oversight.reading;

import cn.qinqing.oversight.ProcessingGroups;
import cn.qinqing.platform.PlatformProperties;
import cn.qinqing.platform.messaging.ProcessorPositions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The oversight processing groups and how far they got. */
@Component
public class ReadModels {

    /** Every processing group of the service; a replay rebuilds them all. */
    public static final List<String> GROUPS = List.of(ProcessingGroups.READ_MODELS);

    private final ProcessorPositions positions;
    private final JdbcTemplate jdbc;
    private final String tokens;

    ReadModels(ProcessorPositions positions, JdbcTemplate jdbc, PlatformProperties properties) {
        this.positions = positions;
        this.jdbc = jdbc;
        this.tokens = properties.schema() + ".token_entry";
    }

    public Freshness freshness() {
        long head = positions.head();
        Map<String, Long> processors = new LinkedHashMap<>();
        Long lowest = null;
        boolean all = true;
        for (String group : GROUPS) {
            OptionalLong position = positions.position(group);
            processors.put(group, position.isPresent() ? position.getAsLong() : null);
            if (position.isEmpty()) {
                all = false;
            } else if (lowest == null || position.getAsLong() < lowest) {
                lowest = position.getAsLong();
            }
        }
        boolean replaying = replaying();
        boolean caughtUp = all && !replaying && lowest != null && lowest >= head;
        return new Freshness(all ? lowest : null, head, caughtUp, replaying, processors);
    }

    /**
     * Whether any oversight processor is still replaying: its token is a replay token that has not yet reached the
     * position the store had when it was reset. (A replay token that has reached it stays a replay token until the
     * next new event; that one is done.)
     */
    public boolean replaying() {
        Integer count = jdbc.queryForObject(
                "SELECT count(*) FROM (SELECT convert_from(token, 'UTF8')::jsonb AS j FROM " + tokens
                        + " WHERE processor_name = ANY(?) AND token_type LIKE '%ReplayToken' AND token IS NOT NULL) t"
                        + " WHERE (t.j->'tokenAtReset'->>'index') IS NOT NULL"
                        + " AND coalesce((t.j->'currentToken'->>'index')::bigint, -1)"
                        + " < (t.j->'tokenAtReset'->>'index')::bigint",
                Integer.class,
                (Object) GROUPS.toArray(String[]::new));
        return count != null && count > 0;
    }
}
