package cn.qinqing.language.resolution;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The enterprise was not satisfied and reopened the appeal: the case file reopens with a new clock (重新办理). */
@Revision("1")
public record CaseFileReopenedEvent(
        UUID appealId, int round, Instant reopenedAt, Instant firstContactDueAt, Instant resolutionDueAt) {}
