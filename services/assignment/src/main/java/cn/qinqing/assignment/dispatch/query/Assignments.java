package cn.qinqing.assignment.dispatch.query;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.IndustryChainPosition;
import cn.qinqing.language.Urgency;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads of who holds which appeal: one appeal, the queue, an inbox, a leader's cases, the holder record. */
@Repository
public class Assignments {

    public static final String PROCESSING_GROUP = AssignmentProjection.GROUP;
    public static final String HOLDERS_PROCESSING_GROUP = HolderRecordProjection.GROUP;

    private static final String SELECT = "SELECT a.*, e.name AS enterprise_name,"
            + " coalesce(l.key_enterprise, false) AS key_enterprise, d.name AS department_name"
            + " FROM assignment_view a LEFT JOIN enterprise_view e ON e.enterprise_id = a.enterprise_id"
            + " LEFT JOIN liaison_view l ON l.enterprise_id = a.enterprise_id"
            + " LEFT JOIN department_view d ON d.department_id = a.department_id";

    private final JdbcTemplate jdbc;

    Assignments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The appeal's assignment with its supervision notices. */
    public Optional<AssignmentView> find(UUID appealId) {
        return jdbc.query(SELECT + " WHERE a.appeal_id = ?", Assignments::map, appealId).stream()
                .findFirst()
                .map(view -> view.withNotices(notices(appealId)));
    }

    /**
     * Assignments in the order they must be acted on: the earliest due first (dispatch or sign-for due time), then
     * the oldest.
     */
    public List<AssignmentView> list(AssignmentFilter filter, int limit) {
        StringBuilder sql = new StringBuilder(SELECT + " WHERE true");
        List<Object> args = new ArrayList<>();
        if (!filter.statuses().isEmpty()) {
            sql.append(" AND a.status IN (")
                    .append(String.join(
                            ", ",
                            java.util.Collections.nCopies(filter.statuses().size(), "?")))
                    .append(")");
            args.addAll(filter.statuses());
        }
        if (filter.departmentId() != null) {
            sql.append(" AND a.department_id = ?");
            args.add(filter.departmentId());
        }
        if (filter.leaderId() != null) {
            sql.append(" AND a.leader_id = ?");
            args.add(filter.leaderId());
        }
        sql.append(" ORDER BY coalesce(a.dispatch_due_at, a.sign_for_due_at) NULLS LAST, a.opened_at, a.appeal_id"
                + " LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), Assignments::map, args.toArray());
    }

    public List<SupervisionNoticeView> notices(UUID appealId) {
        return jdbc.query(
                "SELECT * FROM supervision_notice_view WHERE appeal_id = ? ORDER BY issued_at, notice_id",
                Assignments::notice,
                appealId);
    }

    public List<SupervisionNoticeView> noticesBy(String leaderId, int limit) {
        return jdbc.query(
                "SELECT * FROM supervision_notice_view WHERE leader_id = ? ORDER BY issued_at DESC, notice_id LIMIT ?",
                Assignments::notice,
                leaderId,
                limit);
    }

    /** Every period a department or leader held the appeal, in the order they began. */
    public List<HolderPeriodView> holders(UUID appealId) {
        return jdbc.query(
                "SELECT p.*, coalesce(d.name, l.name) AS holder_name FROM holder_period p"
                        + " LEFT JOIN department_view d ON p.holder_kind = 'DEPARTMENT' AND d.department_id = p.holder_id"
                        + " LEFT JOIN leader_view l ON p.holder_kind = 'LEADER' AND l.leader_id = p.holder_id"
                        + " WHERE p.appeal_id = ? ORDER BY p.start_position, p.holder_kind, p.period_id",
                (rs, row) -> new HolderPeriodView(
                        rs.getString("holder_kind"),
                        rs.getString("holder_id"),
                        rs.getString("holder_name"),
                        instant(rs.getTimestamp("started_at")),
                        instant(rs.getTimestamp("signed_for_at")),
                        instant(rs.getTimestamp("ended_at")),
                        rs.getString("end_reason")),
                appealId);
    }

    /** Whether the department ever held the appeal. */
    public boolean everHeldBy(UUID appealId, String departmentId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM holder_period WHERE appeal_id = ? AND holder_kind = 'DEPARTMENT'"
                        + " AND holder_id = ?)",
                Boolean.class,
                appealId,
                departmentId));
    }

    private static SupervisionNoticeView notice(ResultSet rs, int row) throws SQLException {
        return new SupervisionNoticeView(
                rs.getObject("notice_id", UUID.class),
                rs.getObject("appeal_id", UUID.class),
                rs.getString("leader_id"),
                rs.getString("department_id"),
                rs.getString("instructions"),
                instant(rs.getTimestamp("due_at")),
                instant(rs.getTimestamp("issued_at")));
    }

    private static AssignmentView map(ResultSet rs, int row) throws SQLException {
        String chain = rs.getString("chain_position");
        return new AssignmentView(
                rs.getObject("appeal_id", UUID.class),
                rs.getString("enterprise_id"),
                rs.getString("enterprise_name"),
                rs.getBoolean("key_enterprise"),
                AppealCategory.valueOf(rs.getString("category")),
                Urgency.valueOf(rs.getString("urgency")),
                chain == null ? null : IndustryChainPosition.valueOf(chain),
                rs.getString("district"),
                rs.getString("status"),
                rs.getString("department_id"),
                rs.getString("department_name"),
                rs.getString("routing_mode"),
                rs.getObject("rule_id", UUID.class),
                rs.getString("queue_reason"),
                rs.getString("leader_id"),
                instant(rs.getTimestamp("opened_at")),
                instant(rs.getTimestamp("queued_at")),
                instant(rs.getTimestamp("dispatch_due_at")),
                instant(rs.getTimestamp("dispatched_at")),
                instant(rs.getTimestamp("sign_for_due_at")),
                instant(rs.getTimestamp("signed_for_at")),
                rs.getString("signed_by"),
                (Boolean) rs.getObject("signed_within_limit"),
                rs.getString("closed_reason"),
                instant(rs.getTimestamp("closed_at")),
                instant(rs.getTimestamp("updated_at")),
                rs.getLong("version"),
                List.of());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
