package cn.qinqing.language.meeting;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The appeal an action item became was closed out (or withdrawn), so the item is done.
 *
 * @param cause what closed it: CASE_FILE_CLOSED, APPEAL_CLOSED or APPEAL_WITHDRAWN
 */
@Revision("1")
public record ActionItemClosedEvent(UUID meetingId, UUID actionItemId, String cause, Instant closedAt) {}
