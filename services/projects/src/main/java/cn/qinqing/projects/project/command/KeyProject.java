package cn.qinqing.projects.project.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.qinqing.language.Ids;
import cn.qinqing.language.MetadataKeys;
import cn.qinqing.language.Role;
import cn.qinqing.language.project.BlockerRaisedEvent;
import cn.qinqing.language.project.KeyProjectRegisteredEvent;
import cn.qinqing.language.project.Milestone;
import cn.qinqing.language.project.MilestoneEscalatedEvent;
import cn.qinqing.language.project.MilestoneOverdueEvent;
import cn.qinqing.language.project.MilestoneReachedEvent;
import cn.qinqing.language.project.PlannedMilestone;
import cn.qinqing.language.project.ProjectProgressNotedEvent;
import cn.qinqing.platform.domain.RuleViolation;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A key project (重点项目) at "Baotou speed": its plan from signing to commissioning (达产), the milestones it reached,
 * the progress noted, and the blockers raised on it. Its responsible leader (包联领导) and the leaders and officials of
 * its responsible department record its progress; nobody else changes it. Each milestone's planned day has a clock (a
 * persistent deadline, ADR 0006): a milestone not reached by the end of that day is overdue and escalated to the
 * leader; still not reached a number of working days later ({@link MilestoneEscalation}), it is escalated past the
 * leader to their superior, once.
 *
 * <p>Update handlers answer with the project's new version, which the API hands out as the ETag.
 */
@Aggregate(type = KeyProject.TYPE)
public class KeyProject {

    static final String TYPE = "KeyProject";
    static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final String SYSTEM = "system:projects";

    @AggregateIdentifier
    private UUID projectId;

    private String name;
    private List<String> enterpriseIds;
    private String leaderId;
    private String departmentId;
    private LocalDate signedOn;
    private final Map<Milestone, LocalDate> planned = new EnumMap<>(Milestone.class);
    private final Map<Milestone, LocalDate> reached = new EnumMap<>(Milestone.class);
    private final Set<Milestone> overdue = new HashSet<>();
    private final Set<Milestone> escalated = new HashSet<>();
    private final Set<UUID> blockers = new HashSet<>();

    protected KeyProject() {
        // for Axon
    }

    /** The appeal a blocker becomes; the appeals service derives the same id. */
    public static UUID appealFor(UUID blockerId) {
        return Ids.derive("project-blocker", blockerId.toString());
    }

    @CommandHandler
    public KeyProject(RegisterKeyProjectCommand command, DeadlineManager deadlines) {
        Requester requester = command.requester();
        if (!(requester.role() == Role.ADMIN
                || requester.role() == Role.LEADER
                || (requester.role() == Role.OFFICIAL && command.departmentId().equals(requester.departmentId())))) {
            throw new NotResponsible(
                    "Leaders register key projects; an official only for the department they belong to.");
        }
        if (command.capacity().amount().signum() <= 0) {
            throw new RuleViolation("capacity-invalid", "A project's capacity is more than zero.");
        }
        if (command.investmentCny().signum() <= 0) {
            throw new RuleViolation("investment-invalid", "A project's investment is more than zero yuan.");
        }
        if (command.signedOn().isAfter(command.today())) {
            throw new RuleViolation("signed-in-the-future", "A project is registered once it is signed.");
        }
        checkPlan(command.signedOn(), command.milestones(), command.today());
        List<PlannedMilestone> plan = command.milestones().stream()
                .map(milestone -> new PlannedMilestone(milestone.milestone(), milestone.plannedOn()))
                .toList();
        apply(new KeyProjectRegisteredEvent(
                command.projectId(),
                command.name(),
                command.enterpriseIds(),
                command.chainLink(),
                command.investmentCny(),
                command.capacity(),
                command.site(),
                command.leaderId(),
                command.departmentId(),
                command.signedOn(),
                plan,
                command.registeredAt()));
        // the aggregate's identifier is set only once the constructor returned: name the scope of its deadlines here
        AggregateScopeDescriptor scope = new AggregateScopeDescriptor(TYPE, command.projectId());
        for (MilestoneDate milestone : command.milestones()) {
            if (milestone.reachedOn() != null) {
                apply(new MilestoneReachedEvent(
                        command.projectId(),
                        milestone.milestone(),
                        milestone.plannedOn(),
                        milestone.reachedOn(),
                        null,
                        command.registeredAt()));
            } else {
                deadlines.schedule(
                        endOf(milestone.plannedOn()),
                        MilestoneDeadline.NAME,
                        new MilestoneDeadline(milestone.milestone(), milestone.plannedOn()),
                        scope);
            }
        }
    }

    @CommandHandler
    Long handle(RecordMilestoneCommand command) {
        requireResponsible(command.requester());
        requireVersion(command.expectedVersion());
        Milestone milestone = command.milestone();
        if (milestone == Milestone.SIGNED) {
            throw new RuleViolation(
                    "milestone-signed", "The signing is recorded with the project; it does not change.");
        }
        if (reached.containsKey(milestone)) {
            throw new RuleViolation(
                    "milestone-reached",
                    "This milestone was recorded as reached on " + reached.get(milestone) + "; it stands.");
        }
        Milestone previous = Milestone.values()[milestone.ordinal() - 1];
        if (!reached.containsKey(previous)) {
            throw new RuleViolation(
                    "milestone-out-of-order", "Record " + previous + " first: milestones are reached in order.");
        }
        if (command.reachedOn().isBefore(signedOn)) {
            throw new RuleViolation(
                    "milestone-before-signing",
                    "The project was signed on " + signedOn + "; nothing is reached before.");
        }
        if (command.reachedOn().isBefore(reached.get(previous))) {
            throw new RuleViolation(
                    "milestone-before-previous",
                    previous + " was reached on " + reached.get(previous) + "; this cannot come earlier.");
        }
        if (command.reachedOn().isAfter(command.today())) {
            throw new RuleViolation("milestone-in-the-future", "A milestone is recorded once it is reached.");
        }
        apply(new MilestoneReachedEvent(
                projectId,
                milestone,
                planned.get(milestone),
                command.reachedOn(),
                command.note(),
                command.recordedAt()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    Long handle(NoteProgressCommand command) {
        requireResponsible(command.requester());
        apply(new ProjectProgressNotedEvent(projectId, command.note(), command.notedAt()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    Long handle(RaiseBlockerCommand command) {
        requireResponsible(command.requester());
        if (blockers.contains(command.blockerId())) {
            return AggregateLifecycle.getVersion(); // a retry of a blocker that was raised
        }
        String enterprise = command.enterpriseId() == null ? enterpriseIds.get(0) : command.enterpriseId();
        if (!enterpriseIds.contains(enterprise)) {
            throw new RuleViolation(
                    "enterprise-not-investing", "Enterprise " + enterprise + " does not invest in this project.");
        }
        apply(new BlockerRaisedEvent(
                projectId,
                command.blockerId(),
                appealFor(command.blockerId()),
                name,
                enterprise,
                command.title(),
                command.description(),
                command.category(),
                command.urgency(),
                departmentId,
                leaderId,
                command.raisedAt()));
        return AggregateLifecycle.getVersion();
    }

    /**
     * A milestone's planned day ended: overdue, and escalated to the leader, unless it was reached meanwhile or is
     * overdue already (a redelivered deadline). Its grace before going past the leader starts counting.
     */
    @DeadlineHandler(deadlineName = MilestoneDeadline.NAME)
    void on(MilestoneDeadline deadline, DeadlineManager deadlines, MilestoneEscalation escalation) {
        Milestone milestone = deadline.milestone();
        if (reached.containsKey(milestone)
                || overdue.contains(milestone)
                || !deadline.plannedOn().equals(planned.get(milestone))) {
            return;
        }
        apply(
                new MilestoneOverdueEvent(
                        projectId,
                        milestone,
                        deadline.plannedOn(),
                        leaderId,
                        departmentId,
                        GenericEventMessage.clock.instant()),
                system());
        deadlines.schedule(
                escalation.dueFor(deadline.plannedOn()),
                MilestoneEscalationDeadline.NAME,
                new MilestoneEscalationDeadline(milestone, deadline.plannedOn(), escalation.workingDays()),
                new AggregateScopeDescriptor(TYPE, projectId));
    }

    /**
     * An overdue milestone's grace ran out: escalated past the leader, unless it was reached meanwhile, was escalated
     * already (a redelivered deadline) or was planned anew.
     */
    @DeadlineHandler(deadlineName = MilestoneEscalationDeadline.NAME)
    void on(MilestoneEscalationDeadline deadline) {
        Milestone milestone = deadline.milestone();
        if (reached.containsKey(milestone)
                || escalated.contains(milestone)
                || !deadline.plannedOn().equals(planned.get(milestone))) {
            return;
        }
        apply(
                new MilestoneEscalatedEvent(
                        projectId,
                        milestone,
                        deadline.plannedOn(),
                        deadline.workingDays(),
                        leaderId,
                        departmentId,
                        GenericEventMessage.clock.instant()),
                system());
    }

    /** Nobody acted: a deadline carries no caller of its own. */
    private static MetaData system() {
        return MetaData.with(MetadataKeys.ACTOR, SYSTEM).and(MetadataKeys.ROLE, "SYSTEM");
    }

    /** The instant a planned day ends in Baotou: the milestone is overdue from then. */
    static Instant endOf(LocalDate plannedOn) {
        return plannedOn.plusDays(1).atStartOfDay(CITY).toInstant();
    }

    private static void checkPlan(LocalDate signedOn, List<MilestoneDate> milestones, LocalDate today) {
        List<Milestone> expected = new ArrayList<>(List.of(Milestone.values()));
        expected.remove(Milestone.SIGNED);
        List<Milestone> given =
                milestones.stream().map(MilestoneDate::milestone).toList();
        if (!given.equals(expected)) {
            throw new RuleViolation(
                    "plan-incomplete", "Plan every milestone after the signing, in order: " + expected + ".");
        }
        LocalDate previousPlanned = signedOn;
        LocalDate previousReached = signedOn;
        for (MilestoneDate milestone : milestones) {
            if (milestone.plannedOn().isBefore(signedOn)) {
                throw new RuleViolation(
                        "milestone-before-signing",
                        milestone.milestone() + " is planned before the signing on " + signedOn + ".");
            }
            if (milestone.plannedOn().isBefore(previousPlanned)) {
                throw new RuleViolation(
                        "plan-out-of-order", milestone.milestone() + " is planned before the milestone it follows.");
            }
            previousPlanned = milestone.plannedOn();
            if (milestone.reachedOn() != null) {
                if (previousReached == null) {
                    throw new RuleViolation(
                            "milestone-out-of-order",
                            milestone.milestone() + " is reached though the milestone before it is not.");
                }
                if (milestone.reachedOn().isBefore(previousReached)) {
                    throw new RuleViolation(
                            "milestone-before-previous",
                            milestone.milestone() + " is reached before the milestone it follows (or the signing).");
                }
                if (milestone.reachedOn().isAfter(today)) {
                    throw new RuleViolation(
                            "milestone-in-the-future", milestone.milestone() + " is reached in the future.");
                }
            }
            previousReached = milestone.reachedOn();
        }
    }

    private void requireResponsible(Requester requester) {
        boolean responsible = requester.role() == Role.ADMIN
                || requester.subject().equals(leaderId)
                || ((requester.role() == Role.LEADER || requester.role() == Role.OFFICIAL)
                        && departmentId.equals(requester.departmentId()));
        if (!responsible) {
            throw new NotResponsible("Only the project's leader (" + leaderId
                    + ") and the leaders and officials of its department (" + departmentId
                    + ") record its progress.");
        }
    }

    private void requireVersion(Long expectedVersion) {
        Long version = AggregateLifecycle.getVersion();
        if (expectedVersion != null && version != null && !expectedVersion.equals(version)) {
            throw new ConflictingAggregateVersionException(projectId.toString(), expectedVersion, version);
        }
    }

    @EventSourcingHandler
    void on(KeyProjectRegisteredEvent event) {
        projectId = event.projectId();
        name = event.name();
        enterpriseIds = event.enterpriseIds();
        leaderId = event.leaderId();
        departmentId = event.departmentId();
        signedOn = event.signedOn();
        planned.put(Milestone.SIGNED, event.signedOn());
        reached.put(Milestone.SIGNED, event.signedOn());
        event.plan().forEach(milestone -> planned.put(milestone.milestone(), milestone.plannedOn()));
    }

    @EventSourcingHandler
    void on(MilestoneReachedEvent event) {
        reached.put(event.milestone(), event.reachedOn());
    }

    @EventSourcingHandler
    void on(MilestoneOverdueEvent event) {
        overdue.add(event.milestone());
    }

    @EventSourcingHandler
    void on(MilestoneEscalatedEvent event) {
        escalated.add(event.milestone());
    }

    @EventSourcingHandler
    void on(BlockerRaisedEvent event) {
        blockers.add(event.blockerId());
    }
}
