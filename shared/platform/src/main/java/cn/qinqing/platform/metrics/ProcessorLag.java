package cn.qinqing.platform.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How far each processing group of a service is behind the event store, and how many events it has parked: read from
 * the service's token and dead-letter tables, once per scrape (the answers are kept for two seconds, so that the
 * gauges of one scrape share one query).
 *
 * <ul>
 *   <li>{@code qinqing_processor_lag_events{group}}: events appended to the store that the group has not reached yet
 *       (the head of the store less the lowest position of its segments);
 *   <li>{@code qinqing_processor_lag_seconds{group}}: how long the oldest of those has waited (0 when caught up);
 *   <li>{@code qinqing_dead_letters{group}}: events parked in the group's dead-letter queue.
 * </ul>
 */
final class ProcessorLag {

    private static final Duration FRESH = Duration.ofSeconds(2);

    private final JdbcTemplate jdbc;
    private final String schema;
    private final Clock clock;
    private Snapshot snapshot = new Snapshot(Instant.EPOCH, Map.of(), Map.of(), Map.of());

    ProcessorLag(JdbcTemplate jdbc, String schema, Clock clock) {
        this.jdbc = jdbc;
        this.schema = schema;
        this.clock = clock;
    }

    /**
     * Registers the three gauges of each group. They hold this object strongly: a gauge keeps only a weak reference
     * by default, and nothing else holds this one, so after the first garbage collection every gauge read NaN.
     */
    void bindTo(MeterRegistry registry, Collection<String> groups) {
        for (String group : groups) {
            Gauge.builder("qinqing.processor.lag.events", this, lag -> lag.current()
                            .events(group))
                    .tag("group", group)
                    .description("Events in the store that the processing group has not handled yet")
                    .baseUnit("events")
                    .strongReference(true)
                    .register(registry);
            Gauge.builder("qinqing.processor.lag", this, lag -> lag.current().seconds(group))
                    .tag("group", group)
                    .description("How long the oldest event the processing group has not handled yet has waited")
                    .baseUnit("seconds")
                    .strongReference(true)
                    .register(registry);
            Gauge.builder("qinqing.dead.letters", this, lag -> lag.current().deadLetters(group))
                    .tag("group", group)
                    .description("Events parked in the processing group's dead-letter queue")
                    .strongReference(true)
                    .register(registry);
        }
    }

    synchronized Snapshot current() {
        Instant now = clock.instant();
        if (Duration.between(snapshot.taken(), now).compareTo(FRESH) >= 0) {
            snapshot = read(now);
        }
        return snapshot;
    }

    private Snapshot read(Instant now) {
        Map<String, Long> events = new HashMap<>();
        Map<String, Double> seconds = new HashMap<>();
        // tokens are JSON: a GapAwareTrackingToken, or a ReplayToken wrapping one while a group replays
        jdbc.query(
                "WITH positions AS ("
                        + " SELECT processor_name, min(coalesce((j->>'index')::bigint,"
                        + " (j->'currentToken'->>'index')::bigint, -1)) AS position FROM ("
                        + " SELECT processor_name, convert_from(token, 'UTF8')::jsonb AS j FROM " + schema
                        + ".token_entry WHERE token IS NOT NULL) t GROUP BY processor_name),"
                        + " head AS (SELECT coalesce(max(global_index), 0) AS head"
                        + " FROM event_store.domain_event_entry)"
                        + " SELECT p.processor_name, greatest(head.head - p.position, 0) AS lag,"
                        + " (SELECT e.time_stamp FROM event_store.domain_event_entry e"
                        + " WHERE e.global_index > p.position ORDER BY e.global_index LIMIT 1) AS oldest"
                        + " FROM positions p CROSS JOIN head",
                row -> {
                    String group = row.getString(1);
                    long lag = row.getLong(2);
                    String oldest = row.getString(3);
                    events.put(group, lag);
                    seconds.put(
                            group,
                            lag == 0 || oldest == null
                                    ? 0.0
                                    : Math.max(
                                            0.0,
                                            Duration.between(Instant.parse(oldest), now)
                                                            .toMillis()
                                                    / 1000.0));
                });
        Map<String, Long> deadLetters = new HashMap<>();
        jdbc.query(
                "SELECT processing_group, count(*) FROM " + schema + ".dead_letter_entry GROUP BY processing_group",
                row -> {
                    deadLetters.put(row.getString(1), row.getLong(2));
                });
        return new Snapshot(now, events, seconds, deadLetters);
    }

    /** One reading of the tables; a group without a token yet has no lag to show (NaN). */
    record Snapshot(
            Instant taken, Map<String, Long> lagEvents, Map<String, Double> lagSeconds, Map<String, Long> dead) {

        double events(String group) {
            Long lag = lagEvents.get(group);
            return lag == null ? Double.NaN : lag;
        }

        double seconds(String group) {
            return lagSeconds.getOrDefault(group, Double.NaN);
        }

        double deadLetters(String group) {
            return dead.getOrDefault(group, 0L);
        }
    }
}
