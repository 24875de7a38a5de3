package cn.qinqing.assignment.dispatch.command;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Nobody holds the appeal any more. Closing a closed assignment changes nothing.
 *
 * @param reason CASE_CLOSED or APPEAL_WITHDRAWN */
public record CloseAssignmentCommand(UUID appealId, String reason, Instant closedAt) {

    @TargetAggregateIdentifier
    public UUID assignmentId() {
        return Assignment.idFor(appealId);
    }
}
