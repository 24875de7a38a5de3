package cn.qinqing.portal.resolution;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * A document attached to a case file's note, extension request or answer, as the resolution service lists it (ADR
 * 0009).
 *
 * @param attachedTo NOTE, EXTENSION_REQUEST or ANSWER
 */
public record CaseFileDocument(
        UUID documentId,
        String name,
        String mediaType,
        long sizeBytes,
        String sha256,
        String attachedTo,
        UUID stepId,
        boolean visibleToEnterprise,
        String officialId,
        Instant attachedAt) {

    /** Its size for people: 1.2 MB, 350 KB. */
    public String size() {
        if (sizeBytes >= 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", sizeBytes / (1024.0 * 1024));
        }
        return Math.max(1, Math.round(sizeBytes / 1024.0)) + " KB";
    }
}
