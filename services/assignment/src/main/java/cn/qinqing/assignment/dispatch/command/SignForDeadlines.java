package cn.qinqing.assignment.dispatch.command;

import java.time.Instant;

/** When a department must have signed for an appeal dispatched to it at a given instant (签收时限). */
public interface SignForDeadlines {

    Instant dueAfter(Instant dispatchedAt);

    /**
     * Due after that many working days (an SLA tier's own sign-for limit). By default the default limit counted that
     * many times over, which is exact for the one-working-day default.
     */
    default Instant dueAfter(Instant dispatchedAt, int workingDays) {
        Instant due = dispatchedAt;
        for (int day = 0; day < workingDays; day++) {
            due = dueAfter(due);
        }
        return due;
    }

    /**
     * When the department is warned that sign-for is due soon (临期预警); the due time itself means no warning, which is
     * the default.
     */
    default Instant warningAt(Instant dispatchedAt, Instant dueAt) {
        return dueAt;
    }
}
