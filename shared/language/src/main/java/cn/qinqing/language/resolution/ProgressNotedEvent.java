package cn.qinqing.language.resolution;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * An official noted progress (办理进展).
 *
 * @param visibleToEnterprise whether the enterprise sees the note, or it is internal
 * @param contactWithEnterprise whether the note records contact with the enterprise (counts as first contact)
 */
@Revision("1")
public record ProgressNotedEvent(
        UUID appealId,
        UUID noteId,
        String officialId,
        String text,
        boolean visibleToEnterprise,
        boolean contactWithEnterprise,
        Instant notedAt) {}
