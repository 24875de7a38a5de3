package cn.qinqing.portal.appeal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An appeal as the appeals API shows it to the signed-in user (fields the portal does not use are ignored).
 *
 * @param holdingDepartment the department holding it now, once dispatched
 * @param version the aggregate version: sent back as {@code If-Match} with a change
 */
public record Appeal(
        UUID id,
        String enterpriseId,
        String title,
        String description,
        String category,
        String urgency,
        String source,
        UUID meetingId,
        UUID actionItemId,
        boolean manualDispatch,
        List<Attachment> attachments,
        String status,
        String holdingDepartment,
        int supplements,
        String withdrawalReason,
        Instant filedAt,
        Instant updatedAt,
        long version) {

    public record Attachment(String name, String mediaType, long sizeBytes, String sha256) {}

    public boolean isAnswered() {
        return "ANSWERED".equals(status);
    }

    public boolean isWithdrawn() {
        return "WITHDRAWN".equals(status);
    }

    public boolean isClosed() {
        return "CLOSED".equals(status) || isWithdrawn();
    }
}
