package cn.qinqing.meetings.meeting.command;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ScheduleMeetingCommand(
        @TargetAggregateIdentifier UUID meetingId,
        String hostLeaderId,
        String theme,
        String venue,
        Instant startsAt,
        Instant endsAt,
        int capacity,
        List<String> departmentIds,
        Instant topicCutOffAt,
        Instant scheduledAt) {}
