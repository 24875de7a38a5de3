package cn.qinqing.appeals.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.qinqing.platform.ratelimit.JdbcRateLimitStore;
import cn.qinqing.platform.ratelimit.RateLimiter;
import cn.qinqing.platform.ratelimit.TooManyRequestsException;
import cn.qinqing.testsupport.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The filing limit is one limit for all instances of appeals: two limiters, each on a data source of its own (as two
 * processes would have), count against the same buckets in PostgreSQL.
 */
class FilingLimitAcrossInstancesTest {

    private static final String SCHEMA = "rate_limit_test";
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-12-06T02:00:00Z"), ZoneOffset.UTC);

    @BeforeAll
    static void migrate() throws IOException, SQLException {
        String migration;
        try (InputStream in = FilingLimitAcrossInstancesTest.class.getResourceAsStream(
                "/db/platform/V0_60__rate_limit_buckets.sql")) {
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection connection = dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            statement.execute("CREATE SCHEMA " + SCHEMA);
            statement.execute("SET search_path TO " + SCHEMA);
            statement.execute(migration);
        }
    }

    private static DataSource dataSource() {
        TestDatabase database = TestDatabase.get();
        return new DriverManagerDataSource(database.url(), database.user(), "");
    }

    private static RateLimiter instance(int capacity, Clock clock) {
        return new RateLimiter(
                "filings for this enterprise",
                capacity,
                Duration.ofHours(1),
                clock,
                new JdbcRateLimitStore(dataSource(), SCHEMA));
    }

    @Test
    void twoInstancesShareOneLimit() {
        RateLimiter first = instance(3, NOW);
        RateLimiter second = instance(3, NOW);

        first.acquire("enterprise-shared");
        second.acquire("enterprise-shared");
        first.acquire("enterprise-shared");

        assertThatThrownBy(() -> second.acquire("enterprise-shared")).isInstanceOf(TooManyRequestsException.class);
        // another enterprise has its own bucket
        second.acquire("enterprise-other");
    }

    @Test
    void theSharedBucketRefillsWithTime() {
        RateLimiter first = instance(2, NOW);
        first.acquire("enterprise-refill");
        first.acquire("enterprise-refill");
        assertThatThrownBy(() -> first.acquire("enterprise-refill")).isInstanceOf(TooManyRequestsException.class);

        // half an hour later one more filing is due (2 per hour), on the other instance too
        RateLimiter later = instance(2, Clock.offset(NOW, Duration.ofMinutes(30)));
        later.acquire("enterprise-refill");
        assertThatThrownBy(() -> later.acquire("enterprise-refill")).isInstanceOf(TooManyRequestsException.class);
    }

    @Test
    void concurrentFilingsOnTwoInstancesNeverExceedTheLimit() throws Exception {
        List<RateLimiter> instances = List.of(instance(10, NOW), instance(10, NOW));
        AtomicInteger allowed = new AtomicInteger();
        List<Callable<Void>> filings = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            RateLimiter limiter = instances.get(i % 2);
            filings.add(() -> {
                try {
                    limiter.acquire("enterprise-race");
                    allowed.incrementAndGet();
                } catch (TooManyRequestsException refused) {
                    // the limit at work
                }
                return null;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            for (Future<Void> filing : pool.invokeAll(filings)) {
                filing.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(allowed).hasValue(10);
    }
}
