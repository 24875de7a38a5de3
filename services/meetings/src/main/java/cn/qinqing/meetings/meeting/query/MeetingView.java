package cn.qinqing.meetings.meeting.query;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A meeting as its host, its invitees and supervisors see it.
 *
 * @param status SCHEDULED, or CLOSED once every action item is closed
 * @param agendaRevision 0 before the agenda is published, 1 once it is, one more for each change
 * @param minutesStatus NONE, DRAFT or PUBLISHED
 * @param version the aggregate version; its ETag for If-Match
 */
public record MeetingView(
        UUID id,
        String hostLeaderId,
        String theme,
        String venue,
        Instant startsAt,
        Instant endsAt,
        int capacity,
        List<String> departmentIds,
        Instant topicCutOffAt,
        Instant scheduledAt,
        int agendaRevision,
        String minutesStatus,
        String status,
        Instant closedAt,
        long version) {}
