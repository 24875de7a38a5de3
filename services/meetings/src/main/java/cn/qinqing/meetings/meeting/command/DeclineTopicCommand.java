package cn.qinqing.meetings.meeting.command;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record DeclineTopicCommand(
        @TargetAggregateIdentifier UUID meetingId,
        @TargetAggregateVersion Long expectedVersion,
        Requester requester,
        UUID topicId,
        String reason,
        Instant declinedAt) {}
