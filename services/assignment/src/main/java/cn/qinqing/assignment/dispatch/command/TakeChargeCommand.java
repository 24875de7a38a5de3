package cn.qinqing.assignment.dispatch.command;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A leader personally takes charge of the appeal (领办). */
public record TakeChargeCommand(UUID appealId, Long expectedVersion, String leaderId, Instant tookChargeAt) {

    @TargetAggregateIdentifier
    public UUID assignmentId() {
        return Assignment.idFor(appealId);
    }
}
