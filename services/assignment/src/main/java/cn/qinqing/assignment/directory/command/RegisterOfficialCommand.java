package cn.qinqing.assignment.directory.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RegisterOfficialCommand(String officialId, String name, String departmentId, Instant at) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return Official.aggregateId(officialId);
    }
}
