package cn.qinqing.platform.eventstore;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Listens on PostgreSQL's {@code qinqing_events} channel, which a statement trigger on the event table notifies at
 * every commit that appended events, and wakes the local event store, whose watcher then wakes the processors: events
 * committed by another service process reach this one's processors in milliseconds instead of at the next poll.
 *
 * <p>The listening connection is checked: after {@link #CHECK_AFTER} without a notification it must answer a query
 * within two seconds, or it is closed and opened again (a connection that half-died would otherwise deliver nothing,
 * silently). While it is down the store falls back to polling, the service logs an error once, and {@link
 * #listening()} says so (the {@code eventNotifications} health component and the {@code
 * qinqing.event.notifications.listening} gauge read it).
 */
public class PostgresEventNotifications implements SmartLifecycle {

    static final String CHANNEL = "qinqing_events";
    static final Duration CHECK_AFTER = Duration.ofSeconds(5);
    private static final String LISTEN = "LISTEN " + CHANNEL;
    private static final Logger log = LoggerFactory.getLogger(PostgresEventNotifications.class);

    private final DataSource dataSource;
    private final WakeableEventStore eventStore;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private volatile boolean running;
    private volatile boolean listening;
    private volatile long lastContactMillis;
    private volatile Connection connection;
    private Thread thread;

    public PostgresEventNotifications(DataSource dataSource, WakeableEventStore eventStore) {
        this.dataSource = dataSource;
        this.eventStore = eventStore;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::listen, "qinqing-event-notifications");
        thread.setDaemon(true);
        thread.start();
    }

    private void listen() {
        boolean lost = false;
        while (running) {
            Connection listener = null;
            try {
                listener = dataSource.getConnection();
                connection = listener;
                listener.setAutoCommit(true);
                try (Statement statement = listener.createStatement()) {
                    statement.execute(LISTEN);
                }
                PGConnection pg = listener.unwrap(PGConnection.class);
                listening = true;
                lastContactMillis = System.currentTimeMillis();
                if (lost) {
                    reconnects.incrementAndGet();
                    log.info("Event notifications re-established; processors are woken at once again");
                    lost = false;
                }
                // anything committed while we were not listening is fetched now
                eventStore.wakeUp();
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(500);
                    if (notifications != null && notifications.length > 0) {
                        received.addAndGet(notifications.length);
                        lastContactMillis = System.currentTimeMillis();
                        eventStore.wakeUp();
                    } else if (System.currentTimeMillis() - lastContactMillis > CHECK_AFTER.toMillis()) {
                        check(listener);
                        lastContactMillis = System.currentTimeMillis();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (running) {
                    if (!lost) {
                        log.error(
                                "Event notifications lost; events of other services now wait for the poll"
                                        + " (qinqing.service.processing.poll-interval) until the connection is back: {}",
                                e.toString());
                        lost = true;
                    }
                    // the pool never saw the failure (it came through the driver's own API): it would lend the dead
                    // connection to the next thread that asks within its validation bypass window
                    evict(listener);
                    sleepQuietly(1000);
                }
            } finally {
                listening = false;
                connection = null;
                if (!running) {
                    unlisten(listener);
                }
                closeQuietly(listener);
            }
        }
    }

    private void evict(Connection broken) {
        if (broken == null) {
            return;
        }
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                dataSource.unwrap(HikariDataSource.class).evictConnection(broken);
            }
        } catch (SQLException | RuntimeException e) {
            log.debug("Could not evict the broken listening connection from the pool: {}", e.toString());
        }
    }

    /**
     * A stopped listener gives its connection back to the pool; no other borrower should keep receiving. Through the
     * driver's connection, as the listening is: at shutdown the pool may have closed it already, and that is no news.
     */
    private static void unlisten(Connection listener) {
        if (listener == null) {
            return;
        }
        try (Statement statement = ((Connection) listener.unwrap(PGConnection.class)).createStatement()) {
            statement.execute("UNLISTEN *");
        } catch (SQLException | RuntimeException e) {
            log.debug("UNLISTEN on the listening connection failed: {}", e.toString());
        }
    }

    private static void closeQuietly(Connection listener) {
        if (listener == null) {
            return;
        }
        try {
            listener.close();
        } catch (SQLException | RuntimeException e) {
            log.debug("Closing the listening connection failed: {}", e.toString());
        }
    }

    /**
     * A round trip on the listening connection: a half-dead one fails here instead of staying silent. The round trip
     * is the LISTEN again (a no-op on a channel already listened to), so that {@code pg_stat_activity.query} always
     * names the listening backend: {@code LISTEN qinqing_events}.
     */
    private static void check(Connection listener) throws SQLException {
        try (Statement statement = listener.createStatement()) {
            statement.setQueryTimeout(2);
            statement.execute(LISTEN);
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How many notifications arrived since start; for metrics and tests. */
    public long received() {
        return received.get();
    }

    /** Whether the listening connection is up and was checked recently. */
    public boolean listening() {
        return listening && System.currentTimeMillis() - lastContactMillis < CHECK_AFTER.toMillis() * 3;
    }

    /** How often the listening connection was lost and opened again. */
    public long reconnects() {
        return reconnects.get();
    }

    /** Closes the listening connection as a network failure would; for tests. */
    void breakConnection() throws SQLException {
        Connection current = connection;
        if (current != null) {
            current.unwrap(Connection.class).close();
        }
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
