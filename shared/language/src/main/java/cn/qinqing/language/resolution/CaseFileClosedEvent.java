package cn.qinqing.language.resolution;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The case was closed out (销号): the enterprise gave its feedback (or its window expired) and the department head
 * signed off.
 *
 * @param feedback RATED or FEEDBACK_EXPIRED
 */
@Revision("1")
public record CaseFileClosedEvent(UUID appealId, String departmentId, String feedback, Instant closedAt) {}
