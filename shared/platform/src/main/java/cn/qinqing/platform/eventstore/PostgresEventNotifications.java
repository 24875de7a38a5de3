package cn.qinqing.platform.eventstore;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Listens on PostgreSQL's {@code qinqing_events} channel, which a statement trigger on the event table notifies at
 * every commit that appended events, and wakes the local event store. Events committed by another service process
 * reach this one's processors within milliseconds instead of at the next poll; the poll stays as the fallback when
 * the connection is lost.
 */
public class PostgresEventNotifications implements SmartLifecycle {

    static final String CHANNEL = "qinqing_events";
    private static final Logger log = LoggerFactory.getLogger(PostgresEventNotifications.class);

    private final DataSource dataSource;
    private final WakeableEventStore eventStore;
    private final AtomicLong received = new AtomicLong();
    private volatile boolean running;
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
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                // anything committed while we were not listening is fetched now
                eventStore.wakeUp();
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(500);
                    if (notifications != null && notifications.length > 0) {
                        received.addAndGet(notifications.length);
                        eventStore.wakeUp();
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn(
                            "Event notifications interrupted, falling back to polling until reconnected: {}",
                            e.toString());
                    sleepQuietly(1000);
                }
            }
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
