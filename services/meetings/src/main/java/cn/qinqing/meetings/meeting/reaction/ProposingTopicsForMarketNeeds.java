package cn.qinqing.meetings.meeting.reaction;

import cn.qinqing.language.MetadataKeys;
import cn.qinqing.language.market.NeedReferredToMeetingEvent;
import cn.qinqing.language.meeting.InvitationSentEvent;
import cn.qinqing.meetings.meeting.command.ProposeTopicCommand;
import cn.qinqing.platform.domain.NotAccessible;
import cn.qinqing.platform.domain.RuleViolation;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
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
 * A need of the market that local supply cannot serve, referred with its enterprise's consent
 * ({@link NeedReferredToMeetingEvent}, projects service), becomes the enterprise's topic at the next breakfast meeting
 * it is invited to whose topic cut-off has not passed — the same {@link ProposeTopicCommand} an enterprise sends
 * itself, under the topic id the event carries. Without such a meeting yet, the referral waits (table
 * {@code market_need_referral}) and is proposed when the enterprise is next invited ({@link InvitationSentEvent}).
 *
 * <p>Idempotent: the meeting ignores a topic id it has, and a referral placed once is not placed again. Never re-run
 * on a replay. Commands are sent from a thread of their own, so that each commits in its own unit of work.
 */
@Component
@ProcessingGroup(ProposingTopicsForMarketNeeds.GROUP)
@DisallowReplay
class ProposingTopicsForMarketNeeds implements DisposableBean {

    static final String GROUP = "meetings-market-needs";
    private static final Logger log = LoggerFactory.getLogger(ProposingTopicsForMarketNeeds.class);

    private final JdbcTemplate jdbc;
    private final CommandGateway commands;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "meetings-market-needs-sender");
        thread.setDaemon(true);
        return thread;
    });

    ProposingTopicsForMarketNeeds(JdbcTemplate jdbc, CommandGateway commands) {
        this.jdbc = jdbc;
        this.commands = commands;
    }

    @EventHandler
    void on(NeedReferredToMeetingEvent event, EventMessage<?> message) {
        jdbc.update(
                "INSERT INTO market_need_referral (post_id, topic_id, enterprise_id, title, description, referred_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (post_id) DO NOTHING",
                event.postId(),
                event.topicId(),
                event.enterpriseId(),
                shorten(event.title(), 200),
                event.description(),
                Timestamp.from(event.referredAt()));
        List<UUID> meetings = jdbc.queryForList(
                "SELECT m.meeting_id FROM meeting_view m JOIN invitation_view i ON i.meeting_id = m.meeting_id"
                        + " WHERE i.enterprise_id = ? AND i.status <> 'DECLINED' AND m.closed_at IS NULL"
                        + " AND m.topic_cut_off_at > ? ORDER BY m.starts_at",
                UUID.class,
                event.enterpriseId(),
                Timestamp.from(Instant.now()));
        for (UUID meeting : meetings) {
            if (place(event.postId(), meeting, message)) {
                return;
            }
        }
        log.info("Need {} waits for the next breakfast meeting {} is invited to", event.postId(), event.enterpriseId());
    }

    @EventHandler
    void on(InvitationSentEvent event, EventMessage<?> message) {
        List<UUID> waiting = jdbc.queryForList(
                "SELECT post_id FROM market_need_referral WHERE enterprise_id = ? AND meeting_id IS NULL"
                        + " ORDER BY referred_at",
                UUID.class,
                event.enterpriseId());
        for (UUID post : waiting) {
            place(post, event.meetingId(), message);
        }
    }

    /** Proposes the referral's topic at this meeting; false when the meeting refuses it (cut-off passed, declined). */
    private boolean place(UUID postId, UUID meetingId, EventMessage<?> cause) {
        var referral = jdbc.queryForMap(
                "SELECT topic_id, enterprise_id, title, description, meeting_id FROM market_need_referral"
                        + " WHERE post_id = ?",
                postId);
        if (referral.get("meeting_id") != null) {
            return true; // placed already (a redelivery)
        }
        Instant now = Instant.now();
        ProposeTopicCommand command = new ProposeTopicCommand(
                meetingId,
                (UUID) referral.get("topic_id"),
                (String) referral.get("enterprise_id"),
                (String) referral.get("title"),
                (String) referral.get("description"),
                null,
                now);
        try {
            send(command, cause);
        } catch (RuleViolation | NotAccessible refused) {
            log.info("Meeting {} does not take need {} as a topic: {}", meetingId, postId, refused.getMessage());
            return false;
        }
        jdbc.update(
                "UPDATE market_need_referral SET meeting_id = ?, proposed_at = ? WHERE post_id = ?",
                meetingId,
                Timestamp.from(now),
                postId);
        return true;
    }

    private void send(ProposeTopicCommand command, EventMessage<?> cause) {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(MetadataKeys.ACTOR, "system:meetings");
        metadata.put(MetadataKeys.ROLE, "SYSTEM");
        metadata.put(MetadataKeys.ENTERPRISE, command.enterpriseId());
        metadata.put(MetadataKeys.CAUSATION, cause.getIdentifier());
        Object correlation = cause.getMetaData().get(MetadataKeys.CORRELATION);
        if (correlation != null) {
            metadata.put(MetadataKeys.CORRELATION, correlation);
        }
        var message = GenericCommandMessage.asCommandMessage(command).withMetaData(metadata);
        try {
            CompletableFuture.runAsync(() -> sendRetryingConflicts(message), sender)
                    .join();
        } catch (CompletionException failed) {
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

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    @Override
    public void destroy() {
        sender.shutdownNow();
    }
}
