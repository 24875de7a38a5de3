package cn.qinqing.platform.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per key (an enterprise, a client address): {@code capacity} actions at once, refilled evenly so that
 * {@code capacity} more are allowed per {@code window}. An action beyond that is refused with the time until the next
 * token, for a {@code Retry-After}. A capacity of 0 switches the limit off.
 *
 * <p>Kept in this instance's memory: a restart forgets, and several instances each count their own share. That is
 * enough to keep one caller from flooding the city's inboxes, which is all it is for.
 */
public final class RateLimiter {

    private static final int PURGE_ABOVE = 10_000;

    private final String what;
    private final int capacity;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(String what, int capacity, Duration window) {
        this(what, capacity, window, Clock.systemUTC());
    }

    public RateLimiter(String what, int capacity, Duration window, Clock clock) {
        if (capacity < 0 || window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a rate limit needs a capacity of 0 or more and a positive window");
        }
        this.what = what;
        this.capacity = capacity;
        this.window = window;
        this.clock = clock;
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
        if (buckets.size() > PURGE_ABOVE) {
            purge();
        }
        Duration wait =
                buckets.computeIfAbsent(key, k -> new Bucket(clock.instant())).take(clock.instant());
        if (!wait.isZero()) {
            throw new TooManyRequestsException(what, wait);
        }
    }

    private void purge() {
        Instant now = clock.instant();
        buckets.values().removeIf(bucket -> bucket.isFull(now));
    }

    /** Credit in nanoseconds of waiting: each action costs {@code window / capacity} of it, exactly. */
    private final class Bucket {
        private final long cost = window.toNanos() / capacity;
        private final long full = cost * capacity;
        private long credit;
        private Instant updated;

        Bucket(Instant now) {
            this.credit = full;
            this.updated = now;
        }

        synchronized Duration take(Instant now) {
            refill(now);
            if (credit >= cost) {
                credit -= cost;
                return Duration.ZERO;
            }
            return Duration.ofNanos(cost - credit);
        }

        synchronized boolean isFull(Instant now) {
            refill(now);
            return credit >= full;
        }

        private void refill(Instant now) {
            long elapsed = Duration.between(updated, now).toNanos();
            if (elapsed > 0) {
                credit = Math.min(full, credit + elapsed);
                updated = now;
            }
        }
    }
}
