package cn.qinqing.assignment.directory.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.qinqing.language.directory.DepartmentChangedEvent;
import cn.qinqing.language.directory.DepartmentRegisteredEvent;
import cn.qinqing.platform.domain.RuleViolation;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A department (部门) of the city. Its slug is its id everywhere (officials' tokens carry it); the aggregate's own
 * identifier is prefixed, because aggregate identifiers are unique across the whole event store.
 */
@Aggregate(type = "Department")
public class Department {

    @AggregateIdentifier
    private String aggregateId;

    private String departmentId;
    private String name;
    private String parentDepartmentId;

    protected Department() {
        // for Axon
    }

    public static String aggregateId(String departmentId) {
        return "department:" + departmentId;
    }

    @CommandHandler
    public Department(RegisterDepartmentCommand command) {
        if (command.departmentId().equals(command.parentDepartmentId())) {
            throw new RuleViolation("department-cycle", "A department cannot be its own parent.");
        }
        apply(new DepartmentRegisteredEvent(
                command.departmentId(), command.name(), command.parentDepartmentId(), command.at()));
    }

    /** @return the department's version after the change */
    @CommandHandler
    long handle(ChangeDepartmentCommand command) {
        long version = Versions.require("department", command.expectedVersion());
        if (departmentId.equals(command.parentDepartmentId())) {
            throw new RuleViolation("department-cycle", "A department cannot be its own parent.");
        }
        if (name.equals(command.name()) && Objects.equals(parentDepartmentId, command.parentDepartmentId())) {
            return version; // nothing changes, nothing to record
        }
        apply(new DepartmentChangedEvent(
                departmentId, command.name(), command.parentDepartmentId(), name, parentDepartmentId, command.at()));
        return version + 1;
    }

    @EventSourcingHandler
    void on(DepartmentRegisteredEvent event) {
        aggregateId = aggregateId(event.departmentId());
        departmentId = event.departmentId();
        name = event.name();
        parentDepartmentId = event.parentDepartmentId();
    }

    @EventSourcingHandler
    void on(DepartmentChangedEvent event) {
        name = event.name();
        parentDepartmentId = event.parentDepartmentId();
    }
}
