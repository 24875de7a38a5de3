package cn.qinqing.platform.ratelimit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Buckets in the service's schema (table {@code rate_limit_bucket}, migration {@code V0_60}), so that every instance
 * of the service counts against the same limit. Each take locks the bucket's row for one short transaction of its own
 * (never the caller's), on a connection of its own from the pool. Buckets left untouched for longer than it takes to
 * fill up again are deleted now and then: a missing bucket is a full one.
 */
public final class JdbcRateLimitStore implements RateLimitStore {

    private static final int PURGE_EVERY = 1_000;

    private final DataSource dataSource;
    private final String table;
    private final AtomicLong takes = new AtomicLong();

    /**
     * @param schema the service's schema, where its Flyway created the table
     */
    public JdbcRateLimitStore(DataSource dataSource, String schema) {
        if (!schema.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a schema name: " + schema);
        }
        this.dataSource = dataSource;
        this.table = schema + ".rate_limit_bucket";
    }

    @Override
    public Duration take(String limiter, String key, long cost, long full, Instant now) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                Duration wait = take(connection, limiter, key, cost, full, now);
                if (takes.incrementAndGet() % PURGE_EVERY == 0) {
                    purge(connection, limiter, now.minusNanos(full));
                }
                connection.commit();
                return wait;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count against the rate limit of " + limiter, e);
        }
    }

    private Duration take(Connection connection, String limiter, String key, long cost, long full, Instant now)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
                + " (limiter, bucket_key, credit_nanos, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, limiter);
            insert.setString(2, key);
            insert.setLong(3, full);
            insert.setTimestamp(4, Timestamp.from(now));
            insert.executeUpdate();
        }
        long credit;
        Instant updated;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT credit_nanos, updated_at FROM " + table + " WHERE limiter = ? AND bucket_key = ? FOR UPDATE")) {
            select.setString(1, limiter);
            select.setString(2, key);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                credit = row.getLong(1);
                updated = row.getTimestamp(2).toInstant();
            }
        }
        long elapsed = Duration.between(updated, now).toNanos();
        if (elapsed > 0) {
            // another instance's clock may be a little ahead: time never runs backwards for a bucket
            credit = Math.min(full, credit + elapsed);
            updated = now;
        }
        Duration wait = Duration.ZERO;
        if (credit >= cost) {
            credit -= cost;
        } else {
            wait = Duration.ofNanos(cost - credit);
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE " + table + " SET credit_nanos = ?, updated_at = ? WHERE limiter = ? AND bucket_key = ?")) {
            update.setLong(1, credit);
            update.setTimestamp(2, Timestamp.from(updated));
            update.setString(3, limiter);
            update.setString(4, key);
            update.executeUpdate();
        }
        return wait;
    }

    private void purge(Connection connection, String limiter, Instant fullSince) throws SQLException {
        try (PreparedStatement delete =
                connection.prepareStatement("DELETE FROM " + table + " WHERE limiter = ? AND updated_at < ?")) {
            delete.setString(1, limiter);
            delete.setTimestamp(2, Timestamp.from(fullSince));
            delete.executeUpdate();
        }
    }
}
