package cn.qinqing.assignment.dispatch.command;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** @param officialDepartmentId the department of the official, from their token */
public record SignForAppealCommand(
        UUID appealId, Long expectedVersion, String officialId, String officialDepartmentId, Instant signedAt) {

    @TargetAggregateIdentifier
    public UUID assignmentId() {
        return Assignment.idFor(appealId);
    }
}
