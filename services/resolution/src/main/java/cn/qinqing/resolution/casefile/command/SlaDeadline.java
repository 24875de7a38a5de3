package cn.qinqing.resolution.casefile.command;

import cn.qinqing.language.resolution.DeadlineKind;
import java.time.Instant;

/**
 * The payload of a scheduled SLA deadline: which clock, and the due time it was scheduled for. A deadline whose due
 * time is no longer the one in force (moved by a pause or an extension) is stale and ignored.
 */
public record SlaDeadline(DeadlineKind kind, Instant dueAt) {

    static final String NAME = "sla";
}
