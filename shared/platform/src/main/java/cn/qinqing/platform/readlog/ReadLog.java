package cn.qinqing.platform.readlog;

import cn.qinqing.platform.security.Actor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Appends to the platform's read log. Every service that keeps events may INSERT here and nothing else; the oversight
 * service reads it for supervisors and trims it after its retention (R12, docs/reliability.md).
 */
public class ReadLog {

    public static final String TABLE = "event_store.read_log";

    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;
    private final String service;
    private final Clock clock;

    public ReadLog(JdbcTemplate jdbc, ObjectMapper mapper, String service, Clock clock) {
        this.jdbc = jdbc;
        this.mapper = mapper;
        this.service = service;
        this.clock = clock;
    }

    /**
     * One read.
     *
     * @param what what was read ({@link RecordsRead#value()})
     * @param route the endpoint's path pattern, such as {@code /api/appeals/{id}}
     * @param appealId the appeal read, or null
     * @param ids the path variables and query of the request
     * @param format {@code json}, {@code csv}, ... as answered
     */
    public void record(
            Actor actor,
            String what,
            String route,
            UUID appealId,
            Map<String, String> ids,
            String format,
            String correlationId) {
        jdbc.update(
                "INSERT INTO " + TABLE + " (read_id, read_at, service, actor, role, enterprise_id, department_id, what,"
                        + " route, appeal_id, ids, format, correlation_id)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)",
                UUID.randomUUID(),
                Timestamp.from(clock.instant()),
                service,
                actor.subject(),
                actor.role() == null ? null : actor.role().name(),
                actor.enterpriseId(),
                actor.departmentId(),
                what,
                route,
                appealId,
                json(ids),
                format,
                correlationId);
    }

    private String json(Map<String, String> ids) {
        try {
            return mapper.writeValueAsString(ids);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
