package cn.qinqing.identity.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The audit trail of administration: one record per change of a user or a client, with its actor. */
@Repository
class AdminAudit {

    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;

    AdminAudit(JdbcTemplate jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    /** Records a change; call it in the change's transaction. Secrets and passwords never go into details. */
    void record(String actor, String action, String subjectType, String subjectId, Map<String, ?> details) {
        try {
            jdbc.update(
                    "INSERT INTO admin_audit (actor, action, subject_type, subject_id, details) VALUES (?, ?, ?, ?, ?::jsonb)",
                    actor,
                    action,
                    subjectType,
                    subjectId,
                    mapper.writeValueAsString(details));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The latest records first; of one subject when subjectId is given. */
    List<Entry> entries(String subjectType, String subjectId, int limit) {
        return jdbc.query(
                "SELECT occurred_at, actor, action, subject_type, subject_id, details FROM admin_audit"
                        + " WHERE (?::text IS NULL OR subject_type = ?) AND (?::text IS NULL OR subject_id = ?)"
                        + " ORDER BY id DESC LIMIT ?",
                (rs, row) -> new Entry(
                        rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("actor"),
                        rs.getString("action"),
                        rs.getString("subject_type"),
                        rs.getString("subject_id"),
                        read(rs.getString("details"))),
                subjectType,
                subjectType,
                subjectId,
                subjectId,
                limit);
    }

    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    record Entry(
            Instant occurredAt, String actor, String action, String subjectType, String subjectId, JsonNode details) {}
}
