package cn.qinqing.language.assignment;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The appeal was escalated (提级督办) to the next leader up the chain, usually because a deadline passed.
 *
 * @param fromLeaderId the leader who was responsible before, or null when none was yet
 * @param cause what caused it, e.g. the breached deadline's kind
 */
@Revision("1")
public record AppealEscalatedEvent(
        UUID appealId, String fromLeaderId, String toLeaderId, String cause, Instant escalatedAt) {}
