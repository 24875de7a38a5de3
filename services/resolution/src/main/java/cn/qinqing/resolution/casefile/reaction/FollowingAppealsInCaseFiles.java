package cn.qinqing.resolution.casefile.reaction;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.Urgency;
import cn.qinqing.language.appeal.AppealFiledEvent;
import cn.qinqing.language.appeal.AppealRatedEvent;
import cn.qinqing.language.appeal.AppealRatingExpiredEvent;
import cn.qinqing.language.appeal.AppealReopenedEvent;
import cn.qinqing.language.appeal.AppealSupplementedEvent;
import cn.qinqing.language.appeal.AppealWithdrawnEvent;
import cn.qinqing.language.assignment.AppealDispatchedEvent;
import cn.qinqing.language.assignment.AppealSignedForEvent;
import cn.qinqing.resolution.casefile.command.CancelCaseFileCommand;
import cn.qinqing.resolution.casefile.command.CaseFile;
import cn.qinqing.resolution.casefile.command.OpenCaseFileCommand;
import cn.qinqing.resolution.casefile.command.RecordFeedbackCommand;
import cn.qinqing.resolution.casefile.command.ReopenCaseFileCommand;
import cn.qinqing.resolution.casefile.command.ResumeCaseFileCommand;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the resolution service does when the appeal moves elsewhere: a sign-for opens (or hands over) the case file, a
 * reopening reopens it, the enterprise's rating (or its expiry) is feedback for close-out, a supplement resumes a
 * paused clock, a withdrawal cancels the case. Every command addresses the case file derived from the appeal and is
 * idempotent there, so redelivery changes nothing; replays never re-issue them.
 */
@Component
@ProcessingGroup(FollowingAppealsInCaseFiles.GROUP)
@DisallowReplay
class FollowingAppealsInCaseFiles {

    static final String GROUP = "resolution-reactions";

    private final CommandGateway commands;
    private final JdbcTemplate jdbc;

    FollowingAppealsInCaseFiles(CommandGateway commands, JdbcTemplate jdbc) {
        this.commands = commands;
        this.jdbc = jdbc;
    }

    // the sign-for does not say how urgent the appeal is; the filing and the dispatch do (in this order per appeal).
    // The filing also says its category, which with the urgency chooses the case's SLA tier.

    @EventHandler
    void on(AppealFiledEvent event) {
        jdbc.update(
                "INSERT INTO appeal_urgency (appeal_id, urgency, category) VALUES (?, ?, ?)"
                        + " ON CONFLICT (appeal_id) DO UPDATE SET category = excluded.category",
                event.appealId(),
                event.urgency().name(),
                event.category() == null ? null : event.category().name());
    }

    @EventHandler
    void on(AppealDispatchedEvent event) {
        if (event.urgency() != null) {
            jdbc.update(
                    "INSERT INTO appeal_urgency (appeal_id, urgency) VALUES (?, ?)"
                            + " ON CONFLICT (appeal_id) DO UPDATE SET urgency = excluded.urgency",
                    event.appealId(),
                    event.urgency().name());
        }
    }

    @EventHandler
    void on(AppealSignedForEvent event) {
        List<String> known = jdbc.queryForList(
                "SELECT urgency FROM appeal_urgency WHERE appeal_id = ?", String.class, event.appealId());
        Urgency urgency = known.isEmpty() ? Urgency.NORMAL : Urgency.valueOf(known.get(0));
        try {
            commands.sendAndWait(new OpenCaseFileCommand(
                    CaseFile.idOf(event.appealId()),
                    event.appealId(),
                    event.departmentId(),
                    categoryOf(event.appealId()),
                    urgency,
                    event.signedAt()));
        } catch (AggregateStreamCreationException openedByATwin) {
            // another delivery of the same sign-for created it at the same moment
        }
    }

    @EventHandler
    void on(AppealReopenedEvent event) {
        send(
                event.appealId(),
                new ReopenCaseFileCommand(
                        CaseFile.idOf(event.appealId()),
                        event.round(),
                        event.reopenedAt(),
                        categoryOf(event.appealId())));
    }

    @EventHandler
    void on(AppealRatedEvent event) {
        send(
                event.appealId(),
                new RecordFeedbackCommand(
                        CaseFile.idOf(event.appealId()), event.round(), event.rating(), event.ratedAt()));
    }

    @EventHandler
    void on(AppealRatingExpiredEvent event) {
        send(
                event.appealId(),
                new RecordFeedbackCommand(CaseFile.idOf(event.appealId()), event.round(), 0, event.expiredAt()));
    }

    @EventHandler
    void on(AppealSupplementedEvent event) {
        send(
                event.appealId(),
                new ResumeCaseFileCommand(CaseFile.idOf(event.appealId()), null, null, event.supplementedAt()));
    }

    @EventHandler
    void on(AppealWithdrawnEvent event) {
        send(event.appealId(), new CancelCaseFileCommand(CaseFile.idOf(event.appealId()), event.withdrawnAt()));
    }

    /** The appeal's category as filed; null for an appeal filed before the category was remembered here. */
    private AppealCategory categoryOf(UUID appealId) {
        List<String> known = jdbc.queryForList(
                "SELECT category FROM appeal_urgency WHERE appeal_id = ? AND category IS NOT NULL",
                String.class,
                appealId);
        return known.isEmpty() ? null : AppealCategory.valueOf(known.get(0));
    }

    /**
     * Sends to the appeal's case file; an appeal that never reached a department has none, and needs nothing. Asked of
     * the event store first (the case file's own events, committed before its sign-for's reaction ends): loading a
     * missing aggregate would be answered the same, but with a warning and a stack trace in the log for an expected
     * case, such as an appeal withdrawn before anyone signed for it.
     */
    private void send(UUID appealId, Object command) {
        if (!hasCaseFile(appealId)) {
            return;
        }
        try {
            commands.sendAndWait(command);
        } catch (AggregateNotFoundException noCaseFile) {
            // not signed for (yet): nothing to do here
        }
    }

    private boolean hasCaseFile(UUID appealId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM event_store.domain_event_entry WHERE aggregate_identifier = ?)",
                Boolean.class,
                CaseFile.idOf(appealId).toString()));
    }
}
