package cn.qinqing.appeals.appeal.command;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record WithdrawAppealCommand(
        @TargetAggregateIdentifier UUID appealId,
        @TargetAggregateVersion Long expectedVersion,
        String enterpriseId,
        String reason,
        Instant withdrawnAt) {}
