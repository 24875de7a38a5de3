package cn.qinqing.oversight.timeline;

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
import cn.qinqing.language.document.DocumentRef;
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
import cn.qinqing.oversight.history.AppealEventTypes;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a timeline step shows of each published event: the department and leader it names, the round, the due time it
 * sets, its yes/no, rating and code, and the rest as details. This is the timeline's published shape (the portal and
 * the CSV read it), made from the event record when a timeline is asked for; nothing is stored this way.
 */
final class TimelineSteps {

    /** The event's fields as the timeline step shows them. */
    record Shown(
            String departmentId,
            String leaderId,
            Integer round,
            Instant dueAt,
            Boolean flag,
            Integer rating,
            String kind,
            Map<String, Object> details) {

        static Shown of() {
            return new Shown(null, null, null, null, null, null, null, Map.of());
        }

        Shown department(String value) {
            return new Shown(value, leaderId, round, dueAt, flag, rating, kind, details);
        }

        Shown leader(String value) {
            return new Shown(departmentId, value, round, dueAt, flag, rating, kind, details);
        }

        Shown round(int value) {
            return new Shown(departmentId, leaderId, value, dueAt, flag, rating, kind, details);
        }

        Shown due(Instant value) {
            return new Shown(departmentId, leaderId, round, value, flag, rating, kind, details);
        }

        Shown flag(boolean value) {
            return new Shown(departmentId, leaderId, round, dueAt, value, rating, kind, details);
        }

        Shown rating(int value) {
            return new Shown(departmentId, leaderId, round, dueAt, flag, value, kind, details);
        }

        Shown kind(Object value) {
            return new Shown(departmentId, leaderId, round, dueAt, flag, rating, text(value), details);
        }

        Shown details(Object... keysAndValues) {
            return new Shown(departmentId, leaderId, round, dueAt, flag, rating, kind, map(keysAndValues));
        }
    }

    private static final Map<Class<?>, Function<Object, Shown>> SHOWN = new HashMap<>();

    private static <E> void show(Class<E> type, Function<E, Shown> shown) {
        SHOWN.put(type, event -> shown.apply(type.cast(event)));
    }

    static {
        show(AppealFiledEvent.class, e -> Shown.of()
                .flag(e.manualDispatch())
                .kind(e.source())
                .details(
                        "enterpriseId", e.enterpriseId(),
                        "title", e.title(),
                        "category", e.category(),
                        "urgency", e.urgency(),
                        "attachments", e.attachments().size(),
                        "meetingId", e.meeting() == null ? null : e.meeting().meetingId(),
                        "actionItemId", e.meeting() == null ? null : e.meeting().actionItemId()));
        show(AppealSupplementedEvent.class, e -> Shown.of()
                .details("text", e.text(), "attachments", e.attachments().size()));
        show(AppealDocumentsAttachedEvent.class, e -> Shown.of()
                .kind(e.attachedWith())
                .details(
                        "documents",
                        e.documents().stream().map(DocumentRef::name).collect(Collectors.joining("、")),
                        "count",
                        e.documents().size()));
        show(AppealWithdrawnEvent.class, e -> Shown.of().details("reason", e.reason()));
        show(AppealAnsweredEvent.class, e -> Shown.of()
                .department(e.departmentId())
                .round(e.round())
                .due(e.ratingDueAt())
                .kind(e.outcome())
                .details("answer", e.answer(), "reason", e.reason(), "policyBasis", e.policyBasis()));
        show(
                AppealRatedEvent.class,
                e -> Shown.of().round(e.round()).rating(e.rating()).details("comment", e.comment()));
        show(AppealRatingExpiredEvent.class, e -> Shown.of().round(e.round()));
        show(AppealReopenedEvent.class, e -> Shown.of().round(e.round()).details("reason", e.reason()));
        show(AppealClosedEvent.class, e -> Shown.of());
        show(AssignmentOpenedEvent.class, e -> Shown.of()
                .details(
                        "enterpriseId", e.enterpriseId(),
                        "category", e.category(),
                        "urgency", e.urgency(),
                        "chainPosition", e.chainPosition(),
                        "district", e.district()));
        show(
                AppealQueuedForDispatchEvent.class,
                e -> Shown.of().due(e.dispatchDueAt()).kind(e.reason()));
        show(AppealDispatchedEvent.class, e -> Shown.of()
                .department(e.departmentId())
                .due(e.signForDueAt())
                .kind(e.mode())
                .details("ruleId", e.ruleId(), "urgency", e.urgency()));
        show(AppealSignedForEvent.class, e -> Shown.of()
                .department(e.departmentId())
                .flag(e.withinLimit())
                .details("officialId", e.officialId()));
        show(AppealReturnedEvent.class, e -> Shown.of()
                .department(e.departmentId())
                .details("officialId", e.officialId(), "reason", e.reason()));
        show(AppealTransferredEvent.class, e -> Shown.of()
                .department(e.toDepartmentId())
                .due(e.signForDueAt())
                .details("byActor", e.byActor(), "reason", e.reason()));
        show(LeaderTookChargeEvent.class, e -> Shown.of().leader(e.leaderId()));
        show(SupervisionNoticeIssuedEvent.class, e -> Shown.of()
                .department(e.departmentId())
                .leader(e.leaderId())
                .due(e.dueAt())
                .details("instructions", e.instructions()));
        show(
                SupervisionNoticeMetEvent.class,
                e -> Shown.of().department(e.departmentId()).details("noticeId", String.valueOf(e.noticeId())));
        show(
                AppealEscalatedEvent.class,
                e -> Shown.of().leader(e.toLeaderId()).kind(e.cause()).details("fromLeaderId", e.fromLeaderId()));
        show(AssignmentClosedEvent.class, e -> Shown.of().kind(e.reason()));
        show(CaseFileOpenedEvent.class, e -> Shown.of()
                .department(e.departmentId())
                .round(e.round())
                .due(e.resolutionDueAt())
                .flag(e.provisionalCalendar())
                .kind(e.urgency()));
        show(ProgressNotedEvent.class, e -> Shown.of()
                .flag(e.contactWithEnterprise())
                .details(
                        "officialId", e.officialId(),
                        "text", e.text(),
                        "visibleToEnterprise", e.visibleToEnterprise()));
        show(CaseFileDocumentsAttachedEvent.class, e -> Shown.of()
                .department(e.departmentId())
                .kind(e.attachedTo())
                .details(
                        "officialId", e.officialId(),
                        "documents",
                                e.documents().stream().map(DocumentRef::name).collect(Collectors.joining("、")),
                        "count", e.documents().size(),
                        "visibleToEnterprise", e.visibleToEnterprise()));
        show(CaseFilePausedEvent.class, e -> Shown.of().details("officialId", e.officialId(), "reason", e.reason()));
        show(CaseFileResumedEvent.class, e -> Shown.of().due(e.resolutionDueAt()));
        show(
                ExtensionRequestedEvent.class,
                e -> Shown.of().due(e.requestedDueAt()).details("officialId", e.officialId(), "reason", e.reason()));
        show(ExtensionGrantedEvent.class, e -> Shown.of().leader(e.leaderId()).due(e.newResolutionDueAt()));
        show(ExtensionDeniedEvent.class, e -> Shown.of().leader(e.leaderId()).details("reason", e.reason()));
        show(
                DeadlineApproachingEvent.class,
                e -> Shown.of().department(e.departmentId()).due(e.dueAt()).kind(e.kind()));
        show(
                DeadlineBreachedEvent.class,
                e -> Shown.of().department(e.departmentId()).due(e.dueAt()).kind(e.kind()));
        show(ResolutionSubmittedEvent.class, e -> Shown.of()
                .department(e.departmentId())
                .round(e.round())
                .flag(e.onTime())
                .kind(e.outcome())
                .details(
                        "officialId", e.officialId(),
                        "answer", e.answer(),
                        "reason", e.reason(),
                        "policyBasis", e.policyBasis()));
        show(CaseFileReopenedEvent.class, e -> Shown.of().round(e.round()).due(e.resolutionDueAt()));
        show(CloseOutSignedOffEvent.class, e -> Shown.of().leader(e.leaderId()));
        show(
                CaseFileClosedEvent.class,
                e -> Shown.of().department(e.departmentId()).kind(e.feedback()));
        show(ActionItemRaisedEvent.class, e -> Shown.of()
                .department(e.ownerDepartmentId())
                .leader(e.responsibleLeaderId())
                .due(AppealEventTypes.actionItemDue(e))
                .details(
                        "meetingId", e.meetingId(),
                        "enterpriseId", e.enterpriseId(),
                        "title", e.title(),
                        "dueOn", e.dueOn(),
                        "agendaPosition", e.agendaPosition(),
                        "decision", e.decision(),
                        "category", e.category()));
        show(ActionItemClosedEvent.class, e -> Shown.of().kind(e.cause()).details("meetingId", e.meetingId()));
    }

    private TimelineSteps() {}

    /** Every event type oversight keeps has its step (a test holds the two lists together). */
    static boolean shows(Class<?> type) {
        return SHOWN.containsKey(type);
    }

    static Shown shown(Object event) {
        Function<Object, Shown> shown = SHOWN.get(event.getClass());
        return shown == null ? Shown.of() : shown.apply(event);
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Enum<?> constant ? constant.name() : value.toString();
    }

    /** Alternating keys and values; null values are left out, ids, times and codes as text. */
    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            if (value != null) {
                details.put(
                        (String) keysAndValues[i],
                        value instanceof UUID
                                        || value instanceof java.time.temporal.Temporal
                                        || value instanceof Enum<?>
                                ? text(value)
                                : value);
            }
        }
        return details;
    }
}
