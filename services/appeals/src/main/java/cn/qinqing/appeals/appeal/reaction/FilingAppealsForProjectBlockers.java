package cn.qinqing.appeals.appeal.reaction;

import cn.qinqing.appeals.appeal.command.FileAppealCommand;
import cn.qinqing.language.Ids;
import cn.qinqing.language.appeal.AppealSource;
import cn.qinqing.language.project.BlockerRaisedEvent;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * A blocker (堵点) raised on a key project becomes an appeal filed on the investing enterprise's behalf (source
 * {@code KEY_PROJECT}), so that it goes through dispatch, the SLA clock and close-out like any appeal; the assignment
 * service sends it to the project's department with the project's leader in charge. Works exactly like
 * {@link FilingAppealsForActionItems}: the appeal's id is derived from the blocker's, a redelivered event's second
 * filing is refused by the event store and ignored here, the command commits on a thread of its own, and the group
 * never replays.
 */
@Component
@ProcessingGroup(FilingAppealsForProjectBlockers.GROUP)
@DisallowReplay
class FilingAppealsForProjectBlockers implements DisposableBean {

    static final String GROUP = "appeals-project-blockers";
    private final FilingOnBehalf filing;

    FilingAppealsForProjectBlockers(CommandGateway commands) {
        this.filing = new FilingOnBehalf(commands, GROUP);
    }

    /** The appeal a blocker becomes; the projects service derives the same id. */
    static UUID appealFor(UUID blockerId) {
        return Ids.derive("project-blocker", blockerId.toString());
    }

    @EventHandler
    void on(BlockerRaisedEvent event, EventMessage<?> message) {
        FileAppealCommand command = new FileAppealCommand(
                appealFor(event.blockerId()),
                event.enterpriseId(),
                event.title(),
                "【重点项目 Key project：" + event.projectName() + "】\n" + event.description(),
                event.category(),
                event.urgency(),
                List.of(),
                AppealSource.KEY_PROJECT,
                null,
                false,
                event.raisedAt());
        filing.file(command, message);
    }

    @Override
    public void destroy() {
        filing.close();
    }
}
