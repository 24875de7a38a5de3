package cn.qinqing.meetings.meeting.command;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** The host closes a meeting whose minutes are published and whose action items (if any) are all closed. */
public record CloseMeetingCommand(
        @TargetAggregateIdentifier UUID meetingId,
        @TargetAggregateVersion Long expectedVersion,
        Requester requester,
        Instant closedAt) {}
