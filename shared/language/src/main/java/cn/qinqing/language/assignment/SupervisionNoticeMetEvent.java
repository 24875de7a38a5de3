package cn.qinqing.language.assignment;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A leader's supervision notice (督办) was met: the appeal was answered after the notice was issued, so the notice's
 * clock stops. Published by the assignment service, whose clock it is.
 *
 * @param departmentId the department the notice was addressed to
 */
@Revision("1")
public record SupervisionNoticeMetEvent(UUID appealId, UUID noticeId, String departmentId, Instant metAt) {}
