package cn.qinqing.appeals.appeal.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.qinqing.language.appeal.AppealFiledEvent;
import cn.qinqing.language.appeal.AppealSupplementedEvent;
import cn.qinqing.language.appeal.AppealWithdrawnEvent;
import cn.qinqing.platform.domain.NotAccessible;
import cn.qinqing.platform.domain.RuleViolation;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.spring.stereotype.Aggregate;

/** An enterprise's appeal (诉求): what it asked for and whether it may still be changed by the enterprise. */
@Aggregate(type = "Appeal")
public class Appeal {

    @AggregateIdentifier
    private UUID appealId;

    private String enterpriseId;
    private AppealStatus status;

    protected Appeal() {
        // for Axon
    }

    @CommandHandler
    public Appeal(FileAppealCommand command) {
        apply(new AppealFiledEvent(
                command.appealId(),
                command.enterpriseId(),
                command.title(),
                command.description(),
                command.category(),
                command.urgency(),
                command.attachments(),
                command.source(),
                command.meeting(),
                command.manualDispatch(),
                command.filedAt()));
    }

    @CommandHandler
    void handle(SupplementAppealCommand command) {
        requireOwnedBy(command.enterpriseId());
        requireVersion(command.expectedVersion());
        if (status == AppealStatus.WITHDRAWN) {
            throw new RuleViolation("appeal-withdrawn", "The appeal was withdrawn; file a new one instead.");
        }
        apply(new AppealSupplementedEvent(
                appealId, enterpriseId, command.text(), command.attachments(), command.supplementedAt()));
    }

    @CommandHandler
    void handle(WithdrawAppealCommand command) {
        requireOwnedBy(command.enterpriseId());
        requireVersion(command.expectedVersion());
        if (status == AppealStatus.WITHDRAWN) {
            throw new RuleViolation("appeal-withdrawn", "The appeal was already withdrawn.");
        }
        apply(new AppealWithdrawnEvent(appealId, enterpriseId, command.reason(), command.withdrawnAt()));
    }

    /** Another enterprise learns nothing, not even that the appeal exists. */
    private void requireOwnedBy(String callerEnterprise) {
        if (!enterpriseId.equals(callerEnterprise)) {
            throw new NotAccessible("appeal " + appealId);
        }
    }

    /**
     * An update names the version it was based on, and only that exact version may be updated (Axon alone would
     * also accept a version from the future).
     */
    private static void requireVersion(Long expected) {
        Long actual = AggregateLifecycle.getVersion();
        if (expected == null || !expected.equals(actual)) {
            throw new ConflictingAggregateVersionException(
                    "appeal", expected == null ? -1 : expected, actual == null ? -1 : actual);
        }
    }

    @EventSourcingHandler
    void on(AppealFiledEvent event) {
        appealId = event.appealId();
        enterpriseId = event.enterpriseId();
        status = AppealStatus.OPEN;
    }

    @EventSourcingHandler
    void on(AppealWithdrawnEvent event) {
        status = AppealStatus.WITHDRAWN;
    }
}
