package cn.qinqing.notifications.notice;

import cn.qinqing.language.appeal.AppealAnsweredEvent;
import cn.qinqing.language.appeal.AppealClosedEvent;
import cn.qinqing.language.appeal.AppealFiledEvent;
import cn.qinqing.language.appeal.AppealReopenedEvent;
import cn.qinqing.language.assignment.AppealDispatchedEvent;
import cn.qinqing.language.assignment.AppealEscalatedEvent;
import cn.qinqing.language.assignment.AppealReturnedEvent;
import cn.qinqing.language.assignment.AppealSignedForEvent;
import cn.qinqing.language.assignment.AppealTransferredEvent;
import cn.qinqing.language.assignment.LeaderTookChargeEvent;
import cn.qinqing.language.assignment.SupervisionNoticeIssuedEvent;
import cn.qinqing.language.meeting.InvitationSentEvent;
import cn.qinqing.language.meeting.TopicAcceptedEvent;
import cn.qinqing.language.meeting.TopicDeclinedEvent;
import cn.qinqing.language.resolution.DeadlineApproachingEvent;
import cn.qinqing.language.resolution.DeadlineBreachedEvent;
import cn.qinqing.language.resolution.DeadlineKind;
import cn.qinqing.language.resolution.ExtensionDeniedEvent;
import cn.qinqing.language.resolution.ExtensionGrantedEvent;
import cn.qinqing.language.resolution.ProgressNotedEvent;
import cn.qinqing.notifications.people.Directory;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Turns the published events into notices for the people they concern, and keeps the little it needs to know about
 * each appeal (whose it is, which department holds it, which leader took charge). Who may be told is decided here and
 * only here: an enterprise hears only of its own appeals and meetings, and never of what it may not see (internal
 * progress notes, the official's name, escalations); officials hear of their department's inbox; leaders of the cases
 * they took charge of, supervise, or that were escalated to them.
 *
 * <p>Events of one appeal arrive in order (the platform's per-appeal sequencing), so an appeal is known before it is
 * dispatched. Writing is idempotent ({@link Notifications}), so the group may be replayed.
 */
@Component
@ProcessingGroup(NotifyingPeople.GROUP)
public class NotifyingPeople {

    public static final String GROUP = "notifications";

    private final JdbcTemplate jdbc;
    private final Directory directory;
    private final Notifications notifications;

    NotifyingPeople(JdbcTemplate jdbc, Directory directory, Notifications notifications) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.notifications = notifications;
    }

    // --- what happens to an appeal

    @EventHandler
    void on(AppealFiledEvent event) {
        jdbc.update(
                "INSERT INTO appeal_party (appeal_id, enterprise_id, title) VALUES (?, ?, ?)"
                        + " ON CONFLICT (appeal_id) DO NOTHING",
                event.appealId(),
                event.enterpriseId(),
                event.title());
    }

    @EventHandler
    void on(AppealDispatchedEvent event, EventMessage<?> message) {
        holdBy(event.appealId(), event.departmentId());
        directory.appeal(event.appealId()).ifPresent(appeal -> {
            String department = directory.departmentName(event.departmentId());
            tellEnterprise(message, appeal, Kind.APPEAL_ROUTED, language -> new Object[] {appeal.title(), department});
            tellOfficials(message, appeal, event.departmentId(), Kind.CASE_ARRIVED, language ->
                    new Object[] {appeal.title(), department});
        });
    }

    @EventHandler
    void on(AppealTransferredEvent event, EventMessage<?> message) {
        holdBy(event.appealId(), event.toDepartmentId());
        directory.appeal(event.appealId()).ifPresent(appeal -> {
            String from = directory.departmentName(event.fromDepartmentId());
            String to = directory.departmentName(event.toDepartmentId());
            tellOfficials(message, appeal, event.toDepartmentId(), Kind.CASE_TRANSFERRED, language ->
                    new Object[] {appeal.title(), from, event.reason()});
            tellLeaderInCharge(message, appeal, language -> texts().text("moved.transferred", language, to));
        });
    }

    @EventHandler
    void on(AppealReturnedEvent event) {
        holdBy(event.appealId(), null);
    }

    @EventHandler
    void on(AppealSignedForEvent event, EventMessage<?> message) {
        holdBy(event.appealId(), event.departmentId());
        directory.appeal(event.appealId()).ifPresent(appeal -> {
            // the enterprise is told the department, never the official
            String department = directory.departmentName(event.departmentId());
            tellEnterprise(
                    message, appeal, Kind.APPEAL_SIGNED_FOR, language -> new Object[] {appeal.title(), department});
            tellLeaderInCharge(message, appeal, language -> texts().text("moved.signed-for", language, department));
        });
    }

    @EventHandler
    void on(ProgressNotedEvent event, EventMessage<?> message) {
        if (!event.visibleToEnterprise()) {
            return; // an internal note is never told to the enterprise
        }
        directory
                .appeal(event.appealId())
                .ifPresent(appeal -> tellEnterprise(
                        message, appeal, Kind.APPEAL_NOTED, language -> new Object[] {appeal.title(), event.text()}));
    }

    @EventHandler
    void on(AppealAnsweredEvent event, EventMessage<?> message) {
        directory.appeal(event.appealId()).ifPresent(appeal -> {
            tellEnterprise(
                    message, appeal, Kind.APPEAL_ANSWERED, language -> new Object[] {appeal.title(), event.answer()});
            tellLeaderInCharge(message, appeal, language -> texts().text("moved.answered", language));
        });
    }

    @EventHandler
    void on(AppealClosedEvent event, EventMessage<?> message) {
        directory.appeal(event.appealId()).ifPresent(appeal -> {
            tellEnterprise(message, appeal, Kind.APPEAL_CLOSED, language -> new Object[] {appeal.title()});
            tellLeaderInCharge(message, appeal, language -> texts().text("moved.closed", language));
        });
    }

    @EventHandler
    void on(AppealReopenedEvent event, EventMessage<?> message) {
        directory
                .appeal(event.appealId())
                .ifPresent(
                        appeal -> tellOfficials(message, appeal, appeal.departmentId(), Kind.CASE_REOPENED, language ->
                                new Object[] {appeal.title(), event.reason()}));
    }

    // --- clocks

    @EventHandler
    void on(DeadlineApproachingEvent event, EventMessage<?> message) {
        deadline(
                message,
                event.appealId(),
                event.kind(),
                event.departmentId(),
                event.dueAt(),
                Kind.DEADLINE_APPROACHING);
    }

    @EventHandler
    void on(DeadlineBreachedEvent event, EventMessage<?> message) {
        // kept for the supervisors' daily digest (BreachDigest)
        jdbc.update(
                "INSERT INTO breach (event_id, appeal_id, kind, department_id, due_at, breached_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING",
                message.getIdentifier(),
                event.appealId(),
                event.kind().name(),
                event.departmentId(),
                java.sql.Timestamp.from(event.dueAt()),
                java.sql.Timestamp.from(event.breachedAt()));
        deadline(message, event.appealId(), event.kind(), event.departmentId(), event.dueAt(), Kind.DEADLINE_BREACHED);
    }

    private void deadline(
            EventMessage<?> message, UUID appealId, DeadlineKind clock, String departmentId, Instant dueAt, Kind kind) {
        directory.appeal(appealId).ifPresent(appeal -> {
            if (clock == DeadlineKind.SUPERVISION) {
                if (kind == Kind.DEADLINE_APPROACHING && appeal.supervisingLeaderId() != null) {
                    tell(
                            message,
                            Recipient.staff(appeal.supervisingLeaderId()),
                            appeal,
                            Kind.SUPERVISION_DUE,
                            language -> new Object[] {appeal.title(), Texts.time(dueAt)});
                }
                return;
            }
            tellOfficials(
                    message, appeal, departmentId, kind, language -> new Object[] {
                        appeal.title(), texts().text("deadline." + clock.name(), language), Texts.time(dueAt)
                    });
        });
    }

    @EventHandler
    void on(ExtensionGrantedEvent event, EventMessage<?> message) {
        directory
                .appeal(event.appealId())
                .ifPresent(appeal -> tellOfficials(
                        message, appeal, appeal.departmentId(), Kind.EXTENSION_DECIDED, language -> new Object[] {
                            appeal.title(),
                            texts().text("extension.granted", language, Texts.time(event.newResolutionDueAt()))
                        }));
    }

    @EventHandler
    void on(ExtensionDeniedEvent event, EventMessage<?> message) {
        directory
                .appeal(event.appealId())
                .ifPresent(appeal -> tellOfficials(
                        message,
                        appeal,
                        appeal.departmentId(),
                        Kind.EXTENSION_DECIDED,
                        language ->
                                new Object[] {appeal.title(), texts().text("extension.denied", language, event.reason())
                                }));
    }

    // --- leaders

    @EventHandler
    void on(LeaderTookChargeEvent event) {
        jdbc.update("UPDATE appeal_party SET leader_id = ? WHERE appeal_id = ?", event.leaderId(), event.appealId());
    }

    @EventHandler
    void on(SupervisionNoticeIssuedEvent event) {
        jdbc.update(
                "UPDATE appeal_party SET supervising_leader_id = ? WHERE appeal_id = ?",
                event.leaderId(),
                event.appealId());
    }

    @EventHandler
    void on(AppealEscalatedEvent event, EventMessage<?> message) {
        if (event.toLeaderId() == null) {
            return;
        }
        directory
                .appeal(event.appealId())
                .ifPresent(appeal ->
                        tell(message, Recipient.staff(event.toLeaderId()), appeal, Kind.ESCALATION_REACHED, language ->
                                new Object[] {appeal.title(), event.cause()}));
    }

    // --- breakfast meetings

    @EventHandler
    void on(InvitationSentEvent event, EventMessage<?> message) {
        directory
                .meeting(event.meetingId())
                .ifPresent(meeting -> notifications.tell(new Notice(
                        message.getIdentifier(),
                        message.getTimestamp(),
                        Recipient.enterprise(event.enterpriseId()),
                        Kind.MEETING_INVITATION,
                        null,
                        "/enterprise/meetings/" + meeting.id(),
                        language -> new Object[] {meeting.theme(), Texts.time(meeting.startsAt()), meeting.venue()},
                        new Notice.Attachment(
                                MeetingCalendar.FILE_NAME, "text/calendar", MeetingCalendar.of(meeting)))));
    }

    @EventHandler
    void on(TopicAcceptedEvent event, EventMessage<?> message) {
        topic(message, event.meetingId(), event.enterpriseId(), Kind.TOPIC_ACCEPTED, null);
    }

    @EventHandler
    void on(TopicDeclinedEvent event, EventMessage<?> message) {
        topic(message, event.meetingId(), event.enterpriseId(), Kind.TOPIC_DECLINED, event.reason());
    }

    private void topic(EventMessage<?> message, UUID meetingId, String enterpriseId, Kind kind, String reason) {
        directory
                .meeting(meetingId)
                .ifPresent(meeting -> notifications.tell(new Notice(
                        message.getIdentifier(),
                        message.getTimestamp(),
                        Recipient.enterprise(enterpriseId),
                        kind,
                        null,
                        "/enterprise/meetings/" + meeting.id(),
                        language -> new Object[] {meeting.theme(), reason == null ? "" : reason},
                        null)));
    }

    // --- who

    private void holdBy(UUID appealId, String departmentId) {
        jdbc.update("UPDATE appeal_party SET department_id = ? WHERE appeal_id = ?", departmentId, appealId);
    }

    /** Only the enterprise that filed the appeal. */
    private void tellEnterprise(
            EventMessage<?> message, Directory.Appeal appeal, Kind kind, Function<String, Object[]> args) {
        tell(message, Recipient.enterprise(appeal.enterpriseId()), appeal, kind, args);
    }

    /** Every official of the department whose inbox holds the case. */
    private void tellOfficials(
            EventMessage<?> message,
            Directory.Appeal appeal,
            String departmentId,
            Kind kind,
            Function<String, Object[]> args) {
        for (String official : directory.officialsOf(departmentId)) {
            tell(message, Recipient.staff(official), appeal, kind, args);
        }
    }

    private void tellLeaderInCharge(EventMessage<?> message, Directory.Appeal appeal, Function<String, String> what) {
        if (appeal.leaderId() != null) {
            tell(message, Recipient.staff(appeal.leaderId()), appeal, Kind.CHARGED_CASE_MOVED, language ->
                    new Object[] {appeal.title(), what.apply(language)});
        }
    }

    private void tell(
            EventMessage<?> message,
            Recipient recipient,
            Directory.Appeal appeal,
            Kind kind,
            Function<String, Object[]> args) {
        notifications.tell(new Notice(
                message.getIdentifier(),
                message.getTimestamp(),
                recipient,
                kind,
                appeal.id(),
                "/appeals/" + appeal.id(),
                args,
                null));
    }

    private Texts texts() {
        return notifications.texts();
    }
}
