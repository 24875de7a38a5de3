package cn.qinqing.language.resolution;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The leader in charge or the department head granted more time (批准延期): the resolution is now due later. */
@Revision("1")
public record ExtensionGrantedEvent(
        UUID appealId, UUID requestId, String leaderId, Instant newResolutionDueAt, Instant decidedAt) {}
