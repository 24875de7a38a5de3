package cn.qinqing.resolution.casefile.command;

import cn.qinqing.language.resolution.DeadlineKind;
import java.time.Instant;

/**
 * The payload of a scheduled warning before an SLA clock runs out (临期预警): which clock, and the due time it warns of.
 * Scheduled under the clock's own deadline name, so that whatever moves or stops the clock cancels its warning too; a
 * warning whose due time is no longer the one in force is stale and ignored. Kept by db-scheduler like
 * {@link SlaDeadline}: a change of shape needs the care of an event's.
 */
public record SlaWarning(DeadlineKind kind, Instant dueAt) {}
