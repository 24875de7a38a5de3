package cn.qinqing.language.assignment;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A leader issued a supervision notice (督办) on the appeal to the holding department, with a due date. */
@Revision("1")
public record SupervisionNoticeIssuedEvent(
        UUID appealId,
        UUID noticeId,
        String leaderId,
        String departmentId,
        String instructions,
        Instant dueAt,
        Instant issuedAt) {}
