package cn.qinqing.language.resolution;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The case file took note of the enterprise's feedback on its answer (回访结果): half of what close-out (销号) needs,
 * the department head's sign-off being the other half.
 *
 * @param round the round whose answer the feedback is about
 * @param feedback RATED or FEEDBACK_EXPIRED (the rating window passed without a rating)
 * @param rating 1 to 5 when rated, 0 when the window expired
 */
@Revision("1")
public record CaseFileFeedbackReceivedEvent(
        UUID appealId, int round, String feedback, int rating, Instant receivedAt) {}
