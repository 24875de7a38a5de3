package cn.qinqing.language.appeal;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The enterprise did not rate the answer within its window; recorded as such (see docs for the policy). */
@Revision("1")
public record AppealRatingExpiredEvent(UUID appealId, String enterpriseId, int round, Instant expiredAt) {}
