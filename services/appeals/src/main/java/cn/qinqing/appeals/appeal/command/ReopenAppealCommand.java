package cn.qinqing.appeals.appeal.command;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** @param enterpriseId the enterprise of the caller: only the appeal's own enterprise reopens it */
public record ReopenAppealCommand(
        @TargetAggregateIdentifier UUID appealId,
        @TargetAggregateVersion Long expectedVersion,
        String enterpriseId,
        String reason,
        Instant reopenedAt) {}
