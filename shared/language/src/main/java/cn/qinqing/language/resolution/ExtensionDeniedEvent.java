package cn.qinqing.language.resolution;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The extension was denied (不予延期); the due date stays. */
@Revision("1")
public record ExtensionDeniedEvent(UUID appealId, UUID requestId, String leaderId, String reason, Instant decidedAt) {}
