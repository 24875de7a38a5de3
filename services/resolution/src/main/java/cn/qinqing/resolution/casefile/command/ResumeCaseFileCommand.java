package cn.qinqing.resolution.casefile.command;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Resumes a paused clock: by the holding department's official, or by the reaction to {@code
 * AppealSupplementedEvent} (the enterprise supplied what was asked), then with no caller and no expected version.
 */
public record ResumeCaseFileCommand(
        @TargetAggregateIdentifier UUID caseFileId,
        @TargetAggregateVersion Long expectedVersion,
        Caller caller,
        Instant resumedAt) {}
