package cn.qinqing.assignment.dispatch.reaction;

import cn.qinqing.assignment.dispatch.command.EscalateAppealCommand;
import cn.qinqing.language.resolution.DeadlineBreachedEvent;
import cn.qinqing.platform.domain.NotAccessible;
import cn.qinqing.platform.domain.RuleViolation;
import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * When the resolution service says a deadline passed (超期), the appeal goes to the next leader up the chain. One
 * breach (appeal, deadline kind, due time) escalates once, however often it is reported; never on replay.
 */
@Component
@ProcessingGroup(EscalatingOverdueAppeals.GROUP)
@DisallowReplay
class EscalatingOverdueAppeals {

    static final String GROUP = "assignment-reactions";
    private static final Logger log = LoggerFactory.getLogger(EscalatingOverdueAppeals.class);

    private final ServiceCommands commands;
    private final JdbcTemplate jdbc;
    private final ClaimingAppealRoutings routed;

    EscalatingOverdueAppeals(ServiceCommands commands, JdbcTemplate jdbc, ClaimingAppealRoutings routed) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.routed = routed;
    }

    @EventHandler
    void on(DeadlineBreachedEvent event) {
        if (!routed.isRouted(event.appealId())) {
            log.warn(
                    "Deadline {} breached on appeal {}, which this service never routed",
                    event.kind(),
                    event.appealId());
            return;
        }
        int first = jdbc.update(
                "INSERT INTO handled_breach (appeal_id, kind, due_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                event.appealId(),
                event.kind().name(),
                Timestamp.from(event.dueAt()));
        if (first == 0) {
            return; // this breach escalated already
        }
        try {
            commands.send(new EscalateAppealCommand(
                    event.appealId(), null, event.kind().name(), false, Instant.now()));
        } catch (RuleViolation | NotAccessible | AggregateNotFoundException refused) {
            log.warn(
                    "Appeal {} not escalated after its {} deadline: {}",
                    event.appealId(),
                    event.kind(),
                    refused.getMessage());
        }
    }
}
