package cn.qinqing.oversight.history;

import java.time.Duration;
import java.time.Instant;

/**
 * A stretch of time one holder had the appeal, and the working time it cost them.
 *
 * @param to when it passed on; for the current holder, the instant the history was evaluated at
 * @param open whether the holder still has it
 */
public record HolderPeriod(Holder holder, Instant from, Instant to, boolean open, Duration workingTime) {}
