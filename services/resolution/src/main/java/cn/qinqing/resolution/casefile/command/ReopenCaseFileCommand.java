package cn.qinqing.resolution.casefile.command;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent by the reaction to {@code AppealReopenedEvent}.
 *
 * @param answeredRound the round whose answer the enterprise reopened; the case file opens round + 1
 */
public record ReopenCaseFileCommand(
        @TargetAggregateIdentifier UUID caseFileId, int answeredRound, Instant reopenedAt) {}
