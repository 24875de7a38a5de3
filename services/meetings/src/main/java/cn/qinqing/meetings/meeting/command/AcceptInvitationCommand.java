package cn.qinqing.meetings.meeting.command;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** @param enterpriseId the caller's enterprise: only the invited enterprise answers its invitation */
public record AcceptInvitationCommand(
        @TargetAggregateIdentifier UUID meetingId,
        @TargetAggregateVersion Long expectedVersion,
        String enterpriseId,
        Instant acceptedAt) {}
