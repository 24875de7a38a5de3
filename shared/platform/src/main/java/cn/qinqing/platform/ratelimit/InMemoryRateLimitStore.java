package cn.qinqing.platform.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Buckets in this instance's memory: a restart forgets them, and several instances each count their own share. */
public final class InMemoryRateLimitStore implements RateLimitStore {

    private static final int PURGE_ABOVE = 10_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Override
    public Duration take(String limiter, String key, long cost, long full, Instant now) {
        if (buckets.size() > PURGE_ABOVE) {
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        return buckets.computeIfAbsent(limiter + "\u0000" + key, k -> new Bucket(full, now))
                .take(cost, now);
    }

    private static final class Bucket {
        private final long full;
        private long credit;
        private Instant updated;

        Bucket(long full, Instant now) {
            this.full = full;
            this.credit = full;
            this.updated = now;
        }

        synchronized Duration take(long cost, Instant now) {
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
