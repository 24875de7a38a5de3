package cn.qinqing.assignment.directory.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.qinqing.language.directory.EnterpriseLiaisonChangedEvent;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * How the city looks after one enterprise: its liaison leader (包联领导) and whether it is a key enterprise. Its own
 * aggregate, since the enterprise itself belongs to the appeals service.
 */
@Aggregate(type = "EnterpriseLiaison")
public class EnterpriseLiaison {

    @AggregateIdentifier
    private String aggregateId;

    private String enterpriseId;
    private String liaisonLeaderId;
    private boolean keyEnterprise;

    protected EnterpriseLiaison() {
        // for Axon
    }

    public static String aggregateId(String enterpriseId) {
        return "liaison:" + enterpriseId;
    }

    @CommandHandler
    public EnterpriseLiaison(AssignLiaisonCommand command) {
        apply(new EnterpriseLiaisonChangedEvent(
                command.enterpriseId(), command.liaisonLeaderId(), command.keyEnterprise(), null, command.at()));
    }

    /** @return the version after the change */
    @CommandHandler
    long handle(ChangeLiaisonCommand command) {
        long version = Versions.require("liaison", command.expectedVersion());
        if (Objects.equals(liaisonLeaderId, command.liaisonLeaderId()) && keyEnterprise == command.keyEnterprise()) {
            return version;
        }
        apply(new EnterpriseLiaisonChangedEvent(
                enterpriseId, command.liaisonLeaderId(), command.keyEnterprise(), liaisonLeaderId, command.at()));
        return version + 1;
    }

    @EventSourcingHandler
    void on(EnterpriseLiaisonChangedEvent event) {
        aggregateId = aggregateId(event.enterpriseId());
        enterpriseId = event.enterpriseId();
        liaisonLeaderId = event.liaisonLeaderId();
        keyEnterprise = event.keyEnterprise();
    }
}
