package cn.qinqing.assignment.directory.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.qinqing.language.directory.OfficialChangedEvent;
import cn.qinqing.language.directory.OfficialRegisteredEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An official (经办人) and the one department they belong to. What an official may act on is decided by the
 * department in their token; this record is the city's directory of who works where.
 */
@Aggregate(type = "Official")
public class Official {

    @AggregateIdentifier
    private String aggregateId;

    private String officialId;
    private String name;
    private String departmentId;

    protected Official() {
        // for Axon
    }

    public static String aggregateId(String officialId) {
        return "official:" + officialId;
    }

    @CommandHandler
    public Official(RegisterOfficialCommand command) {
        apply(new OfficialRegisteredEvent(command.officialId(), command.name(), command.departmentId(), command.at()));
    }

    /** @return the official's version after the change */
    @CommandHandler
    long handle(ChangeOfficialCommand command) {
        long version = Versions.require("official", command.expectedVersion());
        if (name.equals(command.name()) && departmentId.equals(command.departmentId())) {
            return version;
        }
        apply(new OfficialChangedEvent(officialId, command.name(), command.departmentId(), departmentId, command.at()));
        return version + 1;
    }

    @EventSourcingHandler
    void on(OfficialRegisteredEvent event) {
        aggregateId = aggregateId(event.officialId());
        officialId = event.officialId();
        name = event.name();
        departmentId = event.departmentId();
    }

    @EventSourcingHandler
    void on(OfficialChangedEvent event) {
        name = event.name();
        departmentId = event.departmentId();
    }
}
