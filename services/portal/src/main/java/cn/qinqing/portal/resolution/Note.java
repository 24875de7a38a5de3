package cn.qinqing.portal.resolution;

import java.time.Instant;
import java.util.UUID;

/** A progress note on a case file; the enterprise sees only those marked visible. */
public record Note(
        UUID noteId,
        String officialId,
        String text,
        boolean visibleToEnterprise,
        boolean contactWithEnterprise,
        Instant notedAt) {}
