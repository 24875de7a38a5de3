package cn.qinqing.resolution.casefile.query;

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

/** Reads of the case file read model. */
@Repository
public class CaseFiles {

    public static final String PROCESSING_GROUP = CaseFileProjection.GROUP;
    private static final String SELECT = "SELECT c.*, l.leader_id AS leader_in_charge FROM case_file_view c"
            + " LEFT JOIN leader_in_charge l ON l.appeal_id = c.appeal_id";

    private final JdbcTemplate jdbc;

    CaseFiles(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CaseFileView> find(UUID appealId) {
        return jdbc.query(SELECT + " WHERE c.appeal_id = ?", CaseFiles::map, appealId).stream()
                .findFirst();
    }

    /** The leader who took charge of the appeal, if one did (known even before its case file opens). */
    public Optional<String> leaderInCharge(UUID appealId) {
        return jdbc
                .queryForList("SELECT leader_id FROM leader_in_charge WHERE appeal_id = ?", String.class, appealId)
                .stream()
                .findFirst();
    }

    /**
     * Case files, soonest due first.
     *
     * @param department only this department's, when not null
     * @param leader only those this leader took charge of (or, with {@code department}, either), when not null
     */
    public List<CaseFileView> list(String department, String leader, String status, int limit) {
        StringBuilder sql = new StringBuilder(SELECT + " WHERE true");
        List<Object> args = new ArrayList<>();
        if (department != null && leader != null) {
            sql.append(" AND (c.department_id = ? OR l.leader_id = ?)");
            args.add(department);
            args.add(leader);
        } else if (department != null) {
            sql.append(" AND c.department_id = ?");
            args.add(department);
        } else if (leader != null) {
            sql.append(" AND l.leader_id = ?");
            args.add(leader);
        }
        if (status != null) {
            sql.append(" AND c.status = ?");
            args.add(status);
        }
        sql.append(" ORDER BY c.resolution_due_at, c.appeal_id LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), CaseFiles::map, args.toArray());
    }

    /** The progress notes of a case, oldest first; only those visible to the enterprise when asked. */
    public List<NoteView> notes(UUID appealId, boolean visibleOnly) {
        return jdbc.query(
                "SELECT * FROM progress_note WHERE appeal_id = ?"
                        + (visibleOnly ? " AND visible_to_enterprise" : "")
                        + " ORDER BY noted_at, note_id",
                (rs, row) -> new NoteView(
                        rs.getObject("note_id", UUID.class),
                        rs.getString("official_id"),
                        rs.getString("text"),
                        rs.getBoolean("visible_to_enterprise"),
                        rs.getBoolean("contact_with_enterprise"),
                        instant(rs, "noted_at")),
                appealId);
    }

    public List<ExtensionView> extensions(UUID appealId) {
        return jdbc.query(
                "SELECT * FROM extension_request WHERE appeal_id = ? ORDER BY requested_at, request_id",
                (rs, row) -> new ExtensionView(
                        rs.getObject("request_id", UUID.class),
                        rs.getString("official_id"),
                        instant(rs, "requested_due_at"),
                        rs.getString("reason"),
                        instant(rs, "requested_at"),
                        rs.getString("decision"),
                        rs.getString("leader_id"),
                        instant(rs, "granted_due_at"),
                        rs.getString("denial_reason"),
                        instant(rs, "decided_at")),
                appealId);
    }

    private static CaseFileView map(ResultSet rs, int row) throws SQLException {
        return new CaseFileView(
                rs.getObject("appeal_id", UUID.class),
                rs.getObject("case_file_id", UUID.class),
                rs.getString("department_id"),
                rs.getString("urgency"),
                rs.getInt("round"),
                rs.getString("status"),
                instant(rs, "opened_at"),
                instant(rs, "first_contact_due_at"),
                instant(rs, "first_contact_at"),
                instant(rs, "resolution_due_at"),
                rs.getBoolean("provisional_calendar"),
                instant(rs, "paused_at"),
                rs.getString("pause_reason"),
                rs.getBoolean("first_contact_breached"),
                rs.getBoolean("resolution_breached"),
                rs.getString("answer"),
                rs.getString("outcome"),
                rs.getString("outcome_reason"),
                rs.getString("policy_basis"),
                instant(rs, "answered_at"),
                (Boolean) rs.getObject("answered_on_time"),
                rs.getString("feedback"),
                (Integer) rs.getObject("rating"),
                rs.getString("signed_off_by"),
                instant(rs, "closed_at"),
                rs.getString("leader_in_charge"),
                instant(rs, "updated_at"),
                rs.getLong("version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
