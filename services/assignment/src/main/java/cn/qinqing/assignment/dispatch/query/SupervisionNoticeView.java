package cn.qinqing.assignment.dispatch.query;

import java.time.Instant;
import java.util.UUID;

/** A leader's supervision notice (督办) to the department that held the appeal when it was issued. */
public record SupervisionNoticeView(
        UUID noticeId,
        UUID appealId,
        String leaderId,
        String departmentId,
        String instructions,
        Instant dueAt,
        Instant issuedAt) {}
