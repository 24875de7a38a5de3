package cn.qinqing.assignment.directory.command;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AddRoutingRuleCommand(
        @TargetAggregateIdentifier UUID ruleId, RoutingConditions conditions, String departmentId, Instant at) {}
