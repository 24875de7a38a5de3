package cn.qinqing.assignment.directory.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.qinqing.language.directory.LeaderChangedEvent;
import cn.qinqing.language.directory.LeaderRank;
import cn.qinqing.language.directory.LeaderRegisteredEvent;
import cn.qinqing.platform.domain.RuleViolation;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A leader (领导) and their place in the chain of command: escalation goes to the superior. */
@Aggregate(type = "Leader")
public class Leader {

    @AggregateIdentifier
    private String aggregateId;

    private String leaderId;
    private String name;
    private String title;
    private LeaderRank rank;
    private String departmentId;
    private String superiorLeaderId;

    protected Leader() {
        // for Axon
    }

    public static String aggregateId(String leaderId) {
        return "leader:" + leaderId;
    }

    @CommandHandler
    public Leader(RegisterLeaderCommand command) {
        requireNotOwnSuperior(command.leaderId(), command.superiorLeaderId());
        apply(new LeaderRegisteredEvent(
                command.leaderId(),
                command.name(),
                command.title(),
                command.rank(),
                command.departmentId(),
                command.superiorLeaderId(),
                command.at()));
    }

    /** @return the leader's version after the change */
    @CommandHandler
    long handle(ChangeLeaderCommand command) {
        long version = Versions.require("leader", command.expectedVersion());
        requireNotOwnSuperior(leaderId, command.superiorLeaderId());
        if (name.equals(command.name())
                && title.equals(command.title())
                && rank == command.rank()
                && Objects.equals(departmentId, command.departmentId())
                && Objects.equals(superiorLeaderId, command.superiorLeaderId())) {
            return version;
        }
        apply(new LeaderChangedEvent(
                leaderId,
                command.name(),
                command.title(),
                command.rank(),
                command.departmentId(),
                command.superiorLeaderId(),
                superiorLeaderId,
                command.at()));
        return version + 1;
    }

    private static void requireNotOwnSuperior(String leaderId, String superiorLeaderId) {
        if (leaderId.equals(superiorLeaderId)) {
            throw new RuleViolation("leader-cycle", "A leader cannot be their own superior.");
        }
    }

    @EventSourcingHandler
    void on(LeaderRegisteredEvent event) {
        aggregateId = aggregateId(event.leaderId());
        leaderId = event.leaderId();
        name = event.name();
        title = event.title();
        rank = event.rank();
        departmentId = event.departmentId();
        superiorLeaderId = event.superiorLeaderId();
    }

    @EventSourcingHandler
    void on(LeaderChangedEvent event) {
        name = event.name();
        title = event.title();
        rank = event.rank();
        departmentId = event.departmentId();
        superiorLeaderId = event.superiorLeaderId();
    }
}
