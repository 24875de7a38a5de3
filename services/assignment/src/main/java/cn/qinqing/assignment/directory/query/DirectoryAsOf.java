package cn.qinqing.assignment.directory.query;

import cn.qinqing.language.directory.LeaderRank;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The directory as it stood at a past instant ("who headed this department on 1 March?"), rebuilt from the change
 * log: every directory event carries the entry's whole new state (ADR 0005), so an entry at T is its latest change at
 * or before T. Nothing new is stored; a replay of {@code assignment-directory} rebuilds the log and with it the past.
 */
@Repository
public class DirectoryAsOf {

    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;

    DirectoryAsOf(JdbcTemplate jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    /**
     * The directory at {@code asOf}: departments (each with the leader who headed it then), leaders, officials and
     * enterprises' liaison leaders, each entry as its last change before that instant left it, with {@code since}
     * (when it took that state) and {@code changedBy}.
     */
    public Map<String, Object> at(Instant asOf) {
        Map<String, List<ObjectNode>> entries = new LinkedHashMap<>();
        for (String type : List.of("DEPARTMENT", "LEADER", "OFFICIAL", "ENTERPRISE")) {
            entries.put(type, new ArrayList<>());
        }
        jdbc.query(
                "SELECT DISTINCT ON (subject_type, subject_id) subject_type, occurred_at, actor, details"
                        + " FROM directory_change WHERE occurred_at <= ? AND subject_type <> 'ROUTING_RULE'"
                        + " ORDER BY subject_type, subject_id, position DESC",
                rs -> {
                    ObjectNode entry = state(rs.getString("details"));
                    entry.put(
                            "since", rs.getTimestamp("occurred_at").toInstant().toString());
                    entry.put("changedBy", rs.getString("actor"));
                    entries.get(rs.getString("subject_type")).add(entry);
                },
                Timestamp.from(asOf));
        List<ObjectNode> leaders = entries.get("LEADER");
        for (ObjectNode department : entries.get("DEPARTMENT")) {
            String id = department.path("departmentId").asText();
            leaders.stream()
                    .filter(leader -> id.equals(leader.path("departmentId").asText(null)))
                    .max(Comparator.comparing((ObjectNode leader) -> rank(leader))
                            .thenComparing(leader -> leader.path("leaderId").asText(), Comparator.reverseOrder()))
                    .ifPresentOrElse(
                            head -> department
                                    .put("headLeaderId", head.path("leaderId").asText())
                                    .put("headName", head.path("name").asText()),
                            () -> department.putNull("headLeaderId").putNull("headName"));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("asOf", asOf);
        body.put("departments", entries.get("DEPARTMENT"));
        body.put("leaders", leaders);
        body.put("officials", entries.get("OFFICIAL"));
        body.put("liaisons", entries.get("ENTERPRISE"));
        return body;
    }

    /** The event's new state: without what it replaced ({@code previous…}) and its own time ({@code …At}). */
    private ObjectNode state(String details) {
        try {
            ObjectNode node = (ObjectNode) mapper.readTree(details);
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (name.startsWith("previous") || name.endsWith("At")) {
                    names.remove();
                }
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LeaderRank rank(ObjectNode leader) {
        return LeaderRank.valueOf(leader.path("rank").asText());
    }
}
