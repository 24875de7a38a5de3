package cn.qinqing.meetings.meeting.query;

import java.util.List;
import java.util.UUID;

/**
 * How well a meeting's decisions are followed up (落实情况).
 *
 * @param followUpRate closed action items over all action items, 0 to 1; 1 when there are none
 * @param overdue the open items past their due date
 */
public record FollowUpView(
        UUID meetingId,
        String meetingStatus,
        int actionItems,
        int closed,
        int open,
        double followUpRate,
        List<ActionItemView> overdue,
        List<ActionItemView> items) {}
