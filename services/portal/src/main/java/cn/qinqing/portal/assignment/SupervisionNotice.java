package cn.qinqing.portal.assignment;

import java.time.Instant;
import java.util.UUID;

/** A leader's supervision notice (督办) on an appeal; fields the portal does not show are ignored. */
public record SupervisionNotice(
        UUID noticeId,
        UUID appealId,
        String leaderId,
        String departmentId,
        String instructions,
        Instant dueAt,
        Instant issuedAt) {}
