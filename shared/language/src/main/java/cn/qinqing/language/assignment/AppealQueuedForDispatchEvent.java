package cn.qinqing.language.assignment;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * An appeal waits in the dispatcher's queue (待派单): no rule matched, the enterprise asked for manual dispatch, or a
 * department returned it. A dispatcher must route it by {@code dispatchDueAt}.
 *
 * @param reason NO_MATCHING_RULE, MANUAL_DISPATCH_REQUESTED or RETURNED_BY_DEPARTMENT
 */
@Revision("1")
public record AppealQueuedForDispatchEvent(UUID appealId, String reason, Instant queuedAt, Instant dispatchDueAt) {}
