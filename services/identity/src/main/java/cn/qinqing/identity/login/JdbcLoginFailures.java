package cn.qinqing.identity.login;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Failures in identity's schema (table {@code login_failure}, migration V60), counted by every instance of identity
 * alike. Rows older than the window are deleted every few hundred failures.
 */
final class JdbcLoginFailures implements LoginFailures {

    private static final int PURGE_EVERY = 200;

    private final JdbcTemplate jdbc;
    private final AtomicLong recorded = new AtomicLong();

    JdbcLoginFailures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(String kind, String key, Instant at, Instant horizon) {
        jdbc.update(
                "INSERT INTO login_failure (kind, failure_key, failed_at) VALUES (?, ?, ?)",
                kind,
                key,
                Timestamp.from(at));
        if (recorded.incrementAndGet() % PURGE_EVERY == 0) {
            jdbc.update("DELETE FROM login_failure WHERE failed_at <= ?", Timestamp.from(horizon));
        }
    }

    @Override
    public int count(String kind, String key, Instant horizon) {
        Integer count = jdbc.queryForObject(
                "SELECT count(*) FROM login_failure WHERE kind = ? AND failure_key = ? AND failed_at > ?",
                Integer.class,
                kind,
                key,
                Timestamp.from(horizon));
        return count == null ? 0 : count;
    }

    @Override
    public void clear(String kind, String key) {
        jdbc.update("DELETE FROM login_failure WHERE kind = ? AND failure_key = ?", kind, key);
    }
}
