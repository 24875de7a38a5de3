package cn.qinqing.assignment.dispatch.command;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The appeal was answered: every supervision notice still open on it is met and its clock stops. */
public record MeetSupervisionNoticesCommand(UUID appealId, Instant answeredAt) {

    @TargetAggregateIdentifier
    public UUID assignmentId() {
        return Assignment.idFor(appealId);
    }
}
