package cn.qinqing.resolution.casefile.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.qinqing.language.Ids;
import cn.qinqing.language.MetadataKeys;
import cn.qinqing.language.Urgency;
import cn.qinqing.language.document.DocumentRef;
import cn.qinqing.language.resolution.CaseFileCancelledEvent;
import cn.qinqing.language.resolution.CaseFileClosedEvent;
import cn.qinqing.language.resolution.CaseFileDocumentsAttachedEvent;
import cn.qinqing.language.resolution.CaseFileDocumentsAttachedEvent.AttachedTo;
import cn.qinqing.language.resolution.CaseFileFeedbackReceivedEvent;
import cn.qinqing.language.resolution.CaseFileOpenedEvent;
import cn.qinqing.language.resolution.CaseFilePausedEvent;
import cn.qinqing.language.resolution.CaseFileReopenedEvent;
import cn.qinqing.language.resolution.CaseFileResumedEvent;
import cn.qinqing.language.resolution.CloseOutSignedOffEvent;
import cn.qinqing.language.resolution.DeadlineApproachingEvent;
import cn.qinqing.language.resolution.DeadlineBreachedEvent;
import cn.qinqing.language.resolution.DeadlineKind;
import cn.qinqing.language.resolution.ExtensionDeniedEvent;
import cn.qinqing.language.resolution.ExtensionGrantedEvent;
import cn.qinqing.language.resolution.ExtensionRequestedEvent;
import cn.qinqing.language.resolution.Outcome;
import cn.qinqing.language.resolution.ProgressNotedEvent;
import cn.qinqing.language.resolution.ResolutionSubmittedEvent;
import cn.qinqing.platform.domain.NotAccessible;
import cn.qinqing.platform.domain.RuleViolation;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.conflictresolution.ConflictResolution;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The case file of one appeal (办理案卷) in the department that holds it: its SLA clocks, progress, extensions, the
 * answer and the close-out (销号). Identified by {@code Ids.derive("case-file", appealId)}.
 *
 * <p>Clocks: first contact with the enterprise and the answer are due on the {@link SlaPolicy}'s clock. A pause stops
 * both; on resuming each is due after the counted time that was left when it stopped, so a due date moves by exactly
 * the paused (working) time. Every running clock has a persistent deadline named after its kind, and under the same
 * name a warning (临期预警) one SLA day before it runs out, or halfway when its window is shorter ({@link
 * SlaPolicy#warningAt}); whatever moves or stops a clock cancels both and schedules the new ones in the same unit of
 * work, and a deadline or warning that arrives for a due time no longer in force is ignored.
 *
 * <p>Close-out needs both the enterprise's feedback on the answer (a rating, or the rating window's expiry, from the
 * appeals service) and the sign-off of the leader in charge or the department head, in either order.
 *
 * <p>Command handlers return the case file's version after the command, which is its ETag.
 */
@Aggregate(type = "CaseFile")
public class CaseFile {

    /** The actor of what the service does by itself. */
    static final String SYSTEM = "system:resolution";

    @AggregateIdentifier
    private UUID caseFileId;

    private UUID appealId;
    private String departmentId;
    private Urgency urgency;
    private int round;
    private CaseFileStatus status;
    private Instant firstContactDueAt;
    private boolean firstContactMade;
    private boolean firstContactBreached;
    private Instant resolutionDueAt;
    private boolean resolutionBreached;
    // the due times the holder was warned of, so that a warning is published once per due time
    private Instant firstContactWarnedFor;
    private Instant resolutionWarnedFor;
    private Instant pausedAt;
    // when the case began (its first sign-for): the SLA tier in force then sets every round's limits (ADR 0016)
    private Instant caseBeganAt;
    private UUID pendingExtension;
    private Instant pendingExtensionDueAt;
    private boolean feedbackReceived;
    private String feedback;
    private boolean signedOff;
    // the ids of the creates inside the case file, so that their retries add nothing (Idempotency-Key)
    private final Set<UUID> notes = new HashSet<>();
    private final Set<UUID> extensionRequests = new HashSet<>();

    protected CaseFile() {
        // for Axon
    }

    public static UUID idOf(UUID appealId) {
        return Ids.derive("case-file", appealId.toString());
    }

    static String deadlineName(DeadlineKind kind) {
        return SlaDeadline.NAME + "-" + kind.name();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(OpenCaseFileCommand command, SlaPolicy sla, DeadlineManager deadlines) {
        boolean taken = appealId != null;
        if (taken) {
            boolean running = status == CaseFileStatus.OPEN || status == CaseFileStatus.PAUSED;
            if (!running || departmentId.equals(command.departmentId())) {
                return version(); // redelivered, or a sign-for that changes nothing
            }
            // transferred and signed for by another department: it takes the case over with a clock of its own
            cancelClocks(deadlines);
        }
        Instant start = command.signedAt();
        SlaTierLookup.Limits limits = sla.limits(command.category(), command.urgency(), taken ? caseBeganAt : start);
        Instant firstContactDue = sla.firstContactDue(start, limits);
        Instant resolutionDue = sla.resolutionDue(start, limits);
        apply(new CaseFileOpenedEvent(
                command.appealId(),
                command.departmentId(),
                command.urgency(),
                taken ? round : 1,
                start,
                firstContactDue,
                resolutionDue,
                sla.clock().provisional(start, resolutionDue)));
        schedule(deadlines, sla, DeadlineKind.FIRST_CONTACT, start, firstContactDue);
        schedule(deadlines, sla, DeadlineKind.RESOLUTION, start, resolutionDue);
        return version();
    }

    @CommandHandler
    long handle(NoteProgressCommand command, DeadlineManager deadlines) {
        requireOfficial(command.caller());
        if (notes.contains(command.noteId())) {
            return retried();
        }
        requireVersion(command.expectedVersion());
        if (status == CaseFileStatus.CLOSED || status == CaseFileStatus.CANCELLED) {
            throw new RuleViolation("case-file-closed", "The case file is closed; nothing more can be noted.");
        }
        boolean firstContact = command.contactWithEnterprise() && !firstContactMade;
        apply(new ProgressNotedEvent(
                appealId,
                command.noteId(),
                command.caller().id(),
                command.text(),
                command.visibleToEnterprise(),
                command.contactWithEnterprise(),
                command.notedAt()));
        attach(
                command.caller(),
                AttachedTo.NOTE,
                command.noteId(),
                command.visibleToEnterprise(),
                command.documents(),
                command.notedAt());
        if (firstContact) {
            deadlines.cancelAllWithinScope(deadlineName(DeadlineKind.FIRST_CONTACT));
        }
        return version();
    }

    @CommandHandler
    long handle(PauseCaseFileCommand command, DeadlineManager deadlines) {
        requireOfficial(command.caller());
        requireVersion(command.expectedVersion());
        requireStatus(CaseFileStatus.OPEN, "Only a running clock can be paused.");
        apply(new CaseFilePausedEvent(appealId, command.caller().id(), command.reason(), command.pausedAt()));
        cancelClocks(deadlines);
        return version();
    }

    @CommandHandler
    long handle(ResumeCaseFileCommand command, SlaPolicy sla, DeadlineManager deadlines) {
        if (command.caller() == null) {
            // the enterprise supplemented its appeal: resume if waiting on it, nothing otherwise
            if (status != CaseFileStatus.PAUSED) {
                return version();
            }
        } else {
            requireOfficial(command.caller());
            requireVersion(command.expectedVersion());
            requireStatus(CaseFileStatus.PAUSED, "The clock is not paused.");
        }
        Instant resumedAt = command.resumedAt().isBefore(pausedAt) ? pausedAt : command.resumedAt();
        Instant firstContactDue = firstContactMade ? null : moved(sla.clock(), firstContactDueAt, pausedAt, resumedAt);
        Instant resolutionDue = moved(sla.clock(), resolutionDueAt, pausedAt, resumedAt);
        apply(new CaseFileResumedEvent(appealId, resumedAt, firstContactDue, resolutionDue));
        if (firstContactDue != null && !firstContactBreached) {
            schedule(deadlines, sla, DeadlineKind.FIRST_CONTACT, resumedAt, firstContactDue);
        }
        if (!resolutionBreached) {
            schedule(deadlines, sla, DeadlineKind.RESOLUTION, resumedAt, resolutionDue);
        }
        return version();
    }

    /** Due after the counted time that was left at the pause, counted from the resumption. */
    static Instant moved(SlaClock clock, Instant due, Instant pausedAt, Instant resumedAt) {
        Duration left = clock.between(pausedAt, due);
        return clock.add(resumedAt, left);
    }

    @CommandHandler
    long handle(RequestExtensionCommand command) {
        requireOfficial(command.caller());
        if (extensionRequests.contains(command.requestId())) {
            return retried();
        }
        requireVersion(command.expectedVersion());
        requireRunning("An extension can only be asked for while the case is being worked on.");
        if (pendingExtension != null) {
            throw new RuleViolation("extension-pending", "An extension request is already waiting for a decision.");
        }
        if (!command.requestedDueAt().isAfter(resolutionDueAt)) {
            throw new RuleViolation(
                    "extension-not-later",
                    "The requested due time must be later than the one in force (" + resolutionDueAt + ").");
        }
        apply(new ExtensionRequestedEvent(
                appealId,
                command.requestId(),
                command.caller().id(),
                command.requestedDueAt(),
                command.reason(),
                command.requestedAt()));
        attach(
                command.caller(),
                AttachedTo.EXTENSION_REQUEST,
                command.requestId(),
                false,
                command.documents(),
                command.requestedAt());
        return version();
    }

    @CommandHandler
    long handle(DecideExtensionCommand command, SlaPolicy sla, DeadlineManager deadlines) {
        if (!command.caller().decidesFor(departmentId)) {
            throw new NotAccessible("case file of appeal " + appealId);
        }
        requireVersion(command.expectedVersion());
        if (pendingExtension == null || !pendingExtension.equals(command.requestId())) {
            throw new RuleViolation("no-such-extension-request", "No such extension request waits for a decision.");
        }
        requireRunning("The case is no longer being worked on.");
        if (!command.grant()) {
            apply(new ExtensionDeniedEvent(
                    appealId, command.requestId(), command.caller().id(), command.reason(), command.decidedAt()));
            return version();
        }
        Instant newDue = command.newDueAt() == null ? pendingExtensionDueAt : command.newDueAt();
        if (!newDue.isAfter(resolutionDueAt) || !newDue.isAfter(command.decidedAt())) {
            throw new RuleViolation(
                    "extension-not-later", "The new due time must be later than the one in force and than now.");
        }
        apply(new ExtensionGrantedEvent(
                appealId, command.requestId(), command.caller().id(), newDue, command.decidedAt()));
        if (status == CaseFileStatus.OPEN) {
            deadlines.cancelAllWithinScope(deadlineName(DeadlineKind.RESOLUTION));
            schedule(deadlines, sla, DeadlineKind.RESOLUTION, command.decidedAt(), newDue);
        }
        return version();
    }

    @CommandHandler
    long handle(SubmitResolutionCommand command, DeadlineManager deadlines) {
        requireOfficial(command.caller());
        requireVersion(command.expectedVersion());
        requireRunning("The case was already answered or is closed.");
        if (command.outcome() != Outcome.SOLVED && isBlank(command.reason())) {
            throw new RuleViolation("reason-required", "Say why the appeal could not be (fully) solved.");
        }
        if (command.outcome() == Outcome.CANNOT_BE_SOLVED && isBlank(command.policyBasis())) {
            throw new RuleViolation(
                    "policy-basis-required", "Name the policy or regulation that keeps it from being solved.");
        }
        Instant clockStoppedAt = status == CaseFileStatus.PAUSED ? pausedAt : command.submittedAt();
        apply(new ResolutionSubmittedEvent(
                appealId,
                departmentId,
                command.caller().id(),
                round,
                command.answer(),
                command.outcome(),
                command.reason(),
                command.policyBasis(),
                command.submittedAt(),
                !clockStoppedAt.isAfter(resolutionDueAt)));
        attach(command.caller(), AttachedTo.ANSWER, null, true, command.documents(), command.submittedAt());
        cancelClocks(deadlines);
        return version();
    }

    @CommandHandler
    long handle(RecordFeedbackCommand command) {
        if (status != CaseFileStatus.ANSWERED || command.round() != round || feedbackReceived) {
            return version(); // redelivered, or about an answer that was reopened since
        }
        String kind = command.rating() > 0 ? "RATED" : "FEEDBACK_EXPIRED";
        apply(new CaseFileFeedbackReceivedEvent(appealId, round, kind, command.rating(), command.receivedAt()));
        if (signedOff) {
            apply(new CaseFileClosedEvent(appealId, departmentId, kind, command.receivedAt()));
        }
        return version();
    }

    @CommandHandler
    long handle(SignOffCloseOutCommand command) {
        if (!command.caller().decidesFor(departmentId)) {
            throw new NotAccessible("case file of appeal " + appealId);
        }
        requireVersion(command.expectedVersion());
        requireStatus(CaseFileStatus.ANSWERED, "Only an answered case can be signed off.");
        if (signedOff) {
            throw new RuleViolation("already-signed-off", "This answer is already signed off.");
        }
        apply(new CloseOutSignedOffEvent(appealId, command.caller().id(), command.signedOffAt()));
        if (feedbackReceived) {
            apply(new CaseFileClosedEvent(appealId, departmentId, feedback, command.signedOffAt()));
        }
        return version();
    }

    @CommandHandler
    long handle(ReopenCaseFileCommand command, SlaPolicy sla, DeadlineManager deadlines) {
        if (status != CaseFileStatus.ANSWERED || command.answeredRound() != round) {
            // redelivered; or the appeal was withdrawn or closed out in the meantime
            return version();
        }
        Instant start = command.reopenedAt();
        SlaTierLookup.Limits limits = sla.limits(command.category(), urgency, caseBeganAt);
        Instant firstContactDue = sla.firstContactDue(start, limits);
        Instant resolutionDue = sla.resolutionDue(start, limits);
        apply(new CaseFileReopenedEvent(appealId, round + 1, start, firstContactDue, resolutionDue));
        schedule(deadlines, sla, DeadlineKind.FIRST_CONTACT, start, firstContactDue);
        schedule(deadlines, sla, DeadlineKind.RESOLUTION, start, resolutionDue);
        return version();
    }

    @CommandHandler
    long handle(CancelCaseFileCommand command, DeadlineManager deadlines) {
        if (status == CaseFileStatus.CLOSED || status == CaseFileStatus.CANCELLED) {
            return version();
        }
        apply(new CaseFileCancelledEvent(appealId, "APPEAL_WITHDRAWN", command.cancelledAt()));
        cancelClocks(deadlines);
        return version();
    }

    /** A clock ran out: recorded once per due time, unless it was stopped or moved since it was scheduled. */
    @DeadlineHandler
    void on(SlaDeadline deadline) {
        if (running(deadline.kind(), deadline.dueAt())) {
            // nobody acted: the clock ran out (a deadline carries no caller of its own)
            apply(
                    new DeadlineBreachedEvent(
                            appealId,
                            deadline.kind(),
                            departmentId,
                            deadline.dueAt(),
                            GenericEventMessage.clock.instant()),
                    systemMetaData());
        }
    }

    /**
     * A clock runs out soon and what is due is still not done: the holder is warned once per due time. A warning that
     * came due while no instance ran and arrives only after its clock ran out says nothing: the breach does.
     */
    @DeadlineHandler
    void on(SlaWarning warning) {
        Instant now = GenericEventMessage.clock.instant();
        Instant warnedFor =
                switch (warning.kind()) {
                    case FIRST_CONTACT -> firstContactWarnedFor;
                    case RESOLUTION -> resolutionWarnedFor;
                    default -> null;
                };
        if (!running(warning.kind(), warning.dueAt())
                || warning.dueAt().equals(warnedFor)
                || !now.isBefore(warning.dueAt())) {
            return;
        }
        apply(
                new DeadlineApproachingEvent(appealId, warning.kind(), departmentId, warning.dueAt(), now),
                systemMetaData());
    }

    /** Whether the clock of that kind still runs towards that due time, neither met nor run out nor moved. */
    private boolean running(DeadlineKind kind, Instant dueAt) {
        if (status != CaseFileStatus.OPEN) {
            return false;
        }
        return switch (kind) {
            case FIRST_CONTACT -> !firstContactMade && !firstContactBreached && dueAt.equals(firstContactDueAt);
            case RESOLUTION -> !resolutionBreached && dueAt.equals(resolutionDueAt);
            default -> false;
        };
    }

    private static MetaData systemMetaData() {
        return MetaData.with(MetadataKeys.ACTOR, SYSTEM).and(MetadataKeys.ROLE, "SYSTEM");
    }

    /**
     * Starts a clock from {@code start}: its warning, if there is time for one, and its deadline, both under the
     * clock's name so that one cancellation stops both.
     */
    private void schedule(DeadlineManager deadlines, SlaPolicy sla, DeadlineKind kind, Instant start, Instant dueAt) {
        Instant warningAt = sla.warningAt(start, dueAt);
        if (warningAt.isBefore(dueAt)) {
            deadlines.schedule(warningAt, deadlineName(kind), new SlaWarning(kind, dueAt));
        }
        deadlines.schedule(dueAt, deadlineName(kind), new SlaDeadline(kind, dueAt));
    }

    private void cancelClocks(DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(deadlineName(DeadlineKind.FIRST_CONTACT));
        deadlines.cancelAllWithinScope(deadlineName(DeadlineKind.RESOLUTION));
    }

    /**
     * The files uploaded with a step, recorded by an event of their own right after the step's (ADR 0009); a step
     * without files applies nothing more.
     */
    private void attach(
            Caller caller,
            AttachedTo attachedTo,
            UUID stepId,
            boolean visibleToEnterprise,
            List<DocumentRef> documents,
            Instant attachedAt) {
        if (documents.isEmpty()) {
            return;
        }
        apply(new CaseFileDocumentsAttachedEvent(
                appealId, departmentId, caller.id(), attachedTo, stepId, visibleToEnterprise, documents, attachedAt));
    }

    /** Only the holding department's officials work the case; others learn nothing about it. */
    private void requireOfficial(Caller caller) {
        if (caller == null || !caller.worksIn(departmentId)) {
            throw new NotAccessible("case file of appeal " + appealId);
        }
    }

    private void requireStatus(CaseFileStatus required, String reason) {
        if (status != required) {
            throw new RuleViolation("case-file-" + status.name().toLowerCase().replace('_', '-'), reason);
        }
    }

    private void requireRunning(String reason) {
        if (status != CaseFileStatus.OPEN && status != CaseFileStatus.PAUSED) {
            throw new RuleViolation("case-file-" + status.name().toLowerCase(), reason);
        }
    }

    private static void requireVersion(Long expected) {
        Long actual = AggregateLifecycle.getVersion();
        if (expected == null || !expected.equals(actual)) {
            throw new ConflictingAggregateVersionException(
                    "case file", expected == null ? -1 : expected, actual == null ? -1 : actual);
        }
    }

    /**
     * A retry of a create this case file already has: nothing again, and no conflict either, though its
     * {@code If-Match} is the one its first request used (the events since are that request's and later ones).
     */
    private static long retried() {
        ConflictResolution.getConflictResolver().detectConflicts(unseen -> false);
        return version();
    }

    private static long version() {
        Long version = AggregateLifecycle.getVersion();
        return version == null ? -1 : version;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    @EventSourcingHandler
    void on(CaseFileOpenedEvent event) {
        caseFileId = idOf(event.appealId());
        appealId = event.appealId();
        departmentId = event.departmentId();
        urgency = event.urgency();
        round = event.round();
        status = CaseFileStatus.OPEN;
        if (caseBeganAt == null) {
            caseBeganAt = event.openedAt();
        }
        firstContactDueAt = event.firstContactDueAt();
        resolutionDueAt = event.resolutionDueAt();
        firstContactMade = false;
        firstContactBreached = false;
        resolutionBreached = false;
        pendingExtension = null;
        pendingExtensionDueAt = null;
    }

    @EventSourcingHandler
    void on(ProgressNotedEvent event) {
        notes.add(event.noteId());
        if (event.contactWithEnterprise()) {
            firstContactMade = true;
        }
    }

    @EventSourcingHandler
    void on(CaseFilePausedEvent event) {
        status = CaseFileStatus.PAUSED;
        pausedAt = event.pausedAt();
    }

    @EventSourcingHandler
    void on(CaseFileResumedEvent event) {
        status = CaseFileStatus.OPEN;
        pausedAt = null;
        if (event.firstContactDueAt() != null) {
            firstContactDueAt = event.firstContactDueAt();
        }
        resolutionDueAt = event.resolutionDueAt();
    }

    @EventSourcingHandler
    void on(ExtensionRequestedEvent event) {
        extensionRequests.add(event.requestId());
        pendingExtension = event.requestId();
        pendingExtensionDueAt = event.requestedDueAt();
    }

    @EventSourcingHandler
    void on(ExtensionGrantedEvent event) {
        pendingExtension = null;
        pendingExtensionDueAt = null;
        resolutionDueAt = event.newResolutionDueAt();
        resolutionBreached = false;
    }

    @EventSourcingHandler
    void on(ExtensionDeniedEvent event) {
        pendingExtension = null;
        pendingExtensionDueAt = null;
    }

    @EventSourcingHandler
    void on(DeadlineApproachingEvent event) {
        if (event.kind() == DeadlineKind.FIRST_CONTACT) {
            firstContactWarnedFor = event.dueAt();
        } else if (event.kind() == DeadlineKind.RESOLUTION) {
            resolutionWarnedFor = event.dueAt();
        }
    }

    @EventSourcingHandler
    void on(DeadlineBreachedEvent event) {
        if (event.kind() == DeadlineKind.FIRST_CONTACT) {
            firstContactBreached = true;
        } else if (event.kind() == DeadlineKind.RESOLUTION) {
            resolutionBreached = true;
        }
    }

    @EventSourcingHandler
    void on(ResolutionSubmittedEvent event) {
        status = CaseFileStatus.ANSWERED;
        pausedAt = null;
        pendingExtension = null;
        pendingExtensionDueAt = null;
        feedbackReceived = false;
        feedback = null;
        signedOff = false;
    }

    @EventSourcingHandler
    void on(CaseFileFeedbackReceivedEvent event) {
        feedbackReceived = true;
        feedback = event.feedback();
    }

    @EventSourcingHandler
    void on(CloseOutSignedOffEvent event) {
        signedOff = true;
    }

    @EventSourcingHandler
    void on(CaseFileClosedEvent event) {
        status = CaseFileStatus.CLOSED;
    }

    @EventSourcingHandler
    void on(CaseFileReopenedEvent event) {
        round = event.round();
        status = CaseFileStatus.OPEN;
        firstContactDueAt = event.firstContactDueAt();
        resolutionDueAt = event.resolutionDueAt();
        firstContactMade = false;
        firstContactBreached = false;
        resolutionBreached = false;
        feedbackReceived = false;
        feedback = null;
        signedOff = false;
    }

    @EventSourcingHandler
    void on(CaseFileCancelledEvent event) {
        status = CaseFileStatus.CANCELLED;
    }
}
