package cn.qinqing.assignment.directory.command;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ChangeRoutingRuleCommand(
        @TargetAggregateIdentifier UUID ruleId,
        Long expectedVersion,
        RoutingConditions conditions,
        String departmentId,
        Instant at) {}
