package cn.qinqing.assignment.dispatch.reaction;

import cn.qinqing.assignment.dispatch.command.CloseAssignmentCommand;
import cn.qinqing.language.resolution.CaseFileClosedEvent;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Closes the assignment when the case is closed out (销号): no dispatch, transfer or escalation after that. Closing
 * twice changes nothing, so a redelivered event is harmless. (A withdrawal closes it too, in the routing group.)
 */
@Component
@ProcessingGroup(EscalatingOverdueAppeals.GROUP)
@DisallowReplay
class ClosingFinishedAssignments {

    static final String CASE_CLOSED = "CASE_CLOSED";
    static final String APPEAL_WITHDRAWN = "APPEAL_WITHDRAWN";

    private final ServiceCommands commands;
    private final ClaimingAppealRoutings routed;

    ClosingFinishedAssignments(ServiceCommands commands, ClaimingAppealRoutings routed) {
        this.commands = commands;
        this.routed = routed;
    }

    @EventHandler
    void on(CaseFileClosedEvent event) {
        if (routed.isRouted(event.appealId())) {
            commands.send(new CloseAssignmentCommand(event.appealId(), CASE_CLOSED, Instant.now()));
        }
    }
}
