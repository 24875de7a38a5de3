package cn.qinqing.assignment.dispatch.reaction;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The appeals this service routed: one row per appeal, written in the same transaction as the assignment's opening
 * events. It both keeps a second delivery of a filing from routing it again and tells the other reactions whether an
 * appeal has an assignment (also one opened earlier in the same, not yet committed, batch).
 */
@Component
class ClaimingAppealRoutings {

    private final JdbcTemplate jdbc;

    ClaimingAppealRoutings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the routing of the appeal; false when it was routed (or is being routed) already. */
    boolean claim(UUID appealId) {
        return jdbc.update("INSERT INTO routed_appeal (appeal_id) VALUES (?) ON CONFLICT DO NOTHING", appealId) == 1;
    }

    boolean isRouted(UUID appealId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM routed_appeal WHERE appeal_id = ?)", Boolean.class, appealId));
    }
}
