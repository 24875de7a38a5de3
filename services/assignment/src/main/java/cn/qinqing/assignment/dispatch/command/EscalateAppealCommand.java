package cn.qinqing.assignment.dispatch.command;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Escalate to the next leader up.
 *
 * @param expectedVersion the version a person read; null for the reaction to a breached deadline
 * @param requested true when a person asked for it: then escalating past the top is refused; a reaction instead
 *     leaves an appeal that is already at the top where it is */
public record EscalateAppealCommand(
        UUID appealId, Long expectedVersion, String cause, boolean requested, Instant escalatedAt) {

    @TargetAggregateIdentifier
    public UUID assignmentId() {
        return Assignment.idFor(appealId);
    }
}
