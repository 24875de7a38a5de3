package cn.qinqing.assignment.directory.query;

import cn.qinqing.language.MetadataKeys;
import cn.qinqing.language.directory.DepartmentChangedEvent;
import cn.qinqing.language.directory.DepartmentRegisteredEvent;
import cn.qinqing.language.directory.EnterpriseLiaisonChangedEvent;
import cn.qinqing.language.directory.LeaderChangedEvent;
import cn.qinqing.language.directory.LeaderRegisteredEvent;
import cn.qinqing.language.directory.OfficialChangedEvent;
import cn.qinqing.language.directory.OfficialRegisteredEvent;
import cn.qinqing.language.directory.RoutingRuleAddedEvent;
import cn.qinqing.language.directory.RoutingRuleChangedEvent;
import cn.qinqing.language.directory.RoutingRuleRemovedEvent;
import cn.qinqing.language.enterprise.EnterpriseRegisteredEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The directory's read model: current departments, leaders, officials, enterprises and liaisons; every version of
 * every routing rule with the interval it was in force; and a log of who changed what when. Rows change only for a
 * newer aggregate version, log entries are keyed by event id: redelivery and replay leave the same rows.
 */
@Component
@ProcessingGroup(DirectoryProjection.GROUP)
class DirectoryProjection {

    static final String GROUP = "assignment-directory";

    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;
    private final Enterprises enterprises;

    DirectoryProjection(JdbcTemplate jdbc, ObjectMapper mapper, Enterprises enterprises) {
        this.jdbc = jdbc;
        this.mapper = mapper;
        this.enterprises = enterprises;
    }

    @EventHandler
    void on(
            DepartmentRegisteredEvent event,
            @SequenceNumber long version,
            EventMessage<?> message,
            TrackingToken token) {
        jdbc.update(
                "INSERT INTO department_view (department_id, name, parent_department_id, registered_at, updated_at,"
                        + " version) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (department_id) DO NOTHING",
                event.departmentId(),
                event.name(),
                event.parentDepartmentId(),
                ts(event.registeredAt()),
                ts(event.registeredAt()),
                version);
        log("DEPARTMENT_REGISTERED", "DEPARTMENT", event.departmentId(), event, message, token);
    }

    @EventHandler
    void on(DepartmentChangedEvent event, @SequenceNumber long version, EventMessage<?> message, TrackingToken token) {
        jdbc.update(
                "UPDATE department_view SET name = ?, parent_department_id = ?, updated_at = ?, version = ?"
                        + " WHERE department_id = ? AND version < ?",
                event.name(),
                event.parentDepartmentId(),
                ts(event.changedAt()),
                version,
                event.departmentId(),
                version);
        log("DEPARTMENT_CHANGED", "DEPARTMENT", event.departmentId(), event, message, token);
    }

    @EventHandler
    void on(LeaderRegisteredEvent event, @SequenceNumber long version, EventMessage<?> message, TrackingToken token) {
        jdbc.update(
                "INSERT INTO leader_view (leader_id, name, title, rank, department_id, superior_leader_id,"
                        + " registered_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (leader_id) DO NOTHING",
                event.leaderId(),
                event.name(),
                event.title(),
                event.rank().name(),
                event.departmentId(),
                event.superiorLeaderId(),
                ts(event.registeredAt()),
                ts(event.registeredAt()),
                version);
        log("LEADER_REGISTERED", "LEADER", event.leaderId(), event, message, token);
    }

    @EventHandler
    void on(LeaderChangedEvent event, @SequenceNumber long version, EventMessage<?> message, TrackingToken token) {
        jdbc.update(
                "UPDATE leader_view SET name = ?, title = ?, rank = ?, department_id = ?, superior_leader_id = ?,"
                        + " updated_at = ?, version = ? WHERE leader_id = ? AND version < ?",
                event.name(),
                event.title(),
                event.rank().name(),
                event.departmentId(),
                event.superiorLeaderId(),
                ts(event.changedAt()),
                version,
                event.leaderId(),
                version);
        log("LEADER_CHANGED", "LEADER", event.leaderId(), event, message, token);
    }

    @EventHandler
    void on(OfficialRegisteredEvent event, @SequenceNumber long version, EventMessage<?> message, TrackingToken token) {
        jdbc.update(
                "INSERT INTO official_view (official_id, name, department_id, registered_at, updated_at, version)"
                        + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (official_id) DO NOTHING",
                event.officialId(),
                event.name(),
                event.departmentId(),
                ts(event.registeredAt()),
                ts(event.registeredAt()),
                version);
        log("OFFICIAL_REGISTERED", "OFFICIAL", event.officialId(), event, message, token);
    }

    @EventHandler
    void on(OfficialChangedEvent event, @SequenceNumber long version, EventMessage<?> message, TrackingToken token) {
        jdbc.update(
                "UPDATE official_view SET name = ?, department_id = ?, updated_at = ?, version = ?"
                        + " WHERE official_id = ? AND version < ?",
                event.name(),
                event.departmentId(),
                ts(event.changedAt()),
                version,
                event.officialId(),
                version);
        log("OFFICIAL_CHANGED", "OFFICIAL", event.officialId(), event, message, token);
    }

    @EventHandler
    void on(EnterpriseRegisteredEvent event) {
        enterprises.remember(event);
    }

    @EventHandler
    void on(
            EnterpriseLiaisonChangedEvent event,
            @SequenceNumber long version,
            EventMessage<?> message,
            TrackingToken token) {
        jdbc.update(
                "INSERT INTO liaison_view (enterprise_id, liaison_leader_id, key_enterprise, updated_at, version)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (enterprise_id) DO UPDATE SET"
                        + " liaison_leader_id = excluded.liaison_leader_id, key_enterprise = excluded.key_enterprise,"
                        + " updated_at = excluded.updated_at, version = excluded.version"
                        + " WHERE liaison_view.version < excluded.version",
                event.enterpriseId(),
                event.liaisonLeaderId(),
                event.keyEnterprise(),
                ts(event.changedAt()),
                version);
        log("LIAISON_CHANGED", "ENTERPRISE", event.enterpriseId(), event, message, token);
    }

    // Routing rules: each version of a rule is a row, in force from its event's time until the next one's.

    @EventHandler
    void on(RoutingRuleAddedEvent event, @SequenceNumber long version, EventMessage<?> message, TrackingToken token) {
        ruleVersion(
                event.ruleId(),
                version,
                event.category() == null ? null : event.category().name(),
                event.chainPosition() == null ? null : event.chainPosition().name(),
                event.district(),
                event.departmentId(),
                event.addedAt(),
                message);
        log("ROUTING_RULE_ADDED", "ROUTING_RULE", event.ruleId().toString(), event, message, token);
    }

    @EventHandler
    void on(RoutingRuleChangedEvent event, @SequenceNumber long version, EventMessage<?> message, TrackingToken token) {
        endRuleVersions(event.ruleId(), version, event.changedAt());
        ruleVersion(
                event.ruleId(),
                version,
                event.category() == null ? null : event.category().name(),
                event.chainPosition() == null ? null : event.chainPosition().name(),
                event.district(),
                event.departmentId(),
                event.changedAt(),
                message);
        log("ROUTING_RULE_CHANGED", "ROUTING_RULE", event.ruleId().toString(), event, message, token);
    }

    @EventHandler
    void on(RoutingRuleRemovedEvent event, @SequenceNumber long version, EventMessage<?> message, TrackingToken token) {
        endRuleVersions(event.ruleId(), version, event.removedAt());
        log("ROUTING_RULE_REMOVED", "ROUTING_RULE", event.ruleId().toString(), event, message, token);
    }

    private void ruleVersion(
            UUID ruleId,
            long version,
            String category,
            String chainPosition,
            String district,
            String departmentId,
            Instant from,
            EventMessage<?> message) {
        jdbc.update(
                "INSERT INTO routing_rule_version (rule_id, version, category, chain_position, district,"
                        + " department_id, valid_from, changed_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (rule_id, version) DO NOTHING",
                ruleId,
                version,
                category,
                chainPosition,
                district,
                departmentId,
                ts(from),
                message.getMetaData().get(MetadataKeys.ACTOR));
    }

    /** Ends the versions before this one that are still open; a redelivered event finds none. */
    private void endRuleVersions(UUID ruleId, long version, Instant at) {
        jdbc.update(
                "UPDATE routing_rule_version SET valid_to = ? WHERE rule_id = ? AND version < ? AND valid_to IS NULL",
                ts(at),
                ruleId,
                version);
    }

    private void log(
            String kind,
            String subjectType,
            String subjectId,
            Object event,
            EventMessage<?> message,
            TrackingToken token) {
        jdbc.update(
                "INSERT INTO directory_change (event_id, position, occurred_at, actor, role, kind, subject_type,"
                        + " subject_id, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)"
                        + " ON CONFLICT (event_id) DO NOTHING",
                message.getIdentifier(),
                token == null ? 0 : token.position().orElse(0),
                ts(message.getTimestamp()),
                message.getMetaData().get(MetadataKeys.ACTOR),
                message.getMetaData().get(MetadataKeys.ROLE),
                kind,
                subjectType,
                subjectId,
                json(event));
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM directory_change");
        jdbc.update("DELETE FROM routing_rule_version");
        jdbc.update("DELETE FROM liaison_view");
        jdbc.update("DELETE FROM enterprise_view");
        jdbc.update("DELETE FROM official_view");
        jdbc.update("DELETE FROM leader_view");
        jdbc.update("DELETE FROM department_view");
    }
}
