package cn.qinqing.appeals.appeal.reaction;

import cn.qinqing.appeals.appeal.command.FileAppealCommand;
import cn.qinqing.language.Ids;
import cn.qinqing.language.appeal.AppealSource;
import cn.qinqing.language.appeal.MeetingReference;
import cn.qinqing.language.meeting.ActionItemRaisedEvent;
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
 * A breakfast meeting's action item becomes an appeal filed on the enterprise's behalf (source
 * {@code BREAKFAST_MEETING}, linked back to the meeting and the item), so that it goes through dispatch, the SLA clock
 * and close-out like any appeal. The appeal's id is derived from the action item's, so a redelivered event addresses
 * the same appeal and its second filing is refused by the event store, which is ignored here. Never re-run on a
 * replay. The appeal is not queued for manual dispatch: the assignment service sends it to the owner department the
 * meeting's event names.
 *
 * <p>The command is sent from a thread of its own so that it commits in its own unit of work and transaction: sent
 * from the processor's thread, it would join the processor's batch, and a duplicate filing would fail that whole batch
 * at its commit instead of here, where it can be recognised and ignored.
 */
@Component
@ProcessingGroup(FilingAppealsForActionItems.GROUP)
@DisallowReplay
class FilingAppealsForActionItems implements DisposableBean {

    static final String GROUP = "appeals-meeting-action-items";
    private final FilingOnBehalf filing;

    FilingAppealsForActionItems(CommandGateway commands) {
        this.filing = new FilingOnBehalf(commands, GROUP);
    }

    /** The appeal an action item becomes; the meetings service derives the same id. */
    static UUID appealFor(UUID actionItemId) {
        return Ids.derive("meeting-action-item", actionItemId.toString());
    }

    @EventHandler
    void on(ActionItemRaisedEvent event, EventMessage<?> message) {
        FileAppealCommand command = new FileAppealCommand(
                appealFor(event.actionItemId()),
                event.enterpriseId(),
                event.title(),
                event.description(),
                event.category(),
                event.urgency(),
                List.of(),
                AppealSource.BREAKFAST_MEETING,
                new MeetingReference(event.meetingId(), event.actionItemId()),
                false,
                event.raisedAt());
        filing.file(command, message);
    }

    @Override
    public void destroy() {
        filing.close();
    }
}
