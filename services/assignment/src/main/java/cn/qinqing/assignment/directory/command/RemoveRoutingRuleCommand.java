package cn.qinqing.assignment.directory.command;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RemoveRoutingRuleCommand(@TargetAggregateIdentifier UUID ruleId, Long expectedVersion, Instant at) {}
