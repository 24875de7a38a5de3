package cn.qinqing.meetings.meeting.command;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * @param topicId the new topic's id; proposing a topic id the meeting already has changes nothing (a retry)
 * @param linkedAppealId one of the enterprise's own appeals (checked by the caller against the read model), or null
 */
public record ProposeTopicCommand(
        @TargetAggregateIdentifier UUID meetingId,
        UUID topicId,
        String enterpriseId,
        String title,
        String description,
        UUID linkedAppealId,
        Instant proposedAt) {}
