package cn.qinqing.platform.ratelimit;

import java.time.Duration;

/** A caller went over a rate limit: answered 429 with {@code Retry-After} in whole seconds. */
public class TooManyRequestsException extends RuntimeException {

    private final Duration retryAfter;

    public TooManyRequestsException(String what, Duration retryAfter) {
        super("Too many " + what + "; try again in " + seconds(retryAfter) + " s.");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** The {@code Retry-After} value: whole seconds, rounded up, at least 1. */
    public long retryAfterSeconds() {
        return seconds(retryAfter);
    }

    private static long seconds(Duration wait) {
        long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
