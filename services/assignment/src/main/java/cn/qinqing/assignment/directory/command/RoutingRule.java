package cn.qinqing.assignment.directory.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.qinqing.language.directory.RoutingRuleAddedEvent;
import cn.qinqing.language.directory.RoutingRuleChangedEvent;
import cn.qinqing.language.directory.RoutingRuleRemovedEvent;
import cn.qinqing.platform.domain.RuleViolation;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One routing rule (派单规则): which department appeals matching its conditions go to. Its events say from when to
 * when it read how, which is what lets the service show the routing in force at any past instant.
 */
@Aggregate(type = "RoutingRule")
public class RoutingRule {

    @AggregateIdentifier
    private UUID ruleId;

    private RoutingConditions conditions;
    private String departmentId;
    private boolean removed;

    protected RoutingRule() {
        // for Axon
    }

    @CommandHandler
    public RoutingRule(AddRoutingRuleCommand command) {
        requireWellFormed(command.conditions());
        RoutingConditions conditions = command.conditions();
        apply(new RoutingRuleAddedEvent(
                command.ruleId(),
                conditions.category(),
                conditions.chainPosition(),
                conditions.district(),
                command.departmentId(),
                command.at()));
    }

    /** @return the rule's version after the change */
    @CommandHandler
    long handle(ChangeRoutingRuleCommand command) {
        long version = Versions.require("routing rule", command.expectedVersion());
        requireInForce();
        requireWellFormed(command.conditions());
        if (conditions.equals(command.conditions()) && departmentId.equals(command.departmentId())) {
            return version;
        }
        RoutingConditions next = command.conditions();
        apply(new RoutingRuleChangedEvent(
                ruleId,
                next.category(),
                next.chainPosition(),
                next.district(),
                command.departmentId(),
                departmentId,
                command.at()));
        return version + 1;
    }

    /** @return the rule's version after the removal */
    @CommandHandler
    long handle(RemoveRoutingRuleCommand command) {
        long version = Versions.require("routing rule", command.expectedVersion());
        requireInForce();
        apply(new RoutingRuleRemovedEvent(
                ruleId,
                conditions.category(),
                conditions.chainPosition(),
                conditions.district(),
                departmentId,
                command.at()));
        return version + 1;
    }

    private void requireInForce() {
        if (removed) {
            throw new RuleViolation("routing-rule-removed", "The routing rule was removed; add a new one instead.");
        }
    }

    private static void requireWellFormed(RoutingConditions conditions) {
        if (!conditions.isWellFormed()) {
            throw new RuleViolation(
                    "default-rule-with-conditions",
                    "A rule without a category is the default rule and cannot name a chain position or district.");
        }
    }

    @EventSourcingHandler
    void on(RoutingRuleAddedEvent event) {
        ruleId = event.ruleId();
        conditions = new RoutingConditions(event.category(), event.chainPosition(), event.district());
        departmentId = event.departmentId();
    }

    @EventSourcingHandler
    void on(RoutingRuleChangedEvent event) {
        conditions = new RoutingConditions(event.category(), event.chainPosition(), event.district());
        departmentId = event.departmentId();
    }

    @EventSourcingHandler
    void on(RoutingRuleRemovedEvent event) {
        removed = true;
    }
}
