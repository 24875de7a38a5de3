package cn.qinqing.assignment.dispatch.reaction;

import cn.qinqing.assignment.directory.query.Directory;
import cn.qinqing.assignment.directory.query.EnterpriseView;
import cn.qinqing.assignment.directory.query.Enterprises;
import cn.qinqing.assignment.directory.query.RoutingPolicy;
import cn.qinqing.assignment.directory.query.RoutingRuleView;
import cn.qinqing.assignment.directory.query.RoutingRules;
import cn.qinqing.assignment.dispatch.command.CloseAssignmentCommand;
import cn.qinqing.assignment.dispatch.command.OpenAssignmentCommand;
import cn.qinqing.assignment.dispatch.reaction.RememberingMeetingDecisions.Decision;
import cn.qinqing.language.appeal.AppealFiledEvent;
import cn.qinqing.language.appeal.AppealSource;
import cn.qinqing.language.appeal.AppealWithdrawnEvent;
import cn.qinqing.language.assignment.RoutingMode;
import cn.qinqing.language.enterprise.EnterpriseRegisteredEvent;
import cn.qinqing.language.meeting.ActionItemRaisedEvent;
import cn.qinqing.language.project.BlockerRaisedEvent;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AllowReplay;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Routes every filed appeal (自动派单): opens its assignment, dispatched by the routing rules in force or queued for the
 * dispatcher. Runs once per appeal: the assignment's id is derived from the appeal's, a guard row written in the same
 * transaction as the command's events refuses a second routing of the same appeal, and the group never replays.
 *
 * <p>An appeal raised from a breakfast meeting's action item (source {@code BREAKFAST_MEETING}) goes straight to the
 * owner department the meeting's decision named (mode {@code MEETING_DECISION}), and the responsible leader it named is
 * in charge from the start. The rules decide when the directory does not know that department; a leader it does not
 * know is left out. An appeal raised as a key project's blocker (source {@code KEY_PROJECT}) goes the same way to the
 * project's department (mode {@code KEY_PROJECT}), with the project's responsible leader in charge.
 *
 * <p>Its processing group handles each enterprise's events in stream order (see the service configuration), and it
 * records each enterprise's registration, each action item's decision and each blocker's project itself, so that an appeal never overtakes its
 * enterprise's chain position and district, nor the meeting decision it was raised from.
 */
@Component
@ProcessingGroup(RoutingFiledAppeals.GROUP)
@DisallowReplay
class RoutingFiledAppeals {

    static final String GROUP = "assignment-routing";
    private static final Logger log = LoggerFactory.getLogger(RoutingFiledAppeals.class);

    private final ServiceCommands commands;
    private final Enterprises enterprises;
    private final RoutingRules rules;
    private final ClaimingAppealRoutings routed;
    private final RememberingMeetingDecisions meetingItems;
    private final RememberingProjectBlockers projectBlockers;
    private final Directory directory;

    RoutingFiledAppeals(
            ServiceCommands commands,
            Enterprises enterprises,
            RoutingRules rules,
            ClaimingAppealRoutings routed,
            RememberingMeetingDecisions meetingItems,
            RememberingProjectBlockers projectBlockers,
            Directory directory) {
        this.commands = commands;
        this.enterprises = enterprises;
        this.rules = rules;
        this.routed = routed;
        this.meetingItems = meetingItems;
        this.projectBlockers = projectBlockers;
        this.directory = directory;
    }

    @EventHandler
    void on(EnterpriseRegisteredEvent event) {
        enterprises.remember(event);
    }

    @EventHandler
    void on(ActionItemRaisedEvent event) {
        meetingItems.remember(event);
    }

    /**
     * Remembered on a replay too (idempotent): Axon starts a new group with a replay up to the head, so a blocker raised
     * before this service first started would otherwise be forgotten and its appeal routed without the project's leader.
     */
    @EventHandler
    @AllowReplay
    void on(BlockerRaisedEvent event) {
        projectBlockers.remember(event);
    }

    @EventHandler
    void on(AppealFiledEvent event) {
        if (!routed.claim(event.appealId())) {
            log.debug("Appeal {} was routed already; ignoring the redelivered filing", event.appealId());
            return;
        }
        Optional<EnterpriseView> enterprise = enterprises.find(event.enterpriseId());
        var chainPosition = enterprise.map(EnterpriseView::chainPosition).orElse(null);
        String district = enterprise.map(EnterpriseView::district).orElse(null);
        boolean blocker = event.source() == AppealSource.KEY_PROJECT;
        Optional<Decision> decision = blocker ? projectDecision(event) : meetingDecision(event);
        String designatedDepartment = decision.map(Decision::ownerDepartmentId)
                .filter(department -> known(department, event))
                .orElse(null);
        String designatedLeader = decision.map(Decision::responsibleLeaderId)
                .filter(this::knownLeader)
                .orElse(null);
        Optional<RoutingRuleView> rule = event.manualDispatch() || designatedDepartment != null
                ? Optional.empty()
                : RoutingPolicy.route(rules.inForce(), event.category(), chainPosition, district);
        try {
            commands.send(new OpenAssignmentCommand(
                    event.appealId(),
                    event.enterpriseId(),
                    event.category(),
                    event.urgency(),
                    chainPosition,
                    district,
                    event.manualDispatch(),
                    rule.map(RoutingRuleView::departmentId).orElse(null),
                    rule.map(RoutingRuleView::ruleId).orElse(null),
                    designatedDepartment,
                    designatedLeader,
                    Instant.now(),
                    blocker ? RoutingMode.KEY_PROJECT : RoutingMode.MEETING_DECISION));
        } catch (AggregateStreamCreationException alreadyOpen) {
            // opened by an earlier delivery whose guard row was lost with a reset schema: the store already has it
            log.debug("Assignment of appeal {} exists already", event.appealId());
        }
    }

    /** The meeting's decision for an appeal raised from an action item, if this service saw the item raised. */
    private Optional<Decision> meetingDecision(AppealFiledEvent event) {
        if (event.source() != AppealSource.BREAKFAST_MEETING || event.meeting() == null) {
            return Optional.empty();
        }
        Optional<Decision> decision = meetingItems.decisionFor(event.appealId(), event.meeting());
        if (decision.isEmpty()) {
            log.warn(
                    "Appeal {} comes from meeting item {}, whose decision this service never saw; routing by the rules",
                    event.appealId(),
                    event.meeting().actionItemId());
            return Optional.empty();
        }
        return decision;
    }

    /** The project's department and leader for an appeal raised as its blocker, if this service saw it raised. */
    private Optional<Decision> projectDecision(AppealFiledEvent event) {
        Optional<Decision> decision = projectBlockers.decisionFor(event.appealId());
        if (decision.isEmpty()) {
            log.warn(
                    "Appeal {} comes from a key project's blocker this service never saw; routing by the rules",
                    event.appealId());
        }
        return decision;
    }

    private boolean known(String department, AppealFiledEvent event) {
        if (directory.hasDepartment(department)) {
            return true;
        }
        log.warn(
                "Appeal {}: the meeting named department {}, which is not in the directory; routing by the rules",
                event.appealId(),
                department);
        return false;
    }

    private boolean knownLeader(String leaderId) {
        if (directory.hasLeader(leaderId)) {
            return true;
        }
        log.warn("The meeting named leader {}, who is not in the directory; nobody takes charge", leaderId);
        return false;
    }

    /**
     * A withdrawn appeal needs nobody any more. Handled here rather than with the other closings because this group
     * sees the stream in order: the withdrawal can never overtake the filing it withdraws.
     */
    @EventHandler
    void on(AppealWithdrawnEvent event) {
        if (routed.isRouted(event.appealId())) {
            commands.send(new CloseAssignmentCommand(
                    event.appealId(), ClosingFinishedAssignments.APPEAL_WITHDRAWN, Instant.now()));
        }
    }
}
