package cn.qinqing.assignment.assignment.command;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.IndustryChainPosition;
import cn.qinqing.language.Urgency;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Opens the assignment of a filed appeal: dispatched by the matching rule, or queued for the dispatcher.
 *
 * @param routedDepartmentId the department the routing rules chose, or null when none matched
 * @param ruleId the rule that chose it */
public record OpenAssignmentCommand(
        UUID appealId,
        String enterpriseId,
        AppealCategory category,
        Urgency urgency,
        IndustryChainPosition chainPosition,
        String district,
        boolean manualDispatch,
        String routedDepartmentId,
        UUID ruleId,
        Instant openedAt) {

    @TargetAggregateIdentifier
    public UUID assignmentId() {
        return Assignment.idFor(appealId);
    }
}
