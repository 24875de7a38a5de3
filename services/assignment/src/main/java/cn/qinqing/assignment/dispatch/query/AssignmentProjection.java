package cn.qinqing.assignment.dispatch.query;

import cn.qinqing.language.assignment.AppealDispatchedEvent;
import cn.qinqing.language.assignment.AppealEscalatedEvent;
import cn.qinqing.language.assignment.AppealQueuedForDispatchEvent;
import cn.qinqing.language.assignment.AppealReturnedEvent;
import cn.qinqing.language.assignment.AppealSignedForEvent;
import cn.qinqing.language.assignment.AppealTransferredEvent;
import cn.qinqing.language.assignment.AssignmentClosedEvent;
import cn.qinqing.language.assignment.AssignmentOpenedEvent;
import cn.qinqing.language.assignment.LeaderTookChargeEvent;
import cn.qinqing.language.assignment.SupervisionNoticeIssuedEvent;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where each appeal stands now (queue, inboxes, leaders' cases) and the leaders' supervision notices. A row changes
 * only for a newer version of its assignment, notices are keyed by their id: redelivery and replay leave the same
 * rows.
 */
@Component
@ProcessingGroup(AssignmentProjection.GROUP)
class AssignmentProjection {

    static final String GROUP = "assignment-assignments";

    private final JdbcTemplate jdbc;

    AssignmentProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AssignmentOpenedEvent event, @SequenceNumber long version, EventMessage<?> message) {
        jdbc.update(
                "INSERT INTO assignment_view (appeal_id, enterprise_id, category, urgency, chain_position, district,"
                        + " status, opened_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, 'OPENED', ?, ?, ?)"
                        + " ON CONFLICT (appeal_id) DO NOTHING",
                event.appealId(),
                event.enterpriseId(),
                event.category().name(),
                event.urgency().name(),
                event.chainPosition() == null ? null : event.chainPosition().name(),
                event.district(),
                ts(event.openedAt()),
                ts(message.getTimestamp()),
                version);
    }

    @EventHandler
    void on(AppealQueuedForDispatchEvent event, @SequenceNumber long version, EventMessage<?> message) {
        update(
                event.appealId(),
                version,
                message,
                "status = 'QUEUED', department_id = NULL, routing_mode = NULL, rule_id = NULL, queue_reason = ?,"
                        + " queued_at = ?, dispatch_due_at = ?, dispatched_at = NULL, sign_for_due_at = NULL,"
                        + " signed_for_at = NULL, signed_by = NULL, signed_within_limit = NULL",
                event.reason(),
                ts(event.queuedAt()),
                ts(event.dispatchDueAt()));
    }

    @EventHandler
    void on(AppealDispatchedEvent event, @SequenceNumber long version, EventMessage<?> message) {
        update(
                event.appealId(),
                version,
                message,
                "status = 'DISPATCHED', department_id = ?, routing_mode = ?, rule_id = ?, queue_reason = NULL,"
                        + " dispatch_due_at = NULL, dispatched_at = ?, sign_for_due_at = ?",
                event.departmentId(),
                event.mode().name(),
                event.ruleId() == null ? null : UUID.fromString(event.ruleId()),
                ts(event.dispatchedAt()),
                ts(event.signForDueAt()));
    }

    @EventHandler
    void on(AppealSignedForEvent event, @SequenceNumber long version, EventMessage<?> message) {
        update(
                event.appealId(),
                version,
                message,
                "status = 'SIGNED_FOR', signed_for_at = ?, signed_by = ?, signed_within_limit = ?",
                ts(event.signedAt()),
                event.officialId(),
                event.withinLimit());
    }

    @EventHandler
    void on(AppealReturnedEvent event, @SequenceNumber long version, EventMessage<?> message) {
        // the queued event that follows sets the rest; this one only moves the version on
        update(event.appealId(), version, message, "department_id = NULL");
    }

    @EventHandler
    void on(AppealTransferredEvent event, @SequenceNumber long version, EventMessage<?> message) {
        update(
                event.appealId(),
                version,
                message,
                "status = 'DISPATCHED', department_id = ?, routing_mode = 'TRANSFER', rule_id = NULL,"
                        + " dispatched_at = ?, sign_for_due_at = ?, signed_for_at = NULL, signed_by = NULL,"
                        + " signed_within_limit = NULL",
                event.toDepartmentId(),
                ts(event.transferredAt()),
                ts(event.signForDueAt()));
    }

    @EventHandler
    void on(LeaderTookChargeEvent event, @SequenceNumber long version, EventMessage<?> message) {
        update(event.appealId(), version, message, "leader_id = ?", event.leaderId());
    }

    @EventHandler
    void on(AppealEscalatedEvent event, @SequenceNumber long version, EventMessage<?> message) {
        update(event.appealId(), version, message, "leader_id = ?", event.toLeaderId());
    }

    @EventHandler
    void on(SupervisionNoticeIssuedEvent event, @SequenceNumber long version, EventMessage<?> message) {
        jdbc.update(
                "INSERT INTO supervision_notice_view (notice_id, appeal_id, leader_id, department_id, instructions,"
                        + " due_at, issued_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (notice_id) DO NOTHING",
                event.noticeId(),
                event.appealId(),
                event.leaderId(),
                event.departmentId(),
                event.instructions(),
                ts(event.dueAt()),
                ts(event.issuedAt()));
        update(event.appealId(), version, message, "");
    }

    @EventHandler
    void on(AssignmentClosedEvent event, @SequenceNumber long version, EventMessage<?> message) {
        update(
                event.appealId(),
                version,
                message,
                "status = 'CLOSED', closed_reason = ?, closed_at = ?",
                event.reason(),
                ts(event.closedAt()));
    }

    /** Sets the columns and moves the row to the event's version, unless the row is there already. */
    private void update(UUID appealId, long version, EventMessage<?> message, String set, Object... values) {
        Object[] args = new Object[values.length + 4];
        System.arraycopy(values, 0, args, 0, values.length);
        args[values.length] = ts(message.getTimestamp());
        args[values.length + 1] = version;
        args[values.length + 2] = appealId;
        args[values.length + 3] = version;
        jdbc.update(
                "UPDATE assignment_view SET " + (set.isEmpty() ? "" : set + ", ")
                        + "updated_at = ?, version = ? WHERE appeal_id = ? AND version < ?",
                args);
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM supervision_notice_view");
        jdbc.update("DELETE FROM assignment_view");
    }
}
