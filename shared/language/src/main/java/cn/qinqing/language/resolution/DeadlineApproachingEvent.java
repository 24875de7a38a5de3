package cn.qinqing.language.resolution;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A clock runs out soon (临期预警): its warning time came and what is due is still not done. Published by the service
 * whose clock it is, once per due time.
 *
 * @param departmentId the department that holds the appeal, or {@code null} while it waits for dispatch
 */
@Revision("1")
public record DeadlineApproachingEvent(
        UUID appealId, DeadlineKind kind, String departmentId, Instant dueAt, Instant warnedAt) {}
