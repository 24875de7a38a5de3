package cn.qinqing.resolution.casefile.command;

import cn.qinqing.language.AppealCategory;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent by the reaction to {@code AppealReopenedEvent}.
 *
 * @param answeredRound the round whose answer the enterprise reopened; the case file opens round + 1
 * @param category the appeal's category, for its SLA tier; null when unknown (the defaults apply)
 */
public record ReopenCaseFileCommand(
        @TargetAggregateIdentifier UUID caseFileId, int answeredRound, Instant reopenedAt, AppealCategory category) {

    public ReopenCaseFileCommand(UUID caseFileId, int answeredRound, Instant reopenedAt) {
        this(caseFileId, answeredRound, reopenedAt, null);
    }
}
