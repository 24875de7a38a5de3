package cn.qinqing.platform.ratelimit;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a {@link RateLimiter}'s buckets live: in this instance's memory ({@link InMemoryRateLimitStore}) or in
 * PostgreSQL, shared by every instance of the service ({@link JdbcRateLimitStore}).
 *
 * <p>A bucket holds credit in nanoseconds of waiting, at most {@code full}; it refills one nanosecond per nanosecond of
 * time, and an action costs {@code cost} of it.
 */
public interface RateLimitStore {

    /**
     * Takes {@code cost} from the bucket of {@code key}, which starts full.
     *
     * @return zero when the action may go ahead, else how long until the bucket holds {@code cost} again
     */
    Duration take(String limiter, String key, long cost, long full, Instant now);
}
