package cn.qinqing.appeals.appeal.command;

import java.time.Duration;

/**
 * How long the enterprise has to rate (or reopen) an answer, counted in plain time from the answer (default 7 days,
 * {@code qinqing.appeals.rating-window}).
 */
public record RatingWindow(Duration length) {

    public RatingWindow {
        if (length == null || length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("the rating window must be positive: " + length);
        }
    }
}
