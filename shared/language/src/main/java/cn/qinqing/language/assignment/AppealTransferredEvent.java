package cn.qinqing.language.assignment;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The appeal moved from one department to another (转办), with the reason; the new one must sign for it. */
@Revision("1")
public record AppealTransferredEvent(
        UUID appealId,
        String fromDepartmentId,
        String toDepartmentId,
        String byActor,
        String reason,
        Instant transferredAt,
        Instant signForDueAt) {}
