package cn.qinqing.assignment.assignment.command;

import java.time.Instant;

/** When a department must have signed for an appeal dispatched to it at a given instant (签收时限). */
public interface SignForDeadlines {
    Instant dueAfter(Instant dispatchedAt);
}
