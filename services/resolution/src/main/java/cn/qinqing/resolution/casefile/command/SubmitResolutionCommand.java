package cn.qinqing.resolution.casefile.command;

import cn.qinqing.language.resolution.Outcome;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record SubmitResolutionCommand(
        @TargetAggregateIdentifier UUID caseFileId,
        @TargetAggregateVersion Long expectedVersion,
        Caller caller,
        String answer,
        Outcome outcome,
        String reason,
        String policyBasis,
        Instant submittedAt) {}
