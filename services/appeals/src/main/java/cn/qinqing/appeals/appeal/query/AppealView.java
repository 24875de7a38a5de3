package cn.qinqing.appeals.appeal.query;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.Urgency;
import cn.qinqing.language.appeal.AppealSource;
import cn.qinqing.language.appeal.AttachmentRef;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An appeal as the enterprise and the city see it.
 *
 * @param status one of {@link #STATUSES}
 * @param holdingDepartment the department that holds it now, once dispatched
 * @param version the aggregate version; its ETag for If-Match
 */
public record AppealView(
        UUID id,
        String enterpriseId,
        String title,
        String description,
        AppealCategory category,
        Urgency urgency,
        AppealSource source,
        UUID meetingId,
        UUID actionItemId,
        boolean manualDispatch,
        List<AttachmentRef> attachments,
        String status,
        String holdingDepartment,
        int supplements,
        String withdrawalReason,
        Instant filedAt,
        Instant updatedAt,
        long version) {

    /** Every status an appeal is listed with (AppealProjection writes no other), in the order a case goes. */
    public static final List<String> STATUSES = List.of(
            "FILED", "DISPATCHED", "SIGNED_FOR", "IN_PROGRESS", "ANSWERED", "RATED", "REOPENED", "CLOSED", "WITHDRAWN");
}
