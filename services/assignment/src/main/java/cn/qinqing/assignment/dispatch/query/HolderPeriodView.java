package cn.qinqing.assignment.dispatch.query;

import java.time.Instant;

/**
 * One period during which a department or a leader held an appeal.
 *
 * @param holderKind DEPARTMENT or LEADER
 * @param holderName the department's or leader's name in the directory
 * @param signedForAt for a department, when it signed for the appeal in this period
 * @param endedAt null while the period lasts
 * @param endReason TRANSFERRED, RETURNED, REDISPATCHED, ESCALATED, RESOLVED, CLOSED or WITHDRAWN; null while it lasts
 */
public record HolderPeriodView(
        String holderKind,
        String holderId,
        String holderName,
        Instant startedAt,
        Instant signedForAt,
        Instant endedAt,
        String endReason) {}
