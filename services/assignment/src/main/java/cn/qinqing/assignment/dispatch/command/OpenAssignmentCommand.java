package cn.qinqing.assignment.dispatch.command;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.IndustryChainPosition;
import cn.qinqing.language.Urgency;
import cn.qinqing.language.assignment.RoutingMode;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Opens the assignment of a filed appeal: dispatched to the department a breakfast meeting's decision named, else by
 * the matching rule, or queued for the dispatcher.
 *
 * @param routedDepartmentId the department the routing rules chose, or null when none matched
 * @param ruleId the rule that chose it
 * @param designatedDepartmentId the owner department a breakfast meeting's decision named for the action item this
 *     appeal was raised from (牵头部门), known to the directory; null for any other appeal. It wins over the rules.
 * @param designatedLeaderId the responsible leader (责任领导) the decision named, known to the directory; they are in
 *     charge of the appeal from the start. Null when none.
 * @param designatedBy what designated the department: {@code MEETING_DECISION} for a meeting's action item,
 *     {@code KEY_PROJECT} for a key project's blocker (the project's department and leader)
 */
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
        String designatedDepartmentId,
        String designatedLeaderId,
        Instant openedAt,
        RoutingMode designatedBy) {

    /** An assignment whose designation, if any, comes from a breakfast meeting's decision. */
    public OpenAssignmentCommand(
            UUID appealId,
            String enterpriseId,
            AppealCategory category,
            Urgency urgency,
            IndustryChainPosition chainPosition,
            String district,
            boolean manualDispatch,
            String routedDepartmentId,
            UUID ruleId,
            String designatedDepartmentId,
            String designatedLeaderId,
            Instant openedAt) {
        this(
                appealId,
                enterpriseId,
                category,
                urgency,
                chainPosition,
                district,
                manualDispatch,
                routedDepartmentId,
                ruleId,
                designatedDepartmentId,
                designatedLeaderId,
                openedAt,
                RoutingMode.MEETING_DECISION);
    }

    @TargetAggregateIdentifier
    public UUID assignmentId() {
        return Assignment.idFor(appealId);
    }
}
