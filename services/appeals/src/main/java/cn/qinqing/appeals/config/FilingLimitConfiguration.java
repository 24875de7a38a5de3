package cn.qinqing.appeals.config;

import cn.qinqing.platform.ratelimit.JdbcRateLimitStore;
import cn.qinqing.platform.ratelimit.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How many appeals one enterprise may file: {@code qinqing.appeals.filing-limit.capacity} at once (default 100),
 * refilled evenly over {@code qinqing.appeals.filing-limit.window} (default one hour); a capacity of 0 switches the
 * limit off, as the benchmark does. Retries with the same {@code Idempotency-Key} are not counted again. The buckets
 * are in the service's schema, so the limit holds across every instance of the service.
 */
@Configuration
class FilingLimitConfiguration {

    @Bean
    RateLimiter filingLimit(
            @Value("${qinqing.appeals.filing-limit.capacity:100}") int capacity,
            @Value("${qinqing.appeals.filing-limit.window:PT1H}") Duration window,
            @Value("${qinqing.service.schema}") String schema,
            DataSource dataSource) {
        return new RateLimiter(
                "filings for this enterprise",
                capacity,
                window,
                Clock.systemUTC(),
                new JdbcRateLimitStore(dataSource, schema));
    }
}
