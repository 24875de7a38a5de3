package cn.qinqing.language.assignment;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * Nobody holds the appeal any more: its case was closed out, or the enterprise withdrew it. No dispatch, transfer or
 * escalation follows.
 *
 * @param reason CASE_CLOSED or APPEAL_WITHDRAWN
 */
@Revision("1")
public record AssignmentClosedEvent(UUID appealId, String reason, Instant closedAt) {}
