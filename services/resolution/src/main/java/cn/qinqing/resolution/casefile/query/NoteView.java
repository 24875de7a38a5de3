package cn.qinqing.resolution.casefile.query;

import java.time.Instant;
import java.util.UUID;

public record NoteView(
        UUID noteId,
        String officialId,
        String text,
        boolean visibleToEnterprise,
        boolean contactWithEnterprise,
        Instant notedAt) {}
