package cn.qinqing.platform.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * R12: the job that keeps the stores that would only grow bounded. Every {@code interval} (first one {@code delay}
 * after start) it deletes from each {@link RetainedStore} the rows older than its retention, {@link #BATCH} at a time
 * so that no transaction holds many row locks or much WAL. Each instance of a service runs it: a delete by age is
 * idempotent, so two instances running it at once only share the work, and no scheduler lock is needed.
 */
public class Retention implements InitializingBean, DisposableBean {

    /** Rows deleted per statement. */
    public static final int BATCH = 5_000;

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final JdbcTemplate jdbc;
    private final List<RetainedStore> stores;
    private final RetentionProperties properties;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    public Retention(JdbcTemplate jdbc, List<RetainedStore> stores, RetentionProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.stores = List.copyOf(stores);
        this.properties = properties;
        this.clock = clock;
    }

    public List<RetainedStore> stores() {
        return stores;
    }

    /**
     * Enforces every store's retention now.
     *
     * @return rows deleted, by store
     */
    public Map<String, Long> enforce() {
        Map<String, Long> deleted = new LinkedHashMap<>();
        Instant now = clock.instant();
        for (RetainedStore store : stores) {
            Timestamp cutOff = Timestamp.from(now.minus(store.retention()));
            long total = 0;
            int batch;
            do {
                batch = jdbc.update(store.deleteOlderThan(), cutOff);
                total += batch;
            } while (batch >= BATCH);
            deleted.put(store.name(), total);
            if (total > 0) {
                log.info("Retention: deleted {} rows of {} older than {}", total, store.name(), store.retention());
            }
        }
        return deleted;
    }

    @Override
    public void afterPropertiesSet() {
        if (!properties.enabled() || stores.isEmpty()) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "retention");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(
                this::enforceAndLog,
                properties.delay().toMillis(),
                properties.interval().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void enforceAndLog() {
        try {
            enforce();
        } catch (RuntimeException e) {
            // the database may be away (a failover): the next run tries again
            log.warn("Retention: could not enforce this time: {}", e.toString());
        }
    }

    @Override
    public void destroy() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
