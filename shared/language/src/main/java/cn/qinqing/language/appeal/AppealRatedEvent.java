package cn.qinqing.language.appeal;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The enterprise rated the answer (评价): 1 to 5, 4 and 5 counting as satisfied. */
@Revision("1")
public record AppealRatedEvent(
        UUID appealId, String enterpriseId, int round, int rating, String comment, Instant ratedAt) {}
