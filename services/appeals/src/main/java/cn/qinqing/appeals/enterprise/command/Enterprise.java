package cn.qinqing.appeals.enterprise.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.qinqing.language.UnifiedSocialCreditCode;
import cn.qinqing.language.enterprise.EnterpriseRegisteredEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An enterprise on the platform, identified by its Unified Social Credit Code: registering the same code twice is
 * refused by the event store, since the code is the aggregate's identifier.
 */
@Aggregate(type = "Enterprise")
public class Enterprise {

    @AggregateIdentifier
    private String enterpriseId;

    protected Enterprise() {
        // for Axon
    }

    @CommandHandler
    public Enterprise(RegisterEnterpriseCommand command) {
        UnifiedSocialCreditCode.of(command.enterpriseId()); // a code that fails its check never becomes an id
        apply(new EnterpriseRegisteredEvent(
                command.enterpriseId(),
                command.name(),
                command.chainPosition(),
                command.district(),
                command.contact(),
                command.registeredAt()));
    }

    @EventSourcingHandler
    void on(EnterpriseRegisteredEvent event) {
        enterpriseId = event.enterpriseId();
    }
}
