package cn.qinqing.meetings.meeting.command;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record AcceptTopicCommand(
        @TargetAggregateIdentifier UUID meetingId,
        @TargetAggregateVersion Long expectedVersion,
        Requester requester,
        UUID topicId,
        Instant acceptedAt) {}
