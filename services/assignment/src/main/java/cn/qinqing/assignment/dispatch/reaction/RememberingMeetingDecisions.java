package cn.qinqing.assignment.dispatch.reaction;

import cn.qinqing.language.appeal.MeetingReference;
import cn.qinqing.language.meeting.ActionItemRaisedEvent;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The owner department and responsible leader that breakfast meetings named for their action items, by the appeal each
 * becomes ({@code ActionItemRaisedEvent.appealId}). The routing reaction records them when the item is raised and reads
 * them when the appeals service files the appeal, which always comes later in the stream.
 */
@Component
class RememberingMeetingDecisions {

    /** What the meeting decided about one action item's appeal. */
    record Decision(String ownerDepartmentId, String responsibleLeaderId) {}

    private final JdbcTemplate jdbc;

    RememberingMeetingDecisions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void remember(ActionItemRaisedEvent event) {
        jdbc.update(
                "INSERT INTO meeting_action_item (appeal_id, meeting_id, action_item_id, owner_department_id,"
                        + " responsible_leader_id, raised_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                event.appealId(),
                event.meetingId(),
                event.actionItemId(),
                event.ownerDepartmentId(),
                event.responsibleLeaderId(),
                Timestamp.from(event.raisedAt()));
    }

    /** The decision behind an appeal raised from this meeting item, if this service saw the item raised. */
    Optional<Decision> decisionFor(UUID appealId, MeetingReference meeting) {
        return jdbc
                .query(
                        "SELECT owner_department_id, responsible_leader_id FROM meeting_action_item"
                                + " WHERE appeal_id = ? AND meeting_id = ? AND action_item_id = ?",
                        (rs, row) -> new Decision(
                                rs.getString("owner_department_id"), rs.getString("responsible_leader_id")),
                        appealId,
                        meeting.meetingId(),
                        meeting.actionItemId())
                .stream()
                .findFirst();
    }
}
