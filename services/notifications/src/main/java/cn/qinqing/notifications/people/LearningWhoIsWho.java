package cn.qinqing.notifications.people;

import cn.qinqing.language.directory.DepartmentChangedEvent;
import cn.qinqing.language.directory.DepartmentRegisteredEvent;
import cn.qinqing.language.directory.LeaderChangedEvent;
import cn.qinqing.language.directory.LeaderRegisteredEvent;
import cn.qinqing.language.directory.OfficialChangedEvent;
import cn.qinqing.language.directory.OfficialRegisteredEvent;
import cn.qinqing.language.enterprise.EnterpriseRegisteredEvent;
import cn.qinqing.language.meeting.ActionItemClosedEvent;
import cn.qinqing.language.meeting.ActionItemRaisedEvent;
import cn.qinqing.language.meeting.MeetingScheduledEvent;
import cn.qinqing.language.project.KeyProjectRegisteredEvent;
import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the notifications service keeps of the other contexts' directories: enterprises with their contact (the
 * appeals service's registrations), departments, their officials and the leaders' chain of command (the assignment
 * directory), breakfast meetings (for invitations) and key projects' names (the projects service). Upserts, so a replay ends on the same state. Appeals are learnt where they are notified about
 * ({@code notice.NotifyingPeople}), in their order.
 */
@Component
@ProcessingGroup(LearningWhoIsWho.GROUP)
class LearningWhoIsWho {

    /** The one processing group of the service; notice.NotifyingPeople shares it. */
    static final String GROUP = "notifications";

    private final JdbcTemplate jdbc;

    LearningWhoIsWho(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(EnterpriseRegisteredEvent event) {
        var contact = event.contact();
        jdbc.update(
                "INSERT INTO enterprise_contact (enterprise_id, name, email, phone) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (enterprise_id) DO UPDATE SET name = excluded.name, email = excluded.email,"
                        + " phone = excluded.phone",
                event.enterpriseId(),
                event.name(),
                contact == null ? null : contact.email(),
                contact == null ? null : contact.phone());
    }

    @EventHandler
    void on(DepartmentRegisteredEvent event) {
        department(event.departmentId(), event.name());
    }

    @EventHandler
    void on(DepartmentChangedEvent event) {
        department(event.departmentId(), event.name());
    }

    @EventHandler
    void on(OfficialRegisteredEvent event) {
        official(event.officialId(), event.departmentId());
    }

    @EventHandler
    void on(OfficialChangedEvent event) {
        official(event.officialId(), event.departmentId());
    }

    @EventHandler
    void on(LeaderRegisteredEvent event) {
        leader(event.leaderId(), event.name(), event.superiorLeaderId());
    }

    @EventHandler
    void on(LeaderChangedEvent event) {
        leader(event.leaderId(), event.name(), event.superiorLeaderId());
    }

    @EventHandler
    void on(KeyProjectRegisteredEvent event) {
        jdbc.update(
                "INSERT INTO key_project (project_id, name) VALUES (?, ?) ON CONFLICT (project_id) DO NOTHING",
                event.projectId(),
                event.name());
    }

    @EventHandler
    void on(MeetingScheduledEvent event) {
        jdbc.update(
                "INSERT INTO meeting (meeting_id, host_leader_id, theme, venue, starts_at, ends_at, scheduled_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (meeting_id) DO NOTHING",
                event.meetingId(),
                event.hostLeaderId(),
                event.theme(),
                event.venue(),
                Timestamp.from(event.startsAt()),
                Timestamp.from(event.endsAt()),
                Timestamp.from(event.scheduledAt()));
    }

    @EventHandler
    void on(ActionItemRaisedEvent event) {
        jdbc.update(
                "INSERT INTO action_item (action_item_id, meeting_id, appeal_id, responsible_leader_id, title, due_on)"
                        + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (action_item_id) DO NOTHING",
                event.actionItemId(),
                event.meetingId(),
                event.appealId(),
                event.responsibleLeaderId(),
                event.title(),
                java.sql.Date.valueOf(event.dueOn()));
    }

    @EventHandler
    void on(ActionItemClosedEvent event) {
        jdbc.update(
                "INSERT INTO action_item_closed (action_item_id) VALUES (?) ON CONFLICT DO NOTHING",
                event.actionItemId());
    }

    private void department(String id, String name) {
        jdbc.update(
                "INSERT INTO department (department_id, name) VALUES (?, ?)"
                        + " ON CONFLICT (department_id) DO UPDATE SET name = excluded.name",
                id,
                name);
    }

    private void leader(String id, String name, String superiorId) {
        jdbc.update(
                "INSERT INTO leader (leader_id, name, superior_leader_id) VALUES (?, ?, ?)"
                        + " ON CONFLICT (leader_id) DO UPDATE SET name = excluded.name,"
                        + " superior_leader_id = excluded.superior_leader_id",
                id,
                name,
                superiorId);
    }

    private void official(String id, String departmentId) {
        jdbc.update(
                "INSERT INTO official (official_id, department_id) VALUES (?, ?)"
                        + " ON CONFLICT (official_id) DO UPDATE SET department_id = excluded.department_id",
                id,
                departmentId);
    }
}
