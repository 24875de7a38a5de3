package cn.qinqing.assignment.dispatch.command;

import cn.qinqing.language.resolution.DeadlineKind;
import java.time.Instant;
import java.util.UUID;

/**
 * A clock of the assignment (dispatch, sign-for) reaching its warning time or running out. Kept by db-scheduler in the
 * service's {@code scheduled_tasks} (ADR 0006), serialized with the platform's Jackson serializer: a change of shape
 * needs the care of an event's.
 *
 * @param dueAt the due time the clock was started for: a deadline whose due time is no longer in force does nothing
 * @param warning the warning before the clock runs out, not the breach
 * @param noticeId the supervision notice whose clock it is, {@code null} for dispatch and sign-for
 */
public record ClockDeadline(DeadlineKind kind, Instant dueAt, boolean warning, UUID noticeId) {

    static String name(DeadlineKind kind) {
        return "clock-" + kind.name();
    }

    /** Each notice has a clock of its own, so that meeting one stops only its own deadlines. */
    static String name(UUID noticeId) {
        return "clock-" + DeadlineKind.SUPERVISION.name() + "-" + noticeId;
    }
}
