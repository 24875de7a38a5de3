package cn.qinqing.assignment.dispatch.reaction;

import cn.qinqing.assignment.dispatch.command.MeetSupervisionNoticesCommand;
import cn.qinqing.language.appeal.AppealAnsweredEvent;
import cn.qinqing.language.resolution.ResolutionSubmittedEvent;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * A supervision notice (督办) is met once the appeal is answered after it was issued, as oversight counts it: the
 * answer stops the notices' clocks. Meeting them twice changes nothing, so a redelivered answer is harmless.
 */
@Component
@ProcessingGroup(EscalatingOverdueAppeals.GROUP)
@DisallowReplay
class MeetingSupervisionNotices {

    private final ServiceCommands commands;
    private final ClaimingAppealRoutings routed;

    MeetingSupervisionNotices(ServiceCommands commands, ClaimingAppealRoutings routed) {
        this.commands = commands;
        this.routed = routed;
    }

    @EventHandler
    void on(ResolutionSubmittedEvent event) {
        meet(event.appealId(), event.submittedAt());
    }

    @EventHandler
    void on(AppealAnsweredEvent event) {
        meet(event.appealId(), event.answeredAt());
    }

    private void meet(UUID appeal, Instant answeredAt) {
        if (routed.isRouted(appeal)) {
            commands.send(new MeetSupervisionNoticesCommand(appeal, answeredAt));
        }
    }
}
