package cn.qinqing.appeals.appeal.reaction;

import cn.qinqing.appeals.appeal.command.AnswerAppealCommand;
import cn.qinqing.appeals.appeal.command.CloseAppealCommand;
import cn.qinqing.language.resolution.CaseFileClosedEvent;
import cn.qinqing.language.resolution.ResolutionSubmittedEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

/**
 * What the resolution service decides reaches the enterprise's appeal: a submitted answer is shown (and the rating
 * window opens), a closed-out case closes the appeal. Both commands address the appeal itself and are idempotent
 * there (an answer of a round already shown, or a second close, changes nothing), so redelivery is harmless; never
 * re-run on a replay.
 */
@Component
@ProcessingGroup(AnsweringAndClosingAppeals.GROUP)
@DisallowReplay
class AnsweringAndClosingAppeals {

    static final String GROUP = "appeals-resolution-reactions";

    private final CommandGateway commands;

    AnsweringAndClosingAppeals(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(ResolutionSubmittedEvent event) {
        send(new AnswerAppealCommand(
                event.appealId(),
                event.departmentId(),
                event.round(),
                event.answer(),
                event.outcome(),
                event.reason(),
                event.policyBasis(),
                event.submittedAt()));
    }

    @EventHandler
    void on(CaseFileClosedEvent event) {
        send(new CloseAppealCommand(event.appealId(), event.closedAt()));
    }

    private void send(Object command) {
        try {
            commands.sendAndWait(command);
        } catch (AggregateNotFoundException unknownAppeal) {
            // an appeal this store never saw filed (test data of another service): nothing to show
        }
    }
}
