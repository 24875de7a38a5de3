package cn.qinqing.assignment.dispatch.command;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A dispatcher routes a queued appeal, or overrides the route of one not yet signed for. */
public record DispatchAppealCommand(UUID appealId, Long expectedVersion, String departmentId, Instant dispatchedAt) {

    @TargetAggregateIdentifier
    public UUID assignmentId() {
        return Assignment.idFor(appealId);
    }
}
