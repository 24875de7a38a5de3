package cn.qinqing.resolution.casefile.command;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * @param grant true to grant, false to deny
 * @param newDueAt for a grant: the new resolution due time (the requested one when null)
 * @param reason for a denial: why
 */
public record DecideExtensionCommand(
        @TargetAggregateIdentifier UUID caseFileId,
        @TargetAggregateVersion Long expectedVersion,
        Caller caller,
        UUID requestId,
        boolean grant,
        Instant newDueAt,
        String reason,
        Instant decidedAt) {}
