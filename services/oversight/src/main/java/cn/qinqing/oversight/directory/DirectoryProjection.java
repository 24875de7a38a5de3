package cn.qinqing.oversight.directory;

import cn.qinqing.language.calendar.WorkingCalendarLoadedEvent;
import cn.qinqing.language.directory.DepartmentChangedEvent;
import cn.qinqing.language.directory.DepartmentRegisteredEvent;
import cn.qinqing.language.directory.EnterpriseLiaisonChangedEvent;
import cn.qinqing.language.directory.LeaderChangedEvent;
import cn.qinqing.language.directory.LeaderRegisteredEvent;
import cn.qinqing.language.enterprise.EnterpriseRegisteredEvent;
import cn.qinqing.oversight.ProcessingGroups;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The city's directory as oversight needs it: departments and leaders with their chain of command (who may read
 * what, whom to escalate to), enterprises (names, districts), who looks after which enterprise, and the years of the
 * working calendar an admin loaded. Departments, leaders, liaisons and calendar years are appended, one version per
 * event with the time the store recorded it, so that every answer as of an instant uses the directory and the
 * calendar known then.
 *
 * <p>Fed by the same processing group as the appeal events: the two never wait for each other (the events join the
 * directory when read), and a replay reads the store once.
 *
 * <p>Versions are keyed by the event's global index and enterprises change only for an event further along the
 * stream than the one that wrote them, so redelivery and replay leave the same rows.
 */
@Component
@ProcessingGroup(ProcessingGroups.READ_MODELS)
public class DirectoryProjection {

    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;

    DirectoryProjection(JdbcTemplate jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    @EventHandler
    void on(DepartmentRegisteredEvent event, EventMessage<?> message, TrackingToken token) {
        department(event.departmentId(), event.name(), event.parentDepartmentId(), message, token);
    }

    @EventHandler
    void on(DepartmentChangedEvent event, EventMessage<?> message, TrackingToken token) {
        department(event.departmentId(), event.name(), event.parentDepartmentId(), message, token);
    }

    @EventHandler
    void on(LeaderRegisteredEvent event, EventMessage<?> message, TrackingToken token) {
        leader(
                event.leaderId(),
                event.name(),
                event.title(),
                event.rank() == null ? null : event.rank().name(),
                event.departmentId(),
                event.superiorLeaderId(),
                message,
                token);
    }

    @EventHandler
    void on(LeaderChangedEvent event, EventMessage<?> message, TrackingToken token) {
        leader(
                event.leaderId(),
                event.name(),
                event.title(),
                event.rank() == null ? null : event.rank().name(),
                event.departmentId(),
                event.superiorLeaderId(),
                message,
                token);
    }

    @EventHandler
    void on(EnterpriseRegisteredEvent event, TrackingToken token) {
        jdbc.update(
                "INSERT INTO enterprise AS e (enterprise_id, name, chain_position, district, registered_at,"
                        + " global_index) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (enterprise_id) DO UPDATE SET"
                        + " name = EXCLUDED.name, chain_position = EXCLUDED.chain_position,"
                        + " district = EXCLUDED.district, registered_at = EXCLUDED.registered_at,"
                        + " global_index = EXCLUDED.global_index WHERE e.global_index < EXCLUDED.global_index",
                event.enterpriseId(),
                event.name(),
                event.chainPosition() == null ? null : event.chainPosition().name(),
                event.district(),
                Timestamp.from(event.registeredAt()),
                position(token));
    }

    @EventHandler
    void on(EnterpriseLiaisonChangedEvent event, EventMessage<?> message, TrackingToken token) {
        jdbc.update(
                "INSERT INTO enterprise_liaison (event_id, enterprise_id, liaison_leader_id, key_enterprise,"
                        + " changed_at, recorded_at, global_index) VALUES (?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (event_id) DO NOTHING",
                message.getIdentifier(),
                event.enterpriseId(),
                event.liaisonLeaderId(),
                event.keyEnterprise(),
                Timestamp.from(event.changedAt()),
                Timestamp.from(message.getTimestamp()),
                position(token));
        changed();
    }

    @EventHandler
    void on(WorkingCalendarLoadedEvent event, EventMessage<?> message, TrackingToken token) {
        jdbc.update(
                "INSERT INTO calendar_year (year, provisional, source, holidays, make_up_working_days, recorded_at,"
                        + " global_index) VALUES (?, ?, ?, ?::jsonb, ?::jsonb, ?, ?)"
                        + " ON CONFLICT (year, global_index) DO NOTHING",
                event.year(),
                event.provisional(),
                event.source(),
                json(event.holidays()),
                json(event.makeUpWorkingDays()),
                Timestamp.from(message.getTimestamp()),
                position(token));
        changed();
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE department, leader, enterprise, enterprise_liaison, calendar_year");
        changed();
    }

    private void department(String id, String name, String parent, EventMessage<?> message, TrackingToken token) {
        jdbc.update(
                "INSERT INTO department (department_id, name, parent_department_id, recorded_at, global_index)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (department_id, global_index) DO NOTHING",
                id,
                name,
                parent,
                Timestamp.from(message.getTimestamp()),
                position(token));
        changed();
    }

    private void leader(
            String id,
            String name,
            String title,
            String rank,
            String department,
            String superior,
            EventMessage<?> message,
            TrackingToken token) {
        jdbc.update(
                "INSERT INTO leader (leader_id, name, title, rank, department_id, superior_leader_id, recorded_at,"
                        + " global_index) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (leader_id, global_index) DO NOTHING",
                id,
                name,
                title,
                rank,
                department,
                superior,
                Timestamp.from(message.getTimestamp()),
                position(token));
        changed();
    }

    /** In the same transaction as the change: readers holding an older copy of the directory read it again. */
    private void changed() {
        jdbc.update("UPDATE directory_version SET version = version + 1");
    }

    private static long position(TrackingToken token) {
        return token == null ? 0 : token.position().orElse(0);
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
