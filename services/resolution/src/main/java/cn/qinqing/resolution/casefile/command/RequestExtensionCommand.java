package cn.qinqing.resolution.casefile.command;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record RequestExtensionCommand(
        @TargetAggregateIdentifier UUID caseFileId,
        @TargetAggregateVersion Long expectedVersion,
        Caller caller,
        UUID requestId,
        Instant requestedDueAt,
        String reason,
        Instant requestedAt) {}
