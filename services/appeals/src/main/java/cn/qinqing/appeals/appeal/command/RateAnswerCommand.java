package cn.qinqing.appeals.appeal.command;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** @param enterpriseId the enterprise of the caller: only the appeal's own enterprise rates it */
public record RateAnswerCommand(
        @TargetAggregateIdentifier UUID appealId,
        @TargetAggregateVersion Long expectedVersion,
        String enterpriseId,
        int rating,
        String comment,
        Instant ratedAt) {}
