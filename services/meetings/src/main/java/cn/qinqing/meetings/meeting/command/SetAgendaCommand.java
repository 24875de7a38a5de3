package cn.qinqing.meetings.meeting.command;

import cn.qinqing.language.meeting.AgendaItem;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Publishes the agenda the first time, changes it afterwards.
 *
 * @param reason why a published agenda changes; required for a change, ignored for the first publication
 */
public record SetAgendaCommand(
        @TargetAggregateIdentifier UUID meetingId,
        @TargetAggregateVersion Long expectedVersion,
        Requester requester,
        List<AgendaItem> items,
        String reason,
        Instant at) {}
