package cn.qinqing.assignment.directory.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ChangeDepartmentCommand(
        String departmentId, Long expectedVersion, String name, String parentDepartmentId, Instant at) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return Department.aggregateId(departmentId);
    }
}
