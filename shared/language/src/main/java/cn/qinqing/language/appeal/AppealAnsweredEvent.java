package cn.qinqing.language.appeal;

import cn.qinqing.language.resolution.Outcome;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The enterprise's appeal now shows the city's answer; it may rate it (or reopen) until {@code ratingDueAt}. */
@Revision("1")
public record AppealAnsweredEvent(
        UUID appealId,
        String enterpriseId,
        String departmentId,
        int round,
        String answer,
        Outcome outcome,
        String reason,
        String policyBasis,
        Instant answeredAt,
        Instant ratingDueAt) {}
