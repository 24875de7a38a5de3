package cn.qinqing.language.resolution;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The official asked for more time (申请延期). */
@Revision("1")
public record ExtensionRequestedEvent(
        UUID appealId, UUID requestId, String officialId, Instant requestedDueAt, String reason, Instant requestedAt) {}
