package cn.qinqing.assignment.assignment.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.qinqing.language.Ids;
import cn.qinqing.language.Urgency;
import cn.qinqing.language.assignment.AppealDispatchedEvent;
import cn.qinqing.language.assignment.AppealEscalatedEvent;
import cn.qinqing.language.assignment.AppealQueuedForDispatchEvent;
import cn.qinqing.language.assignment.AppealReturnedEvent;
import cn.qinqing.language.assignment.AppealSignedForEvent;
import cn.qinqing.language.assignment.AppealTransferredEvent;
import cn.qinqing.language.assignment.AssignmentClosedEvent;
import cn.qinqing.language.assignment.AssignmentOpenedEvent;
import cn.qinqing.language.assignment.LeaderTookChargeEvent;
import cn.qinqing.language.assignment.RoutingMode;
import cn.qinqing.language.assignment.SupervisionNoticeIssuedEvent;
import cn.qinqing.platform.domain.NotAccessible;
import cn.qinqing.platform.domain.RuleViolation;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * Who holds one appeal (派单、签收、退回、转办、领办、督办、提级): the department it is dispatched to, whether that department
 * signed for it, the leader responsible for it. Its identifier is derived from the appeal's, never the appeal's own
 * (that one belongs to the appeals service's aggregate).
 *
 * <p>Update handlers return the assignment's version after the change, the ETag the caller gets.
 */
@Aggregate(type = "Assignment")
public class Assignment {

    static final String NO_MATCHING_RULE = "NO_MATCHING_RULE";
    static final String MANUAL_DISPATCH_REQUESTED = "MANUAL_DISPATCH_REQUESTED";
    static final String RETURNED_BY_DEPARTMENT = "RETURNED_BY_DEPARTMENT";

    @AggregateIdentifier
    private UUID assignmentId;

    private UUID appealId;
    private String enterpriseId;
    private Urgency urgency;
    private AssignmentStatus status;
    private String departmentId;
    private Instant signForDueAt;
    private String leaderId;
    private final Set<UUID> notices = new HashSet<>();

    protected Assignment() {
        // for Axon
    }

    /** The assignment of an appeal: one per appeal, so that a redelivered "appeal filed" cannot open a second. */
    public static UUID idFor(UUID appealId) {
        return Ids.derive("assignment", appealId.toString());
    }

    /**
     * Opens the assignment. An appeal raised from a breakfast meeting's action item goes straight to the department the
     * decision named, and the leader it named is in charge from the start (as if they had taken charge, 领办), so that
     * they may grant extensions and sign off, and escalation starts above them. (Events applied in a constructor reach the event sourcing handlers only after it returns,
     * so everything here comes from the command.)
     */
    @CommandHandler
    public Assignment(OpenAssignmentCommand command, TimeLimits limits) {
        UUID appeal = command.appealId();
        Instant at = command.openedAt();
        apply(new AssignmentOpenedEvent(
                appeal,
                command.enterpriseId(),
                command.category(),
                command.urgency(),
                command.chainPosition(),
                command.district(),
                at));
        if (command.designatedDepartmentId() != null) {
            apply(new AppealDispatchedEvent(
                    appeal,
                    command.designatedDepartmentId(),
                    RoutingMode.MEETING_DECISION,
                    null,
                    null,
                    command.urgency(),
                    at,
                    limits.signForDue(at)));
        } else if (command.manualDispatch() || command.routedDepartmentId() == null) {
            String reason = command.manualDispatch() ? MANUAL_DISPATCH_REQUESTED : NO_MATCHING_RULE;
            apply(new AppealQueuedForDispatchEvent(appeal, reason, at, limits.dispatchDue(command.urgency(), at)));
        } else {
            apply(new AppealDispatchedEvent(
                    appeal,
                    command.routedDepartmentId(),
                    RoutingMode.AUTOMATIC,
                    command.ruleId() == null ? null : command.ruleId().toString(),
                    null,
                    command.urgency(),
                    at,
                    limits.signForDue(at)));
        }
        if (command.designatedLeaderId() != null) {
            apply(new LeaderTookChargeEvent(appeal, command.designatedLeaderId(), at));
        }
    }

    @CommandHandler
    long handle(DispatchAppealCommand command, TimeLimits limits) {
        long version = requireVersion(command.expectedVersion());
        requireOpen();
        if (status == AssignmentStatus.SIGNED_FOR) {
            throw new RuleViolation(
                    "already-signed-for",
                    "The department " + departmentId + " signed for this appeal; only it can transfer it now.");
        }
        if (command.departmentId().equals(departmentId)) {
            throw new RuleViolation("already-dispatched-there", "The appeal is already with " + departmentId + ".");
        }
        boolean override = status == AssignmentStatus.DISPATCHED;
        apply(new AppealDispatchedEvent(
                appealId,
                command.departmentId(),
                override ? RoutingMode.OVERRIDE : RoutingMode.MANUAL,
                null,
                override ? departmentId : null,
                urgency,
                command.dispatchedAt(),
                limits.signForDue(command.dispatchedAt())));
        return version + 1;
    }

    @CommandHandler
    long handle(SignForAppealCommand command) {
        requireHeldBy(command.officialDepartmentId());
        long version = requireVersion(command.expectedVersion());
        requireOpen();
        if (status == AssignmentStatus.SIGNED_FOR) {
            throw new RuleViolation("already-signed-for", "Your department already signed for this appeal.");
        }
        apply(new AppealSignedForEvent(
                appealId,
                departmentId,
                command.officialId(),
                command.signedAt(),
                !command.signedAt().isAfter(signForDueAt)));
        return version + 1;
    }

    @CommandHandler
    long handle(ReturnAppealCommand command, TimeLimits limits) {
        requireHeldBy(command.officialDepartmentId());
        long version = requireVersion(command.expectedVersion());
        requireOpen();
        requireReason(command.reason());
        if (status == AssignmentStatus.SIGNED_FOR) {
            throw new RuleViolation(
                    "already-signed-for",
                    "Your department signed for this appeal; transfer it to the right department instead.");
        }
        apply(new AppealReturnedEvent(
                appealId, departmentId, command.officialId(), command.reason(), command.returnedAt()));
        queue(RETURNED_BY_DEPARTMENT, command.returnedAt(), limits);
        return version + 2;
    }

    @CommandHandler
    long handle(TransferAppealCommand command, TimeLimits limits) {
        requireHeldBy(command.officialDepartmentId());
        long version = requireVersion(command.expectedVersion());
        requireOpen();
        requireReason(command.reason());
        if (command.toDepartmentId().equals(departmentId)) {
            throw new RuleViolation("already-dispatched-there", "The appeal is already with " + departmentId + ".");
        }
        apply(new AppealTransferredEvent(
                appealId,
                departmentId,
                command.toDepartmentId(),
                command.officialId(),
                command.reason(),
                command.transferredAt(),
                limits.signForDue(command.transferredAt())));
        return version + 1;
    }

    @CommandHandler
    long handle(TakeChargeCommand command, LeaderChain chain) {
        long version = requireVersion(command.expectedVersion());
        requireOpen();
        if (!chain.isLeader(command.leaderId())) {
            throw new RuleViolation(
                    "not-in-directory", "You are not a leader in the city's directory; ask an administrator.");
        }
        if (leaderId != null) {
            throw new RuleViolation(
                    "leader-already-in-charge",
                    leaderId.equals(command.leaderId())
                            ? "You are already in charge of this appeal."
                            : "Leader " + leaderId + " is already in charge of this appeal.");
        }
        apply(new LeaderTookChargeEvent(appealId, command.leaderId(), command.tookChargeAt()));
        return version + 1;
    }

    @CommandHandler
    long handle(IssueSupervisionNoticeCommand command, LeaderChain chain) {
        long version = AggregateLifecycle.getVersion();
        if (notices.contains(command.noticeId())) {
            return version; // the same notice again: already issued
        }
        requireOpen();
        if (!chain.isLeader(command.leaderId())) {
            throw new RuleViolation(
                    "not-in-directory", "You are not a leader in the city's directory; ask an administrator.");
        }
        if (departmentId == null) {
            throw new RuleViolation(
                    "not-dispatched", "The appeal waits for dispatch: there is no department to supervise yet.");
        }
        if (command.instructions() == null || command.instructions().isBlank()) {
            throw new RuleViolation("instructions-required", "A supervision notice says what is expected.");
        }
        if (!command.dueAt().isAfter(command.issuedAt())) {
            throw new RuleViolation("due-in-the-past", "A supervision notice is due in the future.");
        }
        apply(new SupervisionNoticeIssuedEvent(
                appealId,
                command.noticeId(),
                command.leaderId(),
                departmentId,
                command.instructions(),
                command.dueAt(),
                command.issuedAt()));
        return version + 1;
    }

    @CommandHandler
    long handle(EscalateAppealCommand command, LeaderChain chain) {
        long version = command.expectedVersion() == null
                ? AggregateLifecycle.getVersion()
                : requireVersion(command.expectedVersion());
        if (status == AssignmentStatus.CLOSED && !command.requested()) {
            return version; // a deadline of a finished appeal: nobody to press any more
        }
        requireOpen();
        Optional<String> next = nextLeaderUp(chain);
        if (next.isEmpty()) {
            if (command.requested()) {
                throw new RuleViolation(
                        "already-at-the-top", "Leader " + leaderId + " is at the top of the chain of command.");
            }
            return version;
        }
        apply(new AppealEscalatedEvent(appealId, leaderId, next.get(), command.cause(), command.escalatedAt()));
        return version + 1;
    }

    @CommandHandler
    long handle(CloseAssignmentCommand command) {
        long version = AggregateLifecycle.getVersion();
        if (status == AssignmentStatus.CLOSED) {
            return version;
        }
        apply(new AssignmentClosedEvent(appealId, command.reason(), command.closedAt()));
        return version + 1;
    }

    /**
     * Up the chain from the responsible leader; without one, first the head of the holding department, then the
     * enterprise's liaison leader, then the city's top.
     */
    private Optional<String> nextLeaderUp(LeaderChain chain) {
        if (leaderId != null) {
            return chain.superiorOf(leaderId).filter(next -> !next.equals(leaderId));
        }
        Optional<String> head = departmentId == null ? Optional.empty() : chain.headOf(departmentId);
        return head.or(() -> chain.liaisonOf(enterpriseId)).or(chain::top);
    }

    private void queue(String reason, Instant at, TimeLimits limits) {
        apply(new AppealQueuedForDispatchEvent(appealId, reason, at, limits.dispatchDue(urgency, at)));
    }

    /** An official of another department learns nothing of the appeal, not even that it exists. */
    private void requireHeldBy(String callerDepartment) {
        if (departmentId == null || !departmentId.equals(callerDepartment)) {
            throw new NotAccessible("appeal " + appealId);
        }
    }

    private void requireOpen() {
        if (status == AssignmentStatus.CLOSED) {
            throw new RuleViolation(
                    "assignment-closed", "The appeal is closed or withdrawn; nobody holds it any more.");
        }
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("reason-required", "Say why: the next holder and the dispatcher read it.");
        }
    }

    /** Only the exact version the caller read may be changed (Axon alone would accept a version from the future). */
    private static long requireVersion(Long expected) {
        Long actual = AggregateLifecycle.getVersion();
        if (expected == null || !expected.equals(actual)) {
            throw new ConflictingAggregateVersionException(
                    "assignment", expected == null ? -1 : expected, actual == null ? -1 : actual);
        }
        return actual;
    }

    @EventSourcingHandler
    void on(AssignmentOpenedEvent event) {
        assignmentId = idFor(event.appealId());
        appealId = event.appealId();
        enterpriseId = event.enterpriseId();
        urgency = event.urgency();
    }

    @EventSourcingHandler
    void on(AppealQueuedForDispatchEvent event) {
        status = AssignmentStatus.QUEUED;
        departmentId = null;
        signForDueAt = null;
    }

    @EventSourcingHandler
    void on(AppealDispatchedEvent event) {
        status = AssignmentStatus.DISPATCHED;
        departmentId = event.departmentId();
        signForDueAt = event.signForDueAt();
    }

    @EventSourcingHandler
    void on(AppealSignedForEvent event) {
        status = AssignmentStatus.SIGNED_FOR;
    }

    @EventSourcingHandler
    void on(AppealTransferredEvent event) {
        status = AssignmentStatus.DISPATCHED;
        departmentId = event.toDepartmentId();
        signForDueAt = event.signForDueAt();
    }

    @EventSourcingHandler
    void on(LeaderTookChargeEvent event) {
        leaderId = event.leaderId();
    }

    @EventSourcingHandler
    void on(AppealEscalatedEvent event) {
        leaderId = event.toLeaderId();
    }

    @EventSourcingHandler
    void on(SupervisionNoticeIssuedEvent event) {
        notices.add(event.noticeId());
    }

    @EventSourcingHandler
    void on(AssignmentClosedEvent event) {
        status = AssignmentStatus.CLOSED;
    }
}
