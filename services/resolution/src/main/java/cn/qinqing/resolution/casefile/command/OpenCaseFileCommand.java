package cn.qinqing.resolution.casefile.command;

import cn.qinqing.language.Urgency;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the reaction to {@code AppealSignedForEvent}: the signing department opens (or takes over) the case. */
public record OpenCaseFileCommand(
        @TargetAggregateIdentifier UUID caseFileId,
        UUID appealId,
        String departmentId,
        Urgency urgency,
        Instant signedAt) {}
