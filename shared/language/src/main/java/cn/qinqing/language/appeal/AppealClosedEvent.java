package cn.qinqing.language.appeal;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The appeal is closed out (已办结/销号) as the enterprise sees it. */
@Revision("1")
public record AppealClosedEvent(UUID appealId, String enterpriseId, Instant closedAt) {}
