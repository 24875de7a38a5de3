package cn.qinqing.resolution.casefile.command;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record SignOffCloseOutCommand(
        @TargetAggregateIdentifier UUID caseFileId,
        @TargetAggregateVersion Long expectedVersion,
        Caller caller,
        Instant signedOffAt) {}
