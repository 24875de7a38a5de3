package cn.qinqing.oversight.history;

import cn.qinqing.language.Ids;
import cn.qinqing.language.appeal.AppealAnsweredEvent;
import cn.qinqing.language.appeal.AppealClosedEvent;
import cn.qinqing.language.appeal.AppealDocumentsAttachedEvent;
import cn.qinqing.language.appeal.AppealFiledEvent;
import cn.qinqing.language.appeal.AppealRatedEvent;
import cn.qinqing.language.appeal.AppealRatingExpiredEvent;
import cn.qinqing.language.appeal.AppealReopenedEvent;
import cn.qinqing.language.appeal.AppealSupplementedEvent;
import cn.qinqing.language.appeal.AppealWithdrawnEvent;
import cn.qinqing.language.assignment.AppealDispatchedEvent;
import cn.qinqing.language.assignment.AppealEscalatedEvent;
import cn.qinqing.language.assignment.AppealQueuedForDispatchEvent;
import cn.qinqing.language.assignment.AppealReturnedEvent;
import cn.qinqing.language.assignment.AppealSignedForEvent;
import cn.qinqing.language.assignment.AppealTransferredEvent;
import cn.qinqing.language.assignment.AssignmentClosedEvent;
import cn.qinqing.language.assignment.AssignmentOpenedEvent;
import cn.qinqing.language.assignment.LeaderTookChargeEvent;
import cn.qinqing.language.assignment.SupervisionNoticeIssuedEvent;
import cn.qinqing.language.assignment.SupervisionNoticeMetEvent;
import cn.qinqing.language.calendar.WorkingCalendar;
import cn.qinqing.language.meeting.ActionItemClosedEvent;
import cn.qinqing.language.meeting.ActionItemRaisedEvent;
import cn.qinqing.language.resolution.CaseFileClosedEvent;
import cn.qinqing.language.resolution.CaseFileDocumentsAttachedEvent;
import cn.qinqing.language.resolution.CaseFileOpenedEvent;
import cn.qinqing.language.resolution.CaseFilePausedEvent;
import cn.qinqing.language.resolution.CaseFileReopenedEvent;
import cn.qinqing.language.resolution.CaseFileResumedEvent;
import cn.qinqing.language.resolution.CloseOutSignedOffEvent;
import cn.qinqing.language.resolution.DeadlineApproachingEvent;
import cn.qinqing.language.resolution.DeadlineBreachedEvent;
import cn.qinqing.language.resolution.ExtensionDeniedEvent;
import cn.qinqing.language.resolution.ExtensionGrantedEvent;
import cn.qinqing.language.resolution.ExtensionRequestedEvent;
import cn.qinqing.language.resolution.ProgressNotedEvent;
import cn.qinqing.language.resolution.ResolutionSubmittedEvent;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The published events oversight keeps about an appeal, and the little it must know of each to store it: which
 * appeal it is about, when it happened, the due instant it sets and whether it finishes the appeal. Queries select by
 * those columns; everything else is read from the event itself.
 */
public final class AppealEventTypes {

    /**
     * One kind of event.
     *
     * @param code the step's name on the timeline (and in its CSV), the word the portal translates: never rename one
     * @param due the due instant it sets, if any: a KPI period counts the appeals with something falling due in it
     * @param finishes whether it withdraws or closes the appeal (the overdue list skips finished appeals)
     */
    public record Type<E>(
            Class<E> javaType,
            String code,
            Function<E, UUID> appeal,
            Function<E, Instant> at,
            Function<E, Instant> due,
            boolean finishes) {

        public UUID appealOf(Object event) {
            return appeal.apply(javaType.cast(event));
        }

        public Instant atOf(Object event) {
            return at.apply(javaType.cast(event));
        }

        public Instant dueOf(Object event) {
            return due == null ? null : due.apply(javaType.cast(event));
        }
    }

    private static final Map<Class<?>, Type<?>> TYPES = index(
            // appeals service
            type(AppealFiledEvent.class, "FILED", AppealFiledEvent::appealId, AppealFiledEvent::filedAt),
            type(
                    AppealSupplementedEvent.class,
                    "SUPPLEMENTED",
                    AppealSupplementedEvent::appealId,
                    AppealSupplementedEvent::supplementedAt),
            type(
                    AppealDocumentsAttachedEvent.class,
                    "DOCUMENTS_ATTACHED",
                    AppealDocumentsAttachedEvent::appealId,
                    AppealDocumentsAttachedEvent::attachedAt),
            finishing(
                    AppealWithdrawnEvent.class,
                    "WITHDRAWN",
                    AppealWithdrawnEvent::appealId,
                    AppealWithdrawnEvent::withdrawnAt),
            due(
                    AppealAnsweredEvent.class,
                    "ANSWERED",
                    AppealAnsweredEvent::appealId,
                    AppealAnsweredEvent::answeredAt,
                    AppealAnsweredEvent::ratingDueAt),
            type(AppealRatedEvent.class, "RATED", AppealRatedEvent::appealId, AppealRatedEvent::ratedAt),
            type(
                    AppealRatingExpiredEvent.class,
                    "RATING_EXPIRED",
                    AppealRatingExpiredEvent::appealId,
                    AppealRatingExpiredEvent::expiredAt),
            type(AppealReopenedEvent.class, "REOPENED", AppealReopenedEvent::appealId, AppealReopenedEvent::reopenedAt),
            finishing(
                    AppealClosedEvent.class, "APPEAL_CLOSED", AppealClosedEvent::appealId, AppealClosedEvent::closedAt),
            // assignment service
            type(
                    AssignmentOpenedEvent.class,
                    "ASSIGNMENT_OPENED",
                    AssignmentOpenedEvent::appealId,
                    AssignmentOpenedEvent::openedAt),
            due(
                    AppealQueuedForDispatchEvent.class,
                    "QUEUED",
                    AppealQueuedForDispatchEvent::appealId,
                    AppealQueuedForDispatchEvent::queuedAt,
                    AppealQueuedForDispatchEvent::dispatchDueAt),
            due(
                    AppealDispatchedEvent.class,
                    "DISPATCHED",
                    AppealDispatchedEvent::appealId,
                    AppealDispatchedEvent::dispatchedAt,
                    AppealDispatchedEvent::signForDueAt),
            type(
                    AppealSignedForEvent.class,
                    "SIGNED_FOR",
                    AppealSignedForEvent::appealId,
                    AppealSignedForEvent::signedAt),
            type(AppealReturnedEvent.class, "RETURNED", AppealReturnedEvent::appealId, AppealReturnedEvent::returnedAt),
            due(
                    AppealTransferredEvent.class,
                    "TRANSFERRED",
                    AppealTransferredEvent::appealId,
                    AppealTransferredEvent::transferredAt,
                    AppealTransferredEvent::signForDueAt),
            type(
                    LeaderTookChargeEvent.class,
                    "LEADER_TOOK_CHARGE",
                    LeaderTookChargeEvent::appealId,
                    LeaderTookChargeEvent::tookChargeAt),
            due(
                    SupervisionNoticeIssuedEvent.class,
                    "SUPERVISION_NOTICE",
                    SupervisionNoticeIssuedEvent::appealId,
                    SupervisionNoticeIssuedEvent::issuedAt,
                    SupervisionNoticeIssuedEvent::dueAt),
            type(
                    SupervisionNoticeMetEvent.class,
                    "SUPERVISION_NOTICE_MET",
                    SupervisionNoticeMetEvent::appealId,
                    SupervisionNoticeMetEvent::metAt),
            type(
                    AppealEscalatedEvent.class,
                    "ESCALATED",
                    AppealEscalatedEvent::appealId,
                    AppealEscalatedEvent::escalatedAt),
            finishing(
                    AssignmentClosedEvent.class,
                    "ASSIGNMENT_CLOSED",
                    AssignmentClosedEvent::appealId,
                    AssignmentClosedEvent::closedAt),
            // resolution service
            due(
                    CaseFileOpenedEvent.class,
                    "CASE_OPENED",
                    CaseFileOpenedEvent::appealId,
                    CaseFileOpenedEvent::openedAt,
                    CaseFileOpenedEvent::resolutionDueAt),
            type(ProgressNotedEvent.class, "PROGRESS_NOTED", ProgressNotedEvent::appealId, ProgressNotedEvent::notedAt),
            type(
                    CaseFileDocumentsAttachedEvent.class,
                    "CASE_FILE_DOCUMENTS_ATTACHED",
                    CaseFileDocumentsAttachedEvent::appealId,
                    CaseFileDocumentsAttachedEvent::attachedAt),
            type(
                    CaseFilePausedEvent.class,
                    "CASE_PAUSED",
                    CaseFilePausedEvent::appealId,
                    CaseFilePausedEvent::pausedAt),
            due(
                    CaseFileResumedEvent.class,
                    "CASE_RESUMED",
                    CaseFileResumedEvent::appealId,
                    CaseFileResumedEvent::resumedAt,
                    CaseFileResumedEvent::resolutionDueAt),
            due(
                    ExtensionRequestedEvent.class,
                    "EXTENSION_REQUESTED",
                    ExtensionRequestedEvent::appealId,
                    ExtensionRequestedEvent::requestedAt,
                    ExtensionRequestedEvent::requestedDueAt),
            due(
                    ExtensionGrantedEvent.class,
                    "EXTENSION_GRANTED",
                    ExtensionGrantedEvent::appealId,
                    ExtensionGrantedEvent::decidedAt,
                    ExtensionGrantedEvent::newResolutionDueAt),
            type(
                    ExtensionDeniedEvent.class,
                    "EXTENSION_DENIED",
                    ExtensionDeniedEvent::appealId,
                    ExtensionDeniedEvent::decidedAt),
            due(
                    DeadlineApproachingEvent.class,
                    "DEADLINE_APPROACHING",
                    DeadlineApproachingEvent::appealId,
                    DeadlineApproachingEvent::warnedAt,
                    DeadlineApproachingEvent::dueAt),
            due(
                    DeadlineBreachedEvent.class,
                    "DEADLINE_BREACHED",
                    DeadlineBreachedEvent::appealId,
                    DeadlineBreachedEvent::breachedAt,
                    DeadlineBreachedEvent::dueAt),
            type(
                    ResolutionSubmittedEvent.class,
                    "RESOLUTION_SUBMITTED",
                    ResolutionSubmittedEvent::appealId,
                    ResolutionSubmittedEvent::submittedAt),
            due(
                    CaseFileReopenedEvent.class,
                    "CASE_REOPENED",
                    CaseFileReopenedEvent::appealId,
                    CaseFileReopenedEvent::reopenedAt,
                    CaseFileReopenedEvent::resolutionDueAt),
            type(
                    CloseOutSignedOffEvent.class,
                    "CLOSE_OUT_SIGNED_OFF",
                    CloseOutSignedOffEvent::appealId,
                    CloseOutSignedOffEvent::signedOffAt),
            finishing(
                    CaseFileClosedEvent.class,
                    "CASE_CLOSED",
                    CaseFileClosedEvent::appealId,
                    CaseFileClosedEvent::closedAt),
            // meetings service
            due(
                    ActionItemRaisedEvent.class,
                    "ACTION_ITEM_RAISED",
                    ActionItemRaisedEvent::appealId,
                    ActionItemRaisedEvent::raisedAt,
                    AppealEventTypes::actionItemDue),
            type(
                    ActionItemClosedEvent.class,
                    "ACTION_ITEM_CLOSED",
                    AppealEventTypes::actionItemAppeal,
                    ActionItemClosedEvent::closedAt));

    private AppealEventTypes() {}

    /** What oversight keeps of events of this class; empty for an event that is not about an appeal. */
    public static Optional<Type<?>> of(Class<?> javaType) {
        return Optional.ofNullable(TYPES.get(javaType));
    }

    public static Collection<Type<?>> all() {
        return TYPES.values();
    }

    /** An action item is done on time when closed before the end of its due date, in the city's time zone. */
    public static Instant actionItemDue(ActionItemRaisedEvent event) {
        return event.dueOn() == null
                ? null
                : event.dueOn().plusDays(1).atStartOfDay(WorkingCalendar.ZONE).toInstant();
    }

    /** The closing of an action item names no appeal; the appeal the item became is derived from it, as its raising says. */
    static UUID actionItemAppeal(ActionItemClosedEvent event) {
        return Ids.derive("meeting-action-item", event.actionItemId().toString());
    }

    private static <E> Type<E> type(Class<E> javaType, String code, Function<E, UUID> appeal, Function<E, Instant> at) {
        return new Type<>(javaType, code, appeal, at, null, false);
    }

    private static <E> Type<E> due(
            Class<E> javaType,
            String code,
            Function<E, UUID> appeal,
            Function<E, Instant> at,
            Function<E, Instant> due) {
        return new Type<>(javaType, code, appeal, at, due, false);
    }

    private static <E> Type<E> finishing(
            Class<E> javaType, String code, Function<E, UUID> appeal, Function<E, Instant> at) {
        return new Type<>(javaType, code, appeal, at, null, true);
    }

    private static Map<Class<?>, Type<?>> index(Type<?>... types) {
        Map<Class<?>, Type<?>> index = new LinkedHashMap<>();
        for (Type<?> type : types) {
            if (index.put(type.javaType(), type) != null) {
                throw new IllegalStateException("listed twice: " + type.javaType());
            }
        }
        return Map.copyOf(index);
    }
}
