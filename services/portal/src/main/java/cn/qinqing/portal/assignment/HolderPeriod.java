package cn.qinqing.portal.assignment;

import java.time.Instant;

/** One period during which a department or leader held an appeal, and why it ended (the holder record). */
public record HolderPeriod(
        String holderKind,
        String holderId,
        String holderName,
        Instant startedAt,
        Instant signedForAt,
        Instant endedAt,
        String endReason) {}
