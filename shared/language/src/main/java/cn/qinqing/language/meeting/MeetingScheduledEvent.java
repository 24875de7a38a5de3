package cn.qinqing.language.meeting;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A leader scheduled a government–business breakfast meeting (政商恳谈早餐会).
 *
 * @param hostLeaderId the leader who hosts it (the scheduling user)
 * @param capacity how many enterprises may be invited at most (declined invitations free their seat)
 * @param departmentIds the departments that will attend
 * @param topicCutOffAt invited enterprises propose topics until then
 */
@Revision("1")
public record MeetingScheduledEvent(
        UUID meetingId,
        String hostLeaderId,
        String theme,
        String venue,
        Instant startsAt,
        Instant endsAt,
        int capacity,
        List<String> departmentIds,
        Instant topicCutOffAt,
        Instant scheduledAt) {

    public MeetingScheduledEvent {
        departmentIds = departmentIds == null ? List.of() : List.copyOf(departmentIds);
    }
}
