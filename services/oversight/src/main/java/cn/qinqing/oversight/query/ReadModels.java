package cn.qinqing.oversight.query;

import cn.qinqing.oversight.directory.DirectoryProjection;
import cn.qinqing.oversight.facts.FactProjection;
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
    public static final List<String> GROUPS = List.of(FactProjection.GROUP, DirectoryProjection.GROUP);

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

    /** Whether any oversight processor still replays (its token is a replay token). */
    public boolean replaying() {
        Integer count = jdbc.queryForObject(
                "SELECT count(*) FROM " + tokens + " WHERE processor_name = ANY(?) AND token_type LIKE '%ReplayToken'",
                Integer.class,
                (Object) GROUPS.toArray(String[]::new));
        return count != null && count > 0;
    }
}
