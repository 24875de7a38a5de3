package cn.qinqing.meetings.meeting.query;

import cn.qinqing.language.appeal.AppealClosedEvent;
import cn.qinqing.language.appeal.AppealFiledEvent;
import cn.qinqing.language.appeal.AppealWithdrawnEvent;
import cn.qinqing.language.assignment.AppealDispatchedEvent;
import cn.qinqing.language.assignment.AppealSignedForEvent;
import cn.qinqing.language.assignment.AppealTransferredEvent;
import cn.qinqing.language.meeting.ActionItemRaisedEvent;
import cn.qinqing.language.resolution.CaseFileClosedEvent;
import cn.qinqing.language.resolution.ResolutionSubmittedEvent;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The live status of each action item, from the events of the appeal it became: filed (appeals), dispatched and
 * signed for (assignment), answered and closed out (resolution, appeals). Only appeals that are action items are kept;
 * each milestone has its own column, set once, so events arriving in any order or twice give the same row.
 */
@Component
@ProcessingGroup(ActionItemStatusProjection.GROUP)
class ActionItemStatusProjection {

    static final String GROUP = "meetings-action-item-status";

    private final JdbcTemplate jdbc;

    ActionItemStatusProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ActionItemRaisedEvent event) {
        link(event.appealId(), event.actionItemId(), event.meetingId());
    }

    @EventHandler
    void on(AppealFiledEvent event) {
        if (event.meeting() == null) {
            return; // an appeal filed online: not the meeting's business
        }
        link(event.appealId(), event.meeting().actionItemId(), event.meeting().meetingId());
        milestone(event.appealId(), "filed_at", event.filedAt());
    }

    private void link(UUID appealId, UUID actionItemId, UUID meetingId) {
        jdbc.update(
                "INSERT INTO action_item_status (appeal_id, action_item_id, meeting_id) VALUES (?, ?, ?)"
                        + " ON CONFLICT (appeal_id) DO NOTHING",
                appealId,
                actionItemId,
                meetingId);
    }

    @EventHandler
    void on(AppealDispatchedEvent event) {
        holder(event.appealId(), event.departmentId(), event.dispatchedAt());
    }

    @EventHandler
    void on(AppealTransferredEvent event) {
        holder(event.appealId(), event.toDepartmentId(), event.transferredAt());
    }

    /** The department holding it now: the latest dispatch or transfer wins, whichever arrives first. */
    private void holder(UUID appealId, String departmentId, Instant at) {
        jdbc.update(
                "UPDATE action_item_status SET holding_department_id = ?, dispatched_at = ?"
                        + " WHERE appeal_id = ? AND (dispatched_at IS NULL OR dispatched_at <= ?)",
                departmentId,
                Timestamp.from(at),
                appealId,
                Timestamp.from(at));
    }

    @EventHandler
    void on(AppealSignedForEvent event) {
        milestone(event.appealId(), "signed_for_at", event.signedAt());
    }

    @EventHandler
    void on(ResolutionSubmittedEvent event) {
        milestone(event.appealId(), "answered_at", event.submittedAt());
    }

    @EventHandler
    void on(CaseFileClosedEvent event) {
        milestone(event.appealId(), "case_closed_at", event.closedAt());
    }

    @EventHandler
    void on(AppealClosedEvent event) {
        milestone(event.appealId(), "appeal_closed_at", event.closedAt());
    }

    @EventHandler
    void on(AppealWithdrawnEvent event) {
        milestone(event.appealId(), "withdrawn_at", event.withdrawnAt());
    }

    private void milestone(UUID appealId, String column, Instant at) {
        jdbc.update(
                "UPDATE action_item_status SET " + column + " = coalesce(" + column + ", ?) WHERE appeal_id = ?",
                Timestamp.from(at),
                appealId);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM action_item_status");
    }
}
