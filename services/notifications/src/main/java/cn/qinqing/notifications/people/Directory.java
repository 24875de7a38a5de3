package cn.qinqing.notifications.people;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Who is who, as the notifications service learnt it from the published events. */
@Repository
public class Directory {

    private final JdbcTemplate jdbc;

    Directory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An appeal as far as notifications need it. */
    public record Appeal(
            UUID id,
            String enterpriseId,
            String title,
            String departmentId,
            String leaderId,
            String supervisingLeaderId) {}

    /** A breakfast meeting, for invitations. */
    public record Meeting(
            UUID id,
            String hostLeaderId,
            String theme,
            String venue,
            Instant startsAt,
            Instant endsAt,
            Instant scheduledAt) {}

    public Optional<Appeal> appeal(UUID appealId) {
        return jdbc
                .query(
                        "SELECT appeal_id, enterprise_id, title, department_id, leader_id, supervising_leader_id"
                                + " FROM appeal_party"
                                + " WHERE appeal_id = ?",
                        (rs, n) -> new Appeal(
                                rs.getObject(1, UUID.class),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6)),
                        appealId)
                .stream()
                .findFirst();
    }

    public Optional<Meeting> meeting(UUID meetingId) {
        return jdbc
                .query(
                        "SELECT meeting_id, host_leader_id, theme, venue, starts_at, ends_at, scheduled_at FROM meeting"
                                + " WHERE meeting_id = ?",
                        (rs, n) -> new Meeting(
                                rs.getObject(1, UUID.class),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getTimestamp(5).toInstant(),
                                rs.getTimestamp(6).toInstant(),
                                rs.getTimestamp(7).toInstant()),
                        meetingId)
                .stream()
                .findFirst();
    }

    /** The leader one up the chain of command from this one, while the directory knows one. */
    public Optional<String> superiorOf(String leaderId) {
        return jdbc
                .queryForList(
                        "SELECT superior_leader_id FROM leader WHERE leader_id = ? AND superior_leader_id IS NOT NULL",
                        String.class,
                        leaderId)
                .stream()
                .findFirst();
    }

    /** A leader's name, or their user name while the directory does not know them. */
    public String leaderName(String leaderId) {
        return jdbc.queryForList("SELECT name FROM leader WHERE leader_id = ?", String.class, leaderId).stream()
                .findFirst()
                .orElse(leaderId);
    }

    /** A key project's name, or its id while its registration has not been read. */
    public String projectName(UUID projectId) {
        return jdbc.queryForList("SELECT name FROM key_project WHERE project_id = ?", String.class, projectId).stream()
                .findFirst()
                .orElse(projectId.toString());
    }

    /** The officials of a department (its inbox is theirs), by user name. */
    public List<String> officialsOf(String departmentId) {
        if (departmentId == null) {
            return List.of();
        }
        return jdbc.queryForList(
                "SELECT official_id FROM official WHERE department_id = ? ORDER BY official_id",
                String.class,
                departmentId);
    }

    /** The department's name, or its id while the directory does not know it. */
    public String departmentName(String departmentId) {
        if (departmentId == null) {
            return "";
        }
        return jdbc
                .queryForList("SELECT name FROM department WHERE department_id = ?", String.class, departmentId)
                .stream()
                .findFirst()
                .orElse(departmentId);
    }

    /** The registered contact's e-mail address of an enterprise, if it gave one. */
    public Optional<String> enterpriseEmail(String enterpriseId) {
        return jdbc
                .queryForList(
                        "SELECT email FROM enterprise_contact WHERE enterprise_id = ? AND email IS NOT NULL"
                                + " AND email <> ''",
                        String.class,
                        enterpriseId)
                .stream()
                .findFirst();
    }

    public Optional<String> enterprisePhone(String enterpriseId) {
        return jdbc
                .queryForList(
                        "SELECT phone FROM enterprise_contact WHERE enterprise_id = ? AND phone IS NOT NULL",
                        String.class,
                        enterpriseId)
                .stream()
                .findFirst();
    }
}
