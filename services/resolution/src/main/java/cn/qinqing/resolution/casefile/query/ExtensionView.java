package cn.qinqing.resolution.casefile.query;

import java.time.Instant;
import java.util.UUID;

/** @param decision null while waiting, GRANTED or DENIED */
public record ExtensionView(
        UUID requestId,
        String officialId,
        Instant requestedDueAt,
        String reason,
        Instant requestedAt,
        String decision,
        String leaderId,
        Instant grantedDueAt,
        String denialReason,
        Instant decidedAt) {}
