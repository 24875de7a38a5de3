package cn.qinqing.language.resolution;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A deadline passed without what was due (超期). The assignment service escalates to the next leader up. Published by
 * the service whose clock it is: resolution for first contact and the answer, assignment for dispatch and sign-for.
 *
 * @param departmentId the department that held the appeal when the clock ran out, {@code null} for dispatch
 */
@Revision("1")
public record DeadlineBreachedEvent(
        UUID appealId, DeadlineKind kind, String departmentId, Instant dueAt, Instant breachedAt) {}
