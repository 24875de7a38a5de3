package cn.qinqing.assignment.dispatch.command;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The holding department sends the appeal back to dispatch (退回). */
public record ReturnAppealCommand(
        UUID appealId,
        Long expectedVersion,
        String officialId,
        String officialDepartmentId,
        String reason,
        Instant returnedAt) {

    @TargetAggregateIdentifier
    public UUID assignmentId() {
        return Assignment.idFor(appealId);
    }
}
