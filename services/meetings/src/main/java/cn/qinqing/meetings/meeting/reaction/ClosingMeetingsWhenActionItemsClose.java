package cn.qinqing.meetings.meeting.reaction;

import cn.qinqing.language.MetadataKeys;
import cn.qinqing.language.appeal.AppealClosedEvent;
import cn.qinqing.language.appeal.AppealFiledEvent;
import cn.qinqing.language.appeal.AppealWithdrawnEvent;
import cn.qinqing.language.meeting.ActionItemRaisedEvent;
import cn.qinqing.language.resolution.CaseFileClosedEvent;
import cn.qinqing.meetings.meeting.command.RecordActionItemClosedCommand;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * When the appeal an action item became is closed out (or withdrawn), tells the meeting; the meeting closes itself
 * when that was its last open item. Idempotent: the meeting ignores an item it was told about before. Never re-run on
 * a replay, which would re-issue the commands.
 *
 * <p>The closing events name only the appeal, so the handler remembers which meeting and item each action-item appeal
 * stands for (table {@code action_item_link}), from the raised event and, as a second source, from the filed appeal's
 * meeting reference.
 *
 * <p>The command is sent from a thread of its own, so that it commits in its own unit of work and transaction: sent
 * from the processor's thread it would join the processor's batch, and a failure would only surface when that batch
 * commits.
 */
@Component
@ProcessingGroup(ClosingMeetingsWhenActionItemsClose.GROUP)
@DisallowReplay
class ClosingMeetingsWhenActionItemsClose implements DisposableBean {

    static final String GROUP = "meetings-action-item-closing";
    private static final Logger log = LoggerFactory.getLogger(ClosingMeetingsWhenActionItemsClose.class);

    private final JdbcTemplate jdbc;
    private final CommandGateway commands;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "meetings-action-item-closing-sender");
        thread.setDaemon(true);
        return thread;
    });

    ClosingMeetingsWhenActionItemsClose(JdbcTemplate jdbc, CommandGateway commands) {
        this.jdbc = jdbc;
        this.commands = commands;
    }

    @EventHandler
    void on(ActionItemRaisedEvent event) {
        remember(event.appealId(), event.meetingId(), event.actionItemId());
    }

    @EventHandler
    void on(AppealFiledEvent event) {
        if (event.meeting() != null) {
            remember(
                    event.appealId(),
                    event.meeting().meetingId(),
                    event.meeting().actionItemId());
        }
    }

    @EventHandler
    void on(CaseFileClosedEvent event, EventMessage<?> message) {
        closed(event.appealId(), "CASE_FILE_CLOSED", event.closedAt(), message);
    }

    @EventHandler
    void on(AppealClosedEvent event, EventMessage<?> message) {
        closed(event.appealId(), "APPEAL_CLOSED", event.closedAt(), message);
    }

    @EventHandler
    void on(AppealWithdrawnEvent event, EventMessage<?> message) {
        closed(event.appealId(), "APPEAL_WITHDRAWN", event.withdrawnAt(), message);
    }

    private void remember(UUID appealId, UUID meetingId, UUID actionItemId) {
        jdbc.update(
                "INSERT INTO action_item_link (appeal_id, meeting_id, action_item_id) VALUES (?, ?, ?)"
                        + " ON CONFLICT (appeal_id) DO NOTHING",
                appealId,
                meetingId,
                actionItemId);
    }

    private void closed(UUID appealId, String cause, Instant closedAt, EventMessage<?> message) {
        var links = jdbc.query(
                "SELECT meeting_id, action_item_id FROM action_item_link WHERE appeal_id = ?",
                (rs, row) -> new RecordActionItemClosedCommand(
                        rs.getObject("meeting_id", UUID.class),
                        rs.getObject("action_item_id", UUID.class),
                        cause,
                        closedAt),
                appealId);
        if (links.isEmpty()) {
            return; // an appeal filed online: not a meeting's action item
        }
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(MetadataKeys.ACTOR, "system:meetings");
        metadata.put(MetadataKeys.ROLE, "SYSTEM");
        metadata.put(MetadataKeys.CAUSATION, message.getIdentifier());
        Object correlation = message.getMetaData().get(MetadataKeys.CORRELATION);
        if (correlation != null) {
            metadata.put(MetadataKeys.CORRELATION, correlation);
        }
        var command = GenericCommandMessage.asCommandMessage(links.get(0)).withMetaData(metadata);
        try {
            CompletableFuture.runAsync(() -> sendRetryingConflicts(command), sender)
                    .join();
        } catch (CompletionException failed) {
            log.warn(
                    "Could not record that action item {} is closed",
                    links.get(0).actionItemId(),
                    failed);
            throw failed.getCause() instanceof RuntimeException cause1 ? cause1 : failed;
        }
    }

    /** Another writer may have appended to the meeting in between: read it again and retry, a few times. */
    private void sendRetryingConflicts(Object command) {
        for (int attempt = 1; ; attempt++) {
            try {
                commands.sendAndWait(command);
                return;
            } catch (ConcurrencyException conflict) {
                if (attempt == 3) {
                    throw conflict;
                }
                try {
                    Thread.sleep(50L * attempt);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw conflict;
                }
            }
        }
    }

    @Override
    public void destroy() {
        sender.shutdownNow();
    }
}
