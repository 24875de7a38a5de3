package cn.qinqing.platform.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import java.time.Clock;
import java.time.Duration;

/**
 * A token bucket per key (an enterprise, a client address): {@code capacity} actions at once, refilled evenly so that
 * {@code capacity} more are allowed per {@code window}. An action beyond that is refused with the time until the next
 * token, for a {@code Retry-After}. A capacity of 0 switches the limit off.
 *
 * <p>The buckets live in a {@link RateLimitStore}: in PostgreSQL ({@link JdbcRateLimitStore}) where several instances
 * of a service must hold one limit together, in this instance's memory otherwise.
 */
public final class RateLimiter {

    private final String what;
    private final int capacity;
    private final Duration window;
    private final Clock clock;
    private final RateLimitStore store;
    /** Refusals of this limit, from start-up on (0 included) at /actuator/prometheus. */
    private final Counter refusals;

    public RateLimiter(String what, int capacity, Duration window) {
        this(what, capacity, window, Clock.systemUTC());
    }

    public RateLimiter(String what, int capacity, Duration window, Clock clock) {
        this(what, capacity, window, clock, new InMemoryRateLimitStore());
    }

    /** A limit that every instance sharing {@code store} holds together; {@code what} also names its buckets. */
    public RateLimiter(String what, int capacity, Duration window, Clock clock, RateLimitStore store) {
        if (capacity < 0 || window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a rate limit needs a capacity of 0 or more and a positive window");
        }
        this.what = what;
        this.capacity = capacity;
        this.window = window;
        this.clock = clock;
        this.store = store;
        this.refusals = Metrics.counter("qinqing.rate.limit.refusals", "limit", what);
    }

    public boolean isEnabled() {
        return capacity > 0;
    }

    /**
     * Take one action's token for this key, or refuse.
     *
     * @throws TooManyRequestsException when the key has used up its tokens; it says when the next one is due
     */
    public void acquire(String key) {
        if (!isEnabled()) {
            return;
        }
        long cost = window.toNanos() / capacity;
        Duration wait = store.take(what, key, cost, cost * capacity, clock.instant());
        if (!wait.isZero()) {
            refusals.increment();
            throw new TooManyRequestsException(what, wait);
        }
    }
}
