package cn.qinqing.oversight.history;

import java.time.Instant;

/**
 * A leader's supervision notice (督办). It is met when the appeal is answered (or finished) after it was issued.
 *
 * @param answeredAt when it was met; null while it is still open
 */
public record Notice(
        String noticeId, String leaderId, String departmentId, Instant issuedAt, Instant dueAt, Instant answeredAt) {}
