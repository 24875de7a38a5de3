package cn.qinqing.oversight.history;

import java.time.Duration;
import java.time.Instant;

/**
 * Something a department owed by a due time: to sign for an appeal dispatched or transferred to it, or to answer the
 * case it opened (one per round, the due date in force including extensions and pauses).
 *
 * @param start when it began: dispatched or transferred; case file opened or reopened (null when its facts are lost)
 * @param end how it ended, as far as the history goes
 * @param endedAt when it was done or superseded; null while open
 * @param inTime for a done obligation, the publishing service's verdict: {@code withinLimit} of the sign-for,
 *     {@code onTime} of the resolution
 * @param pausedWorkingTime working time the clock stood still (waiting on the enterprise)
 * @param pausedNow whether its clock is paused at the end of the history
 * @param extensions how many extensions were granted
 */
public record Obligation(
        Kind kind,
        String departmentId,
        Integer round,
        Instant start,
        Instant dueAt,
        End end,
        Instant endedAt,
        boolean inTime,
        Duration pausedWorkingTime,
        boolean pausedNow,
        int extensions) {

    public enum Kind {
        SIGN_FOR,
        RESOLUTION
    }

    public enum End {
        /** Nothing ended it yet. */
        OPEN,
        /** Signed for, or answered. */
        DONE,
        /** It stopped being owed without being done: returned, transferred, re-dispatched, withdrawn or closed. */
        SUPERSEDED
    }
}
