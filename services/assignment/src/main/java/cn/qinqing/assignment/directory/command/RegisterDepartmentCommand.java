package cn.qinqing.assignment.directory.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RegisterDepartmentCommand(String departmentId, String name, String parentDepartmentId, Instant at) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return Department.aggregateId(departmentId);
    }
}
