package cn.qinqing.assignment.dispatch.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.Ids;
import cn.qinqing.language.MetadataKeys;
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
import cn.qinqing.language.assignment.SupervisionNoticeMetEvent;
import cn.qinqing.language.resolution.DeadlineApproachingEvent;
import cn.qinqing.language.resolution.DeadlineBreachedEvent;
import cn.qinqing.language.resolution.DeadlineKind;
import cn.qinqing.platform.domain.NotAccessible;
import cn.qinqing.platform.domain.RuleViolation;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * Who holds one appeal (派单、签收、退回、转办、领办、督办、提级): the department it is dispatched to, whether that department
 * signed for it, the leader responsible for it. Its identifier is derived from the appeal's, never the appeal's own
 * (that one belongs to the appeals service's aggregate).
 *
 * <p>Update handlers return the assignment's version after the change, the ETag the caller gets.
 *
 * <p>Three clocks run here (issue #20): dispatch from the queue (派单时限, also after a department returned the appeal),
 * sign-for by the department (签收时限) and each supervision notice's due time (督办时限, met when the appeal is
 * answered). Each is a persistent deadline (ADR 0006) with a warning before it. Nothing cancels them: a deadline does
 * nothing unless its clock is still running with the due time it was scheduled for, and cancelling in db-scheduler
 * reads every scheduled deadline of the service (routing fell 70 s behind at 50 filings/s when every command did). A
 * breach is published as the resolution service's are, and the same reaction escalates it up the chain of command.
 */
@Aggregate(type = Assignment.TYPE)
public class Assignment {

    static final String TYPE = "Assignment";
    private static final String SYSTEM = "system:assignment";

    static final String NO_MATCHING_RULE = "NO_MATCHING_RULE";
    static final String MANUAL_DISPATCH_REQUESTED = "MANUAL_DISPATCH_REQUESTED";
    static final String RETURNED_BY_DEPARTMENT = "RETURNED_BY_DEPARTMENT";

    @AggregateIdentifier
    private UUID assignmentId;

    private UUID appealId;
    private String enterpriseId;
    private Urgency urgency;
    // the appeal's category and when it was filed: which SLA tier sets its dispatch and sign-for clocks (ADR 0016)
    private AppealCategory category;
    private Instant openedAt;
    private AssignmentStatus status;
    private String departmentId;
    private Instant signForDueAt;
    private Instant dispatchDueAt;
    private String leaderId;
    private final Set<UUID> notices = new HashSet<>();
    /** The supervision notices not met yet: their department and due time. */
    private final Map<UUID, OpenNotice> openNotices = new LinkedHashMap<>();
    /** The clocks that warned or ran out already, by kind, due time and which of the two, so that each does so once. */
    private final Set<String> clocksRun = new HashSet<>();

    protected Assignment() {
        // for Axon
    }

    /** The assignment of an appeal: one per appeal, so that a redelivered "appeal filed" cannot open a second. */
    public static UUID idFor(UUID appealId) {
        return Ids.derive("assignment", appealId.toString());
    }

    /**
     * Opens the assignment. An appeal raised from a breakfast meeting's action item goes straight to the department the
     * decision named (a key project's blocker: to the project's department), and the leader it named is in charge from the start (as if they had taken charge, 领办), so that
     * they may grant extensions and sign off, and escalation starts above them. (Events applied in a constructor reach the event sourcing handlers only after it returns,
     * so everything here comes from the command.)
     */
    @CommandHandler
    public Assignment(OpenAssignmentCommand command, TimeLimits limits, DeadlineManager deadlines) {
        UUID appeal = command.appealId();
        Instant at = command.openedAt();
        // the aggregate's identifier is set only once the constructor returned: name the scope of its deadlines here
        ScopeDescriptor scope = scopeOf(appeal);
        TimeLimits.Tier tier = new TimeLimits.Tier(command.category(), command.urgency(), at);
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
                    command.designatedBy() == null ? RoutingMode.MEETING_DECISION : command.designatedBy(),
                    null,
                    null,
                    command.urgency(),
                    at,
                    limits.signForDue(tier, at)));
            startSignFor(deadlines, scope, at, limits.signForDue(tier, at), limits);
        } else if (command.manualDispatch() || command.routedDepartmentId() == null) {
            String reason = command.manualDispatch() ? MANUAL_DISPATCH_REQUESTED : NO_MATCHING_RULE;
            Instant due = limits.dispatchDue(tier, at);
            apply(new AppealQueuedForDispatchEvent(appeal, reason, at, due));
            start(deadlines, scope, DeadlineKind.DISPATCH, limits.dispatchWarning(at, due), due);
        } else {
            apply(new AppealDispatchedEvent(
                    appeal,
                    command.routedDepartmentId(),
                    RoutingMode.AUTOMATIC,
                    command.ruleId() == null ? null : command.ruleId().toString(),
                    null,
                    command.urgency(),
                    at,
                    limits.signForDue(tier, at)));
            startSignFor(deadlines, scope, at, limits.signForDue(tier, at), limits);
        }
        if (command.designatedLeaderId() != null) {
            apply(new LeaderTookChargeEvent(appeal, command.designatedLeaderId(), at));
        }
    }

    @CommandHandler
    long handle(DispatchAppealCommand command, TimeLimits limits, DeadlineManager deadlines) {
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
                limits.signForDue(tier(), command.dispatchedAt())));
        startSignFor(
                deadlines,
                scopeOf(appealId),
                command.dispatchedAt(),
                limits.signForDue(tier(), command.dispatchedAt()),
                limits);
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
    long handle(ReturnAppealCommand command, TimeLimits limits, DeadlineManager deadlines) {
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
        queue(RETURNED_BY_DEPARTMENT, command.returnedAt(), limits, deadlines);
        return version + 2;
    }

    @CommandHandler
    long handle(TransferAppealCommand command, TimeLimits limits, DeadlineManager deadlines) {
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
                limits.signForDue(tier(), command.transferredAt())));
        startSignFor(
                deadlines,
                scopeOf(appealId),
                command.transferredAt(),
                limits.signForDue(tier(), command.transferredAt()),
                limits);
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
    long handle(
            IssueSupervisionNoticeCommand command, LeaderChain chain, TimeLimits limits, DeadlineManager deadlines) {
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
        start(
                deadlines,
                scopeOf(appealId),
                DeadlineKind.SUPERVISION,
                command.noticeId(),
                limits.noticeWarning(command.issuedAt(), command.dueAt()),
                command.dueAt());
        return version + 1;
    }

    /** The appeal was answered: the notices still open are met, and their clocks stop. Again, it changes nothing. */
    @CommandHandler
    long handle(MeetSupervisionNoticesCommand command) {
        long version = AggregateLifecycle.getVersion();
        for (var notice : List.copyOf(openNotices.entrySet())) {
            if (!notice.getValue().issuedAt().isAfter(command.answeredAt())) {
                apply(new SupervisionNoticeMetEvent(
                        appealId, notice.getKey(), notice.getValue().departmentId(), command.answeredAt()));
                version++;
            }
        }
        return version;
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
     * A clock reached its warning time or ran out: published once per due time and kind, unless the clock was stopped
     * or moved since the deadline was scheduled (its due time is then no longer the one in force).
     */
    @DeadlineHandler
    void on(ClockDeadline deadline) {
        boolean inForce =
                switch (deadline.kind()) {
                    case DISPATCH ->
                        status == AssignmentStatus.QUEUED && deadline.dueAt().equals(dispatchDueAt);
                    case SIGN_FOR ->
                        status == AssignmentStatus.DISPATCHED
                                && deadline.dueAt().equals(signForDueAt);
                    case SUPERVISION ->
                        status != AssignmentStatus.CLOSED
                                && openNotices.containsKey(deadline.noticeId())
                                && deadline.dueAt()
                                        .equals(openNotices
                                                .get(deadline.noticeId())
                                                .dueAt());
                    default -> false;
                };
        if (!inForce || clocksRun.contains(clockKey(deadline, deadline.warning()))) {
            return;
        }
        Instant now = GenericEventMessage.clock.instant();
        if (deadline.warning() && (!now.isBefore(deadline.dueAt()) || clocksRun.contains(clockKey(deadline, false)))) {
            return; // a warning that came due while no instance ran: the clock ran out already, the breach says so
        }
        // nobody acted: the deadline carries no caller of its own
        MetaData system = MetaData.with(MetadataKeys.ACTOR, SYSTEM).and(MetadataKeys.ROLE, "SYSTEM");
        String holder =
                switch (deadline.kind()) {
                    case DISPATCH -> null;
                    case SUPERVISION -> openNotices.get(deadline.noticeId()).departmentId();
                    default -> departmentId;
                };
        if (deadline.warning()) {
            apply(new DeadlineApproachingEvent(appealId, deadline.kind(), holder, deadline.dueAt(), now), system);
        } else {
            apply(new DeadlineBreachedEvent(appealId, deadline.kind(), holder, deadline.dueAt(), now), system);
        }
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

    private void queue(String reason, Instant at, TimeLimits limits, DeadlineManager deadlines) {
        Instant due = limits.dispatchDue(tier(), at);
        apply(new AppealQueuedForDispatchEvent(appealId, reason, at, due));
        start(deadlines, scopeOf(appealId), DeadlineKind.DISPATCH, limits.dispatchWarning(at, due), due);
    }

    /** The SLA tier of this appeal: its category and urgency, as in force when it was filed. */
    private TimeLimits.Tier tier() {
        return new TimeLimits.Tier(category, urgency, openedAt);
    }

    private static void startSignFor(
            DeadlineManager deadlines, ScopeDescriptor scope, Instant at, Instant due, TimeLimits limits) {
        start(deadlines, scope, DeadlineKind.SIGN_FOR, limits.signForWarning(at, due), due);
    }

    /** Starts a clock: a warning (if there is time for one) and the breach. */
    private static void start(
            DeadlineManager deadlines, ScopeDescriptor scope, DeadlineKind kind, Instant warningAt, Instant dueAt) {
        start(deadlines, scope, kind, null, warningAt, dueAt);
    }

    private static void start(
            DeadlineManager deadlines,
            ScopeDescriptor scope,
            DeadlineKind kind,
            UUID noticeId,
            Instant warningAt,
            Instant dueAt) {
        String name = noticeId == null ? ClockDeadline.name(kind) : ClockDeadline.name(noticeId);
        if (warningAt.isBefore(dueAt)) {
            deadlines.schedule(warningAt, name, new ClockDeadline(kind, dueAt, true, noticeId), scope);
        }
        deadlines.schedule(dueAt, name, new ClockDeadline(kind, dueAt, false, noticeId), scope);
    }

    private static ScopeDescriptor scopeOf(UUID appealId) {
        return new AggregateScopeDescriptor(TYPE, idFor(appealId));
    }

    private static String clockKey(DeadlineKind kind, UUID noticeId, Instant dueAt, boolean warning) {
        return kind + (noticeId == null ? "" : "/" + noticeId) + "@" + dueAt + (warning ? ":warning" : ":breach");
    }

    private static String clockKey(ClockDeadline deadline, boolean warning) {
        return clockKey(deadline.kind(), deadline.noticeId(), deadline.dueAt(), warning);
    }

    /**
     * The notice a supervision clock's event is about: the events name its department and due time, and a notice is
     * still open when its clock warns or runs out.
     */
    private UUID noticeOf(DeadlineKind kind, Instant dueAt, String department) {
        if (kind != DeadlineKind.SUPERVISION) {
            return null;
        }
        return openNotices.entrySet().stream()
                .filter(notice -> notice.getValue().dueAt().equals(dueAt)
                        && Objects.equals(notice.getValue().departmentId(), department))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
    }

    private record OpenNotice(String departmentId, Instant dueAt, Instant issuedAt) {}

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
        category = event.category();
        openedAt = event.openedAt();
    }

    @EventSourcingHandler
    void on(AppealQueuedForDispatchEvent event) {
        status = AssignmentStatus.QUEUED;
        departmentId = null;
        signForDueAt = null;
        dispatchDueAt = event.dispatchDueAt();
    }

    @EventSourcingHandler
    void on(DeadlineApproachingEvent event) {
        UUID notice = noticeOf(event.kind(), event.dueAt(), event.departmentId());
        clocksRun.add(clockKey(event.kind(), notice, event.dueAt(), true));
    }

    @EventSourcingHandler
    void on(DeadlineBreachedEvent event) {
        UUID notice = noticeOf(event.kind(), event.dueAt(), event.departmentId());
        clocksRun.add(clockKey(event.kind(), notice, event.dueAt(), false));
    }

    @EventSourcingHandler
    void on(SupervisionNoticeMetEvent event) {
        openNotices.remove(event.noticeId());
    }

    @EventSourcingHandler
    void on(AppealDispatchedEvent event) {
        status = AssignmentStatus.DISPATCHED;
        departmentId = event.departmentId();
        signForDueAt = event.signForDueAt();
        dispatchDueAt = null;
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
        openNotices.put(event.noticeId(), new OpenNotice(event.departmentId(), event.dueAt(), event.issuedAt()));
    }

    @EventSourcingHandler
    void on(AssignmentClosedEvent event) {
        status = AssignmentStatus.CLOSED;
    }
}
