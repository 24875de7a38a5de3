package cn.qinqing.assignment.directory.query;

import cn.qinqing.language.directory.LeaderRank;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads of the directory: departments, leaders and their chain of command, officials, and the change log. */
@Repository
public class Directory {

    public static final String PROCESSING_GROUP = DirectoryProjection.GROUP;

    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;

    Directory(JdbcTemplate jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    public List<DepartmentView> departments() {
        return jdbc.query("SELECT * FROM department_view ORDER BY department_id", Directory::department);
    }

    public Optional<DepartmentView> department(String departmentId) {
        return jdbc
                .query("SELECT * FROM department_view WHERE department_id = ?", Directory::department, departmentId)
                .stream()
                .findFirst();
    }

    public boolean hasDepartment(String departmentId) {
        return departmentId != null && department(departmentId).isPresent();
    }

    /** The department and every one above it, up to the top; the first element is the department itself. */
    public List<String> departmentAndParents(String departmentId) {
        return jdbc.queryForList(
                "WITH RECURSIVE up(department_id, parent_department_id, depth) AS ("
                        + " SELECT department_id, parent_department_id, 0 FROM department_view WHERE department_id = ?"
                        + " UNION ALL SELECT d.department_id, d.parent_department_id, up.depth + 1"
                        + " FROM department_view d JOIN up ON d.department_id = up.parent_department_id"
                        + " WHERE up.depth < 64)"
                        + " SELECT department_id FROM up ORDER BY depth",
                String.class,
                departmentId);
    }

    public List<LeaderView> leaders() {
        return jdbc.query("SELECT * FROM leader_view ORDER BY leader_id", Directory::leader);
    }

    public Optional<LeaderView> leader(String leaderId) {
        return jdbc.query("SELECT * FROM leader_view WHERE leader_id = ?", Directory::leader, leaderId).stream()
                .findFirst();
    }

    public boolean hasLeader(String leaderId) {
        return leaderId != null && leader(leaderId).isPresent();
    }

    /** The leader and every superior above, up to the city's top; the first element is the leader. */
    public List<LeaderView> chainOf(String leaderId) {
        return jdbc.query(
                "WITH RECURSIVE up(leader_id, superior_leader_id, depth) AS ("
                        + " SELECT leader_id, superior_leader_id, 0 FROM leader_view WHERE leader_id = ?"
                        + " UNION ALL SELECT l.leader_id, l.superior_leader_id, up.depth + 1"
                        + " FROM leader_view l JOIN up ON l.leader_id = up.superior_leader_id WHERE up.depth < 64)"
                        + " SELECT l.* FROM up JOIN leader_view l ON l.leader_id = up.leader_id ORDER BY up.depth",
                Directory::leader,
                leaderId);
    }

    /** The leader who heads the department (the highest-ranked one, should there be several). */
    public Optional<LeaderView> headOf(String departmentId) {
        return leaders().stream()
                .filter(leader -> departmentId.equals(leader.departmentId()))
                .max(java.util.Comparator.comparing(LeaderView::rank)
                        .thenComparing(LeaderView::leaderId, java.util.Comparator.reverseOrder()));
    }

    /** The top of the chain of command: the highest-ranked leader without a superior. */
    public Optional<LeaderView> top() {
        return leaders().stream()
                .filter(leader -> leader.superiorLeaderId() == null)
                .max(java.util.Comparator.comparing(LeaderView::rank)
                        .thenComparing(LeaderView::leaderId, java.util.Comparator.reverseOrder()));
    }

    public List<OfficialView> officials(String departmentId) {
        return departmentId == null
                ? jdbc.query("SELECT * FROM official_view ORDER BY official_id", Directory::official)
                : jdbc.query(
                        "SELECT * FROM official_view WHERE department_id = ? ORDER BY official_id",
                        Directory::official,
                        departmentId);
    }

    public Optional<OfficialView> official(String officialId) {
        return jdbc.query("SELECT * FROM official_view WHERE official_id = ?", Directory::official, officialId).stream()
                .findFirst();
    }

    /**
     * The latest changes first.
     *
     * @param subjectType only changes of this kind of entry (DEPARTMENT, LEADER, OFFICIAL, ENTERPRISE, ROUTING_RULE)
     * @param subjectId only changes of this entry
     * @param before only changes before this position in the event stream (the previous page's last), or null
     */
    public List<DirectoryChange> changes(String subjectType, String subjectId, Long before, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM directory_change WHERE true");
        List<Object> args = new ArrayList<>();
        if (subjectType != null) {
            sql.append(" AND subject_type = ?");
            args.add(subjectType);
        }
        if (subjectId != null) {
            sql.append(" AND subject_id = ?");
            args.add(subjectId);
        }
        if (before != null) {
            sql.append(" AND position < ?");
            args.add(before);
        }
        sql.append(" ORDER BY position DESC, occurred_at DESC LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), this::change, args.toArray());
    }

    private DirectoryChange change(ResultSet rs, int row) throws SQLException {
        try {
            return new DirectoryChange(
                    rs.getString("event_id"),
                    rs.getLong("position"),
                    rs.getTimestamp("occurred_at").toInstant(),
                    rs.getString("actor"),
                    rs.getString("role"),
                    rs.getString("kind"),
                    rs.getString("subject_type"),
                    rs.getString("subject_id"),
                    mapper.readTree(rs.getString("details")));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DepartmentView department(ResultSet rs, int row) throws SQLException {
        return new DepartmentView(
                rs.getString("department_id"),
                rs.getString("name"),
                rs.getString("parent_department_id"),
                instant(rs.getTimestamp("registered_at")),
                instant(rs.getTimestamp("updated_at")),
                rs.getLong("version"));
    }

    private static LeaderView leader(ResultSet rs, int row) throws SQLException {
        return new LeaderView(
                rs.getString("leader_id"),
                rs.getString("name"),
                rs.getString("title"),
                LeaderRank.valueOf(rs.getString("rank")),
                rs.getString("department_id"),
                rs.getString("superior_leader_id"),
                instant(rs.getTimestamp("registered_at")),
                instant(rs.getTimestamp("updated_at")),
                rs.getLong("version"));
    }

    private static OfficialView official(ResultSet rs, int row) throws SQLException {
        return new OfficialView(
                rs.getString("official_id"),
                rs.getString("name"),
                rs.getString("department_id"),
                instant(rs.getTimestamp("registered_at")),
                instant(rs.getTimestamp("updated_at")),
                rs.getLong("version"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
