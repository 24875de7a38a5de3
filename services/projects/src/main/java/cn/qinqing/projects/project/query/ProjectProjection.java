package cn.qinqing.projects.project.query;

import cn.qinqing.language.MetadataKeys;
import cn.qinqing.language.appeal.AppealAnsweredEvent;
import cn.qinqing.language.appeal.AppealClosedEvent;
import cn.qinqing.language.appeal.AppealFiledEvent;
import cn.qinqing.language.appeal.AppealReopenedEvent;
import cn.qinqing.language.appeal.AppealWithdrawnEvent;
import cn.qinqing.language.project.BlockerRaisedEvent;
import cn.qinqing.language.project.KeyProjectRegisteredEvent;
import cn.qinqing.language.project.Milestone;
import cn.qinqing.language.project.MilestoneEscalatedEvent;
import cn.qinqing.language.project.MilestoneOverdueEvent;
import cn.qinqing.language.project.MilestoneReachedEvent;
import cn.qinqing.language.project.PlannedMilestone;
import cn.qinqing.language.project.ProjectProgressNotedEvent;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The key projects as leaders, officials, supervisors and their enterprises read them: the project, its investors,
 * every milestone planned and reached, the progress noted, and its blockers with the state of the appeal each became.
 * Every write is idempotent (inserts ignore a row that exists, updates set values the event carries), so a redelivered
 * event or a replay leaves the same rows.
 */
@Component
@ProcessingGroup(ProjectProjection.GROUP)
class ProjectProjection {

    static final String GROUP = "projects-projects";

    private final JdbcTemplate jdbc;

    ProjectProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(
            KeyProjectRegisteredEvent event,
            @SequenceNumber long version,
            @MetaDataValue(MetadataKeys.ACTOR) String actor) {
        jdbc.update(
                "INSERT INTO project_view (project_id, name, chain_link, investment_cny, capacity_amount, capacity_unit,"
                        + " site, leader_id, department_id, signed_on, registered_at, registered_by, version)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (project_id) DO NOTHING",
                event.projectId(),
                event.name(),
                event.chainLink().name(),
                event.investmentCny(),
                event.capacity().amount(),
                event.capacity().unit().name(),
                event.site(),
                event.leaderId(),
                event.departmentId(),
                date(event.signedOn()),
                ts(event.registeredAt()),
                actor,
                version);
        for (int i = 0; i < event.enterpriseIds().size(); i++) {
            jdbc.update(
                    "INSERT INTO project_investor (project_id, enterprise_id, position) VALUES (?, ?, ?)"
                            + " ON CONFLICT DO NOTHING",
                    event.projectId(),
                    event.enterpriseIds().get(i),
                    i);
        }
        milestone(event, Milestone.SIGNED, event.signedOn(), event.signedOn(), actor);
        for (PlannedMilestone planned : event.plan()) {
            milestone(event, planned.milestone(), planned.plannedOn(), null, null);
        }
    }

    private void milestone(
            KeyProjectRegisteredEvent event, Milestone milestone, LocalDate plannedOn, LocalDate reachedOn, String by) {
        jdbc.update(
                "INSERT INTO milestone_view (project_id, milestone, position, planned_on, reached_on, recorded_by)"
                        + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                event.projectId(),
                milestone.name(),
                milestone.ordinal(),
                date(plannedOn),
                date(reachedOn),
                by);
    }

    @EventHandler
    void on(
            MilestoneReachedEvent event,
            @SequenceNumber long version,
            @MetaDataValue(MetadataKeys.ACTOR) String actor) {
        jdbc.update(
                "UPDATE milestone_view SET reached_on = ?, note = ?, recorded_by = ? WHERE project_id = ? AND milestone = ?",
                date(event.reachedOn()),
                event.note(),
                actor,
                event.projectId(),
                event.milestone().name());
        version(event.projectId(), version);
    }

    @EventHandler
    void on(MilestoneOverdueEvent event, @SequenceNumber long version) {
        jdbc.update(
                "UPDATE milestone_view SET overdue_at = ? WHERE project_id = ? AND milestone = ?",
                ts(event.overdueAt()),
                event.projectId(),
                event.milestone().name());
        version(event.projectId(), version);
    }

    /**
     * Nothing on the project's pages shows the escalation yet (the leader's superior is told by notifications), but it
     * is an event of the project: the version a form sends as {@code If-Match} must count it, or every change after an
     * escalation is refused as stale.
     */
    @EventHandler
    void on(MilestoneEscalatedEvent event, @SequenceNumber long version) {
        version(event.projectId(), version);
    }

    @EventHandler
    void on(
            ProjectProgressNotedEvent event,
            @SequenceNumber long version,
            @MetaDataValue(MetadataKeys.ACTOR) String actor) {
        jdbc.update(
                "INSERT INTO progress_note (project_id, sequence, note, noted_by, noted_at) VALUES (?, ?, ?, ?, ?)"
                        + " ON CONFLICT DO NOTHING",
                event.projectId(),
                version,
                event.note(),
                actor,
                ts(event.notedAt()));
        version(event.projectId(), version);
    }

    @EventHandler
    void on(BlockerRaisedEvent event, @SequenceNumber long version, @MetaDataValue(MetadataKeys.ACTOR) String actor) {
        jdbc.update(
                "INSERT INTO blocker_view (blocker_id, project_id, appeal_id, enterprise_id, title, category, urgency,"
                        + " raised_by, raised_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                event.blockerId(),
                event.projectId(),
                event.appealId(),
                event.enterpriseId(),
                event.title(),
                event.category().name(),
                event.urgency().name(),
                actor,
                ts(event.raisedAt()));
        version(event.projectId(), version);
    }

    // the appeal each blocker became, as it goes round the usual loop (other appeals match no row)

    @EventHandler
    void on(AppealFiledEvent event) {
        appealStatus(event.appealId(), "FILED", null);
    }

    @EventHandler
    void on(AppealAnsweredEvent event) {
        appealStatus(event.appealId(), "ANSWERED", null);
    }

    @EventHandler
    void on(AppealReopenedEvent event) {
        appealStatus(event.appealId(), "REOPENED", null);
    }

    @EventHandler
    void on(AppealClosedEvent event) {
        appealStatus(event.appealId(), "CLOSED", event.closedAt());
    }

    @EventHandler
    void on(AppealWithdrawnEvent event) {
        appealStatus(event.appealId(), "WITHDRAWN", event.withdrawnAt());
    }

    private void appealStatus(java.util.UUID appealId, String status, Instant closedAt) {
        jdbc.update(
                "UPDATE blocker_view SET appeal_status = ?, closed_at = ? WHERE appeal_id = ?",
                status,
                ts(closedAt),
                appealId);
    }

    private void version(java.util.UUID projectId, long version) {
        jdbc.update("UPDATE project_view SET version = GREATEST(version, ?) WHERE project_id = ?", version, projectId);
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE project_view, project_investor, milestone_view, progress_note, blocker_view");
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Date date(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }
}
