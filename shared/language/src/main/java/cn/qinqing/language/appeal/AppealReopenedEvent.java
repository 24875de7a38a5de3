package cn.qinqing.language.appeal;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The enterprise, not satisfied, reopened the appeal within its rating window (不满意重办). */
@Revision("1")
public record AppealReopenedEvent(UUID appealId, String enterpriseId, int round, String reason, Instant reopenedAt) {}
