package cn.qinqing.meetings.meeting.command;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by a reaction when the appeal an action item became is closed; repeating it changes nothing. */
public record RecordActionItemClosedCommand(
        @TargetAggregateIdentifier UUID meetingId, UUID actionItemId, String cause, Instant closedAt) {}
