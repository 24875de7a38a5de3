package cn.qinqing.assignment.dispatch.query;

import cn.qinqing.language.assignment.AppealDispatchedEvent;
import cn.qinqing.language.assignment.AppealEscalatedEvent;
import cn.qinqing.language.assignment.AppealReturnedEvent;
import cn.qinqing.language.assignment.AppealSignedForEvent;
import cn.qinqing.language.assignment.AppealTransferredEvent;
import cn.qinqing.language.assignment.AssignmentClosedEvent;
import cn.qinqing.language.assignment.LeaderTookChargeEvent;
import cn.qinqing.language.resolution.CaseFileClosedEvent;
import cn.qinqing.language.resolution.CaseFileReopenedEvent;
import cn.qinqing.language.resolution.ResolutionSubmittedEvent;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The holder record (持有记录): every period during which a department or a leader held an appeal, with its start, end
 * and why it ended, so that time can be charged to whoever held it across transfers and returns.
 *
 * <p>A department holds an appeal from its dispatch (or transfer) until it is transferred, returned, re-dispatched,
 * resolved or closed; a leader from taking charge (or being escalated to) until the next escalation, the resolution
 * or the close. A reopened case starts new periods for those who held it when it was resolved.
 *
 * <p>Each end closes only periods that started before it in the event stream, and each start is keyed by its event:
 * a redelivered event changes nothing. The resolution service's events come in order with the assignment's, as the
 * platform orders every event that names an appeal per appeal.
 */
@Component
@ProcessingGroup(HolderRecordProjection.GROUP)
class HolderRecordProjection {

    static final String GROUP = "assignment-holders";
    static final String DEPARTMENT = "DEPARTMENT";
    static final String LEADER = "LEADER";

    private final JdbcTemplate jdbc;

    HolderRecordProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AppealDispatchedEvent event, EventMessage<?> message, TrackingToken token) {
        end(event.appealId(), DEPARTMENT, "REDISPATCHED", event.dispatchedAt(), token);
        start(event.appealId(), DEPARTMENT, event.departmentId(), event.dispatchedAt(), message, token);
    }

    @EventHandler
    void on(AppealSignedForEvent event) {
        jdbc.update(
                "UPDATE holder_period SET signed_for_at = ? WHERE appeal_id = ? AND holder_kind = ? AND holder_id = ?"
                        + " AND ended_at IS NULL AND signed_for_at IS NULL",
                ts(event.signedAt()),
                event.appealId(),
                DEPARTMENT,
                event.departmentId());
    }

    @EventHandler
    void on(AppealTransferredEvent event, EventMessage<?> message, TrackingToken token) {
        end(event.appealId(), DEPARTMENT, "TRANSFERRED", event.transferredAt(), token);
        start(event.appealId(), DEPARTMENT, event.toDepartmentId(), event.transferredAt(), message, token);
    }

    @EventHandler
    void on(AppealReturnedEvent event, TrackingToken token) {
        end(event.appealId(), DEPARTMENT, "RETURNED", event.returnedAt(), token);
    }

    @EventHandler
    void on(LeaderTookChargeEvent event, EventMessage<?> message, TrackingToken token) {
        start(event.appealId(), LEADER, event.leaderId(), event.tookChargeAt(), message, token);
    }

    @EventHandler
    void on(AppealEscalatedEvent event, EventMessage<?> message, TrackingToken token) {
        end(event.appealId(), LEADER, "ESCALATED", event.escalatedAt(), token);
        start(event.appealId(), LEADER, event.toLeaderId(), event.escalatedAt(), message, token);
    }

    @EventHandler
    void on(ResolutionSubmittedEvent event, TrackingToken token) {
        end(event.appealId(), null, "RESOLVED", event.submittedAt(), token);
    }

    @EventHandler
    void on(CaseFileReopenedEvent event, EventMessage<?> message, TrackingToken token) {
        // whoever held it when it was (last) resolved holds it again
        jdbc.update(
                "INSERT INTO holder_period (appeal_id, holder_kind, holder_id, started_at, start_position,"
                        + " start_event_id) SELECT appeal_id, holder_kind, holder_id, ?, ?, ? FROM holder_period p"
                        + " WHERE appeal_id = ? AND end_reason = 'RESOLVED' AND end_position = (SELECT max(end_position)"
                        + " FROM holder_period WHERE appeal_id = ? AND end_reason = 'RESOLVED' AND end_position < ?)"
                        + " ON CONFLICT (start_event_id, holder_kind) DO NOTHING",
                ts(event.reopenedAt()),
                position(token),
                message.getIdentifier(),
                event.appealId(),
                event.appealId(),
                position(token));
    }

    @EventHandler
    void on(CaseFileClosedEvent event, TrackingToken token) {
        end(event.appealId(), null, "CLOSED", event.closedAt(), token);
    }

    @EventHandler
    void on(AssignmentClosedEvent event, TrackingToken token) {
        end(
                event.appealId(),
                null,
                "APPEAL_WITHDRAWN".equals(event.reason()) ? "WITHDRAWN" : "CLOSED",
                event.closedAt(),
                token);
    }

    private void start(
            UUID appealId, String kind, String holderId, Instant at, EventMessage<?> message, TrackingToken token) {
        jdbc.update(
                "INSERT INTO holder_period (appeal_id, holder_kind, holder_id, started_at, start_position,"
                        + " start_event_id) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (start_event_id, holder_kind) DO NOTHING",
                appealId,
                kind,
                holderId,
                ts(at),
                position(token),
                message.getIdentifier());
    }

    /** Ends the open periods of the kind (both kinds for null) that started before this event. */
    private void end(UUID appealId, String kind, String reason, Instant at, TrackingToken token) {
        long position = position(token);
        jdbc.update(
                "UPDATE holder_period SET ended_at = ?, end_position = ?, end_reason = ? WHERE appeal_id = ?"
                        + " AND (?::text IS NULL OR holder_kind = ?) AND ended_at IS NULL AND start_position < ?",
                ts(at),
                position,
                reason,
                appealId,
                kind,
                kind,
                position);
    }

    private static long position(TrackingToken token) {
        return token == null ? 0 : token.position().orElse(0);
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM holder_period");
    }
}
