package cn.qinqing.notifications.notice;

import cn.qinqing.language.project.Milestone;
import cn.qinqing.language.project.MilestoneEscalatedEvent;
import cn.qinqing.language.project.MilestoneOverdueEvent;
import cn.qinqing.notifications.people.Directory;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

/**
 * A key project's milestone past its planned day, told like an appeal's breached deadline: the project's responsible
 * leader (包联领导) and every official of its responsible department hear that it is overdue; still not reached when
 * its working days of grace ran out, the leader's superior (the directory's chain of command) hears that it was
 * escalated to them. Never an enterprise: a project's clock is the city's business.
 *
 * <p>Each notice is keyed by the event, person and channel ({@link Notifications}), so a redelivery or a replay of
 * the group tells nobody twice.
 */
@Component
@ProcessingGroup(NotifyingPeople.GROUP)
class TellingOfLateMilestones {

    private final Directory directory;
    private final Notifications notifications;

    TellingOfLateMilestones(Directory directory, Notifications notifications) {
        this.directory = directory;
        this.notifications = notifications;
    }

    @EventHandler
    void on(MilestoneOverdueEvent event, EventMessage<?> message) {
        String project = directory.projectName(event.projectId());
        if (event.leaderId() != null) {
            tell(message, event.leaderId(), Kind.PROJECT_MILESTONE_OVERDUE, event.projectId(), language ->
                    new Object[] {project, milestone(event.milestone(), language), day(event.plannedOn())});
        }
        for (String official : directory.officialsOf(event.departmentId())) {
            tell(message, official, Kind.MILESTONE_OVERDUE, event.projectId(), language -> new Object[] {
                project,
                milestone(event.milestone(), language),
                day(event.plannedOn()),
                directory.leaderName(event.leaderId())
            });
        }
    }

    @EventHandler
    void on(MilestoneEscalatedEvent event, EventMessage<?> message) {
        if (event.leaderId() == null) {
            return;
        }
        // the city's top leader has nobody above: their overdue notice was the last word
        directory.superiorOf(event.leaderId()).ifPresent(superior -> {
            String project = directory.projectName(event.projectId());
            String leader = directory.leaderName(event.leaderId());
            tell(message, superior, Kind.PROJECT_MILESTONE_ESCALATED, event.projectId(), language -> new Object[] {
                project, milestone(event.milestone(), language), day(event.plannedOn()), leader, event.workingDays()
            });
        });
    }

    private void tell(
            EventMessage<?> message,
            String userName,
            Kind kind,
            UUID projectId,
            java.util.function.Function<String, Object[]> args) {
        notifications.tell(new Notice(
                message.getIdentifier(),
                message.getTimestamp(),
                Recipient.staff(userName),
                kind,
                null,
                "/projects/" + projectId,
                args,
                null));
    }

    private String milestone(Milestone milestone, String language) {
        return notifications.texts().text("milestone." + milestone.name(), language);
    }

    private static String day(LocalDate date) {
        return date.toString();
    }
}
