package cn.qinqing.platform.messaging;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Spreads the segments of the service's streaming processors over its running instances, which Axon does not do by
 * itself without Axon Server: the first instance claims every segment, and a second one would wait for ever.
 *
 * <p>The running instances of a service are the distinct {@code application_name}s of its open connections in {@code
 * pg_stat_activity} ({@code qinqing-<service>:<instance>}, set by the platform): a killed process's connections end
 * with it, so the count is right at once, without heartbeats. Every {@code period}, an instance that holds more than
 * its share ({@code ceil(segments / instances)}) of a processor's segments while another instance holds none of them
 * releases the surplus for {@code releaseFor}; the other instance's coordinator claims it at its next claim attempt.
 * Alone, an instance releases nothing and claims every segment whose owner stopped extending its claim for the claim
 * timeout: that is how it takes over from a crashed instance.
 */
public class SegmentBalancer implements SmartLifecycle {

    /** The prefix of the connections' application name; the service's name and the instance id follow. */
    public static final String APPLICATION_NAME_PREFIX = "qinqing-";

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final String schema;
    private final String service;
    private final Duration period;
    private final Duration releaseFor;
    private final Duration claimTimeout;
    private ScheduledExecutorService scheduler;

    public SegmentBalancer(
            EventProcessingConfiguration processing,
            JdbcTemplate jdbc,
            String schema,
            String service,
            Duration claimTimeout) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.schema = schema;
        this.service = service;
        this.claimTimeout = claimTimeout;
        this.period = claimTimeout.dividedBy(2);
        this.releaseFor = claimTimeout;
    }

    /** The application name of this instance's connections. */
    public static String applicationName(String service, String instance) {
        return APPLICATION_NAME_PREFIX + service + ":" + instance;
    }

    /** How many instances of this service have a connection to the database right now (at least this one). */
    int runningInstances() {
        Integer count = jdbc.queryForObject(
                "SELECT count(DISTINCT application_name) FROM pg_stat_activity"
                        + " WHERE datname = current_database() AND application_name LIKE ?",
                Integer.class,
                APPLICATION_NAME_PREFIX + service + ":%");
        return count == null ? 1 : Math.max(count, 1);
    }

    /** Releases this instance's surplus segments of every processor another instance has no segment of. */
    void balance() {
        int instances = runningInstances();
        if (instances <= 1) {
            return;
        }
        processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .filter(StreamingEventProcessor::isRunning)
                .forEach(processor -> balance(processor, instances));
    }

    private void balance(StreamingEventProcessor processor, int instances) {
        List<Integer> mine = processor.processingStatus().keySet().stream()
                .sorted(Comparator.reverseOrder())
                .toList();
        Integer segments = jdbc.queryForObject(
                "SELECT count(*) FROM " + schema + ".token_entry WHERE processor_name = ?",
                Integer.class,
                processor.getName());
        int share = (int) Math.ceil((double) (segments == null ? 0 : segments) / instances);
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
                period.toMillis(),
                period.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
