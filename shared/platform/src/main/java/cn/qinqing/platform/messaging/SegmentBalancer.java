package cn.qinqing.platform.messaging;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Spreads the segments of the service's streaming processors over its running instances, which Axon does not do by
 * itself without Axon Server: the first instance claims every segment, and a second one would wait for ever.
 *
 * <p>Once its processors have started, each instance holds a connection of its own named {@code
 * qinqing-<service>/<schema>:<instance>} ({@code application_name}); the running instances of a service are the distinct such
 * names in {@code pg_stat_activity}. A killed process's connection ends with it, so the count is right at once, without
 * heartbeats. Every {@code period}, an instance that holds every segment of a processor while more instances run than
 * the processor has segments first splits its widest segment (Axon's {@code splitSegment}; the split is kept in the
 * token store). Then an instance that holds more than its share ({@code ceil(segments / instances)}) of a processor's
 * segments while another instance holds none of them releases the surplus for {@code releaseFor}; the other instance's
 * coordinator claims it at its next claim attempt. Alone, an instance releases nothing and claims
 * every segment whose owner stopped extending its claim for the claim timeout: that is how it takes over from a
 * crashed instance.
 *
 * <p>An instance releases a processor's surplus once per number of running instances: if it has to claim a released
 * segment back, no other instance runs that processor (another version, a test's extra handler), and it keeps it.
 */
public class SegmentBalancer implements SmartLifecycle {

    /** The prefix of the announcing connection's application name; the service's name and instance id follow. */
    public static final String APPLICATION_NAME_PREFIX = "qinqing-";

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final EventProcessingConfiguration processing;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final String schema;
    private final String service;
    private final String instance;
    private final Duration period;
    private final Duration releaseFor;
    private final Duration claimTimeout;
    /** Processors whose surplus this instance released, and how many instances were running then. */
    private final Map<String, Integer> released = new ConcurrentHashMap<>();

    private ScheduledExecutorService scheduler;
    private Connection presence;

    public SegmentBalancer(
            EventProcessingConfiguration processing,
            DataSource dataSource,
            String schema,
            String service,
            String instance,
            Duration claimTimeout) {
        this.processing = processing;
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.schema = schema;
        this.service = service;
        this.instance = instance;
        this.claimTimeout = claimTimeout;
        this.period = claimTimeout.dividedBy(2);
        this.releaseFor = claimTimeout;
    }

    /**
     * The application name of the connection by which an instance announces itself. The schema is in it because only
     * instances that share a token store share segments: a peer with read models of its own (another schema) is no
     * instance to make room for.
     */
    public static String applicationName(String service, String schema, String instance) {
        return APPLICATION_NAME_PREFIX + service + "/" + schema + ":" + instance;
    }

    /** How many instances of this service have announced themselves and are still connected (at least this one). */
    int runningInstances() {
        Integer count = jdbc.queryForObject(
                "SELECT count(DISTINCT application_name) FROM pg_stat_activity"
                        + " WHERE datname = current_database() AND application_name LIKE ?",
                Integer.class,
                APPLICATION_NAME_PREFIX + service + "/" + schema + ":%");
        return count == null ? 1 : Math.max(count, 1);
    }

    /** Keeps this instance's named connection open, opening it again after the database went away. */
    private void announce() throws SQLException {
        if (presence != null && presence.isValid(2)) {
            return;
        }
        if (presence != null) {
            try {
                presence.close();
            } catch (SQLException e) {
                // it is broken already
            }
        }
        presence = dataSource.getConnection();
        try (PreparedStatement name = presence.prepareStatement("SELECT set_config('application_name', ?, false)")) {
            name.setString(1, applicationName(service, schema, instance));
            name.execute();
        }
        if (!presence.getAutoCommit()) {
            presence.commit();
        }
    }

    /** Releases this instance's surplus segments of every processor another instance has no segment of. */
    void balance() {
        try {
            announce();
        } catch (SQLException e) {
            log.debug("Segment balancing skipped, no connection: {}", e.toString());
            return;
        }
        int instances = runningInstances();
        if (instances <= 1) {
            released.clear();
            return;
        }
        processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .filter(StreamingEventProcessor::isRunning)
                .forEach(processor -> balance(processor, instances));
    }

    private void balance(StreamingEventProcessor processor, int instances) {
        List<Integer> mine = claimedHere(processor);
        int segments = segments(processor);
        if (segments > 0 && segments < instances && mine.size() == segments) {
            // more instances than segments, and this one holds them all: split its widest segment, so that another
            // instance has a half to take (a processor starts with one segment: a second one costs every event a
            // second transaction while a single instance runs it). The next round releases the half: the new
            // segment's work package is not in the processor's status yet when the split completes.
            split(processor, widest(processor), segments, instances);
            return;
        }
        int share = (int) Math.ceil((double) segments / instances);
        if (mine.size() <= share) {
            return;
        }
        Integer owners = jdbc.queryForObject(
                "SELECT count(DISTINCT owner) FROM " + schema + ".token_entry WHERE processor_name = ?"
                        + " AND owner IS NOT NULL AND \"timestamp\"::timestamptz > now() - make_interval(secs => ?)",
                Integer.class,
                processor.getName(),
                (double) claimTimeout.toMillis() / 1000);
        if (owners != null && owners >= instances) {
            return;
        }
        if (Integer.valueOf(instances).equals(released.get(processor.getName()))) {
            // released once for this many instances and claimed back: no other instance runs this processor (a
            // different version, a test's extra handler); keep it rather than pause it again and again
            return;
        }
        released.put(processor.getName(), instances);
        for (Integer segment : mine.subList(0, mine.size() - share)) {
            log.info(
                    "{}: releasing segment {} of {} for another instance ({} instances, share {})",
                    processor.getName(),
                    segment,
                    segments,
                    instances,
                    share);
            processor.releaseSegment(segment, releaseFor.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static List<Integer> claimedHere(StreamingEventProcessor processor) {
        return processor.processingStatus().keySet().stream()
                .sorted(Comparator.reverseOrder())
                .toList();
    }

    private int segments(StreamingEventProcessor processor) {
        Integer segments = jdbc.queryForObject(
                "SELECT count(*) FROM " + schema + ".token_entry WHERE processor_name = ?",
                Integer.class,
                processor.getName());
        return segments == null ? 0 : segments;
    }

    /** The segment this instance holds that covers the most of the stream (the smallest mask). */
    private static int widest(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream()
                .map(EventTrackerStatus::getSegment)
                .min(Comparator.comparingInt(Segment::getMask).thenComparingInt(Segment::getSegmentId))
                .map(Segment::getSegmentId)
                .orElseThrow();
    }

    private void split(StreamingEventProcessor processor, int segment, int segments, int instances) {
        log.info(
                "{}: splitting segment {} of {} for another instance ({} instances)",
                processor.getName(),
                segment,
                segments,
                instances);
        try {
            if (!processor.splitSegment(segment).get(claimTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                log.info("{}: segment {} was not split (no longer held here)", processor.getName(), segment);
            }
        } catch (ExecutionException | TimeoutException e) {
            log.warn(
                    "{}: splitting segment {} failed, tried again later: {}",
                    processor.getName(),
                    segment,
                    e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "segment-balancer-" + service);
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        balance();
                    } catch (RuntimeException e) {
                        // the database may be restarting; the next round tries again
                        log.debug("Segment balancing skipped: {}", e.toString());
                    }
                },
                0,
                period.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
        if (presence != null) {
            try {
                presence.close();
            } catch (SQLException e) {
                // closing anyway
            }
            presence = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
