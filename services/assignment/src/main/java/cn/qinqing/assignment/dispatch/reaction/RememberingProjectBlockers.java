package cn.qinqing.assignment.dispatch.reaction;

import cn.qinqing.assignment.dispatch.reaction.RememberingMeetingDecisions.Decision;
import cn.qinqing.language.project.BlockerRaisedEvent;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The department and responsible leader of the key project each blocker was raised on, by the appeal it becomes
 * ({@code BlockerRaisedEvent.appealId}). The routing reaction records them when the blocker is raised and reads them
 * when the appeals service files the appeal, which always comes later in the stream.
 */
@Component
class RememberingProjectBlockers {

    private final JdbcTemplate jdbc;

    RememberingProjectBlockers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void remember(BlockerRaisedEvent event) {
        jdbc.update(
                "INSERT INTO project_blocker (appeal_id, project_id, blocker_id, department_id, leader_id, raised_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                event.appealId(),
                event.projectId(),
                event.blockerId(),
                event.departmentId(),
                event.leaderId(),
                Timestamp.from(event.raisedAt()));
    }

    /** The project's department and leader for an appeal raised as its blocker, if this service saw it raised. */
    Optional<Decision> decisionFor(UUID appealId) {
        return jdbc
                .query(
                        "SELECT department_id, leader_id FROM project_blocker WHERE appeal_id = ?",
                        (rs, row) -> new Decision(rs.getString("department_id"), rs.getString("leader_id")),
                        appealId)
                .stream()
                .findFirst();
    }
}
