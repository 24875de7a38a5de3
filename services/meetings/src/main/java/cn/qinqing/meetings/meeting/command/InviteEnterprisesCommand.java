package cn.qinqing.meetings.meeting.command;

import cn.qinqing.language.meeting.InvitationSelection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** @param invitees the enterprises to invite; those already holding a seat are left as they are */
public record InviteEnterprisesCommand(
        @TargetAggregateIdentifier UUID meetingId,
        @TargetAggregateVersion Long expectedVersion,
        Requester requester,
        List<Invitee> invitees,
        Instant sentAt) {

    public record Invitee(String enterpriseId, InvitationSelection selection) {}
}
