package cn.qinqing.meetings.meeting.command;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.Urgency;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** @param actionItemId the new item's id; raising an id the meeting already has changes nothing (a retry) */
public record RaiseActionItemCommand(
        @TargetAggregateIdentifier UUID meetingId,
        UUID actionItemId,
        Requester requester,
        int agendaPosition,
        int decision,
        String enterpriseId,
        String ownerDepartmentId,
        String responsibleLeaderId,
        LocalDate dueOn,
        String title,
        String description,
        AppealCategory category,
        Urgency urgency,
        Instant raisedAt) {}
