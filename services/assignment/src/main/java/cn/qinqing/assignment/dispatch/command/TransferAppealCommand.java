package cn.qinqing.assignment.dispatch.command;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The holding department hands the appeal to another department (转办), with the reason. */
public record TransferAppealCommand(
        UUID appealId,
        Long expectedVersion,
        String officialId,
        String officialDepartmentId,
        String toDepartmentId,
        String reason,
        Instant transferredAt) {

    @TargetAggregateIdentifier
    public UUID assignmentId() {
        return Assignment.idFor(appealId);
    }
}
