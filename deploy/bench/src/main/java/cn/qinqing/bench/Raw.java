package cn.qinqing.bench;

import cn.qinqing.launcher.Database;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;

/** The raw PostgreSQL baselines every ratio is measured against, on the same server in the same run. */
final class Raw {

    private Raw() {}

    /**
     * pgbench-style single-row inserts into a copy of the event table's shape (own sequence, same keys and unique
     * constraints), from {@code clients} connections, autocommit, one row per transaction.
     *
     * @return rows per second
     */
    static double inserts(Database database, int clients, Duration duration, byte[] payload, byte[] metaData)
            throws Exception {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS bench_raw");
            statement.execute("DROP TABLE IF EXISTS bench_raw.domain_event_entry");
            statement.execute("CREATE SEQUENCE IF NOT EXISTS bench_raw.global_index_seq INCREMENT BY 1 CACHE 1");
            statement.execute("CREATE TABLE bench_raw.domain_event_entry"
                    + " (LIKE event_store.domain_event_entry INCLUDING CONSTRAINTS INCLUDING INDEXES)");
            statement.execute("ALTER TABLE bench_raw.domain_event_entry ALTER COLUMN global_index"
                    + " SET DEFAULT nextval('bench_raw.global_index_seq')");
        }
        AtomicLong rows = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        List<Exception> failures = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            threads.add(Filings.start("raw-" + i, () -> {
                try (Connection connection = database.connect();
                        PreparedStatement insert = connection.prepareStatement(
                                "INSERT INTO bench_raw.domain_event_entry (aggregate_identifier, sequence_number, type,"
                                        + " event_identifier, meta_data, payload, payload_revision, payload_type,"
                                        + " time_stamp) VALUES (?, 0, 'Appeal', ?, ?, ?, '1',"
                                        + " 'cn.qinqing.language.appeal.AppealFiledEvent', ?)")) {
                    connection.setAutoCommit(true);
                    while (System.nanoTime() < end) {
                        insert.setString(1, UUID.randomUUID().toString());
                        insert.setString(2, UUID.randomUUID().toString());
                        insert.setBytes(3, metaData);
                        insert.setBytes(4, payload);
                        insert.setString(5, Instant.now().toString());
                        insert.executeUpdate();
                        rows.incrementAndGet();
                    }
                } catch (SQLException e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        return rows.get() / ((System.nanoTime() - start) / 1e9);
    }

    /** {@code COPY (SELECT * FROM event_store.domain_event_entry ORDER BY global_index) TO STDOUT}: rows per second. */
    static double orderedRead(Database database) throws Exception {
        try (Connection connection = database.connect()) {
            long start = System.nanoTime();
            CountingStream out = new CountingStream();
            long rows = connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyOut(
                            "COPY (SELECT * FROM event_store.domain_event_entry ORDER BY global_index) TO STDOUT", out);
            return rows / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static final class CountingStream extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
