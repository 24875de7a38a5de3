package cn.qinqing.resolution.casefile.command;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent by the reactions to {@code AppealRatedEvent} and {@code AppealRatingExpiredEvent}.
 *
 * @param rating 1–5, or 0 when the rating window expired
 */
public record RecordFeedbackCommand(
        @TargetAggregateIdentifier UUID caseFileId, int round, int rating, Instant receivedAt) {}
