package cn.qinqing.appeals.appeal.command;

import cn.qinqing.language.resolution.Outcome;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the reaction to {@code ResolutionSubmittedEvent}: the city's answer reaches the enterprise. */
public record AnswerAppealCommand(
        @TargetAggregateIdentifier UUID appealId,
        String departmentId,
        int round,
        String answer,
        Outcome outcome,
        String reason,
        String policyBasis,
        Instant answeredAt) {}
