package cn.qinqing.platform.retention;

import java.time.Duration;

/**
 * A table that would only grow, and how long its rows are kept (R12).
 *
 * @param name what the store is, for the log and the docs (e.g. {@code appeals.idempotency_key})
 * @param retention how long a row is kept after the instant the store ages it by
 * @param deleteOlderThan deletes at most {@link Retention#BATCH} rows older than the one {@code ?} parameter, a
 *     timestamp with time zone (the cut-off), and nothing else; run again until it deletes fewer
 */
public record RetainedStore(String name, Duration retention, String deleteOlderThan) {

    public RetainedStore {
        if (retention == null || retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException(name + ": a retention must be positive");
        }
    }
}
