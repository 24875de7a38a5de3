package cn.qinqing.oversight.facts;

import cn.qinqing.language.Ids;
import cn.qinqing.language.MetadataKeys;
import cn.qinqing.language.appeal.AppealAnsweredEvent;
import cn.qinqing.language.appeal.AppealClosedEvent;
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
import cn.qinqing.language.calendar.WorkingCalendar;
import cn.qinqing.language.meeting.ActionItemClosedEvent;
import cn.qinqing.language.meeting.ActionItemRaisedEvent;
import cn.qinqing.language.resolution.CaseFileClosedEvent;
import cn.qinqing.language.resolution.CaseFileOpenedEvent;
import cn.qinqing.language.resolution.CaseFilePausedEvent;
import cn.qinqing.language.resolution.CaseFileReopenedEvent;
import cn.qinqing.language.resolution.CaseFileResumedEvent;
import cn.qinqing.language.resolution.CloseOutSignedOffEvent;
import cn.qinqing.language.resolution.DeadlineBreachedEvent;
import cn.qinqing.language.resolution.ExtensionDeniedEvent;
import cn.qinqing.language.resolution.ExtensionGrantedEvent;
import cn.qinqing.language.resolution.ExtensionRequestedEvent;
import cn.qinqing.language.resolution.ProgressNotedEvent;
import cn.qinqing.language.resolution.ResolutionSubmittedEvent;
import cn.qinqing.oversight.ProcessingGroups;
import cn.qinqing.oversight.history.Fact;
import cn.qinqing.oversight.history.FactType;
import cn.qinqing.platform.messaging.WritesAtCommit;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every event about an appeal, from every service, becomes one row of {@code appeal_fact}: appended, never changed,
 * keyed by event id (so redelivery and replay leave the same rows). The rows of a batch are written together when
 * the batch commits. Nothing is computed here: timelines and KPIs are derived from the facts when asked, which is
 * what makes {@code ?asOf=} and "recomputed from every event known now" possible.
 *
 * <p>The handlers only collect rows ({@link WritesAtCommit}): a replay costs one statement per batch of events, not a
 * round trip (let alone a savepoint) per event.
 */
@Component
@WritesAtCommit
@ProcessingGroup(ProcessingGroups.READ_MODELS)
public class FactProjection {

    private static final String BATCH = FactProjection.class.getName() + ".batch";

    private final FactWriter writer;
    private final JdbcTemplate jdbc;

    FactProjection(FactWriter writer, JdbcTemplate jdbc) {
        this.writer = writer;
        this.jdbc = jdbc;
    }

    // ---- appeals service

    @EventHandler
    void on(AppealFiledEvent event, EventMessage<?> message, TrackingToken token) {
        var meeting = event.meeting();
        record(
                Fact.of(FactType.FILED, event.appealId(), event.filedAt())
                        .flag(event.manualDispatch())
                        .kind(name(event.source()))
                        .details(details(
                                "enterpriseId",
                                event.enterpriseId(),
                                "title",
                                event.title(),
                                "category",
                                name(event.category()),
                                "urgency",
                                name(event.urgency()),
                                "attachments",
                                event.attachments().size(),
                                "meetingId",
                                meeting == null ? null : meeting.meetingId(),
                                "actionItemId",
                                meeting == null ? null : meeting.actionItemId())),
                message,
                token);
        batch().dimensions
                .add(new Dimension(
                        Dimension.Source.FILING,
                        event.appealId(),
                        event.enterpriseId(),
                        event.title(),
                        name(event.category()),
                        name(event.urgency()),
                        name(event.source()),
                        null,
                        null,
                        event.filedAt()));
    }

    @EventHandler
    void on(AppealSupplementedEvent event, EventMessage<?> message, TrackingToken token) {
        record(
                Fact.of(FactType.SUPPLEMENTED, event.appealId(), event.supplementedAt())
                        .details(details(
                                "text",
                                event.text(),
                                "attachments",
                                event.attachments().size())),
                message,
                token);
    }

    @EventHandler
    void on(AppealWithdrawnEvent event, EventMessage<?> message, TrackingToken token) {
        record(
                Fact.of(FactType.WITHDRAWN, event.appealId(), event.withdrawnAt())
                        .details(details("reason", event.reason())),
                message,
                token);
    }

    @EventHandler
    void on(AppealAnsweredEvent event, EventMessage<?> message, TrackingToken token) {
        record(
                Fact.of(FactType.ANSWERED, event.appealId(), event.answeredAt())
                        .department(event.departmentId())
                        .round(event.round())
                        .due(event.ratingDueAt())
                        .kind(name(event.outcome()))
                        .details(details(
                                "answer",
                                event.answer(),
                                "reason",
                                event.reason(),
                                "policyBasis",
                                event.policyBasis())),
                message,
                token);
    }

    @EventHandler
    void on(AppealRatedEvent event, EventMessage<?> message, TrackingToken token) {
        record(
                Fact.of(FactType.RATED, event.appealId(), event.ratedAt())
                        .round(event.round())
                        .rating(event.rating())
                        .details(details("comment", event.comment())),
                message,
                token);
    }

    @EventHandler
    void on(AppealRatingExpiredEvent event, EventMessage<?> message, TrackingToken token) {
        record(
                Fact.of(FactType.RATING_EXPIRED, event.appealId(), event.expiredAt())
                        .round(event.round()),
                message,
                token);
    }

    @EventHandler
    void on(AppealReopenedEvent event, EventMessage<?> message, TrackingToken token) {
        record(
                Fact.of(FactType.REOPENED, event.appealId(), event.reopenedAt())
                        .round(event.round())
                        .details(details("reason", event.reason())),
                message,
                token);
    }

    @EventHandler
    void on(AppealClosedEvent event, EventMessage<?> message, TrackingToken token) {
        record(Fact.of(FactType.APPEAL_CLOSED, event.appealId(), event.closedAt()), message, token);
    }

    // ---- assignment service

    @EventHandler
    void on(AssignmentOpenedEvent event, EventMessage<?> message, TrackingToken token) {
        record(
                Fact.of(FactType.ASSIGNMENT_OPENED, event.appealId(), event.openedAt())
                        .details(details(
                                "enterpriseId",
                                event.enterpriseId(),
                                "category",
                                name(event.category()),
                                "urgency",
                                name(event.urgency()),
                                "chainPosition",
                                name(event.chainPosition()),
                                "district",
                                event.district())),
                message,
                token);
        batch().dimensions
                .add(new Dimension(
                        Dimension.Source.ROUTING,
                        event.appealId(),
                        event.enterpriseId(),
                        null,
                        name(event.category()),
                        name(event.urgency()),
                        null,
                        event.district(),
                        name(event.chainPosition()),
                        null));
    }

    @EventHandler
    void on(AppealQueuedForDispatchEvent event, EventMessage<?> message, TrackingToken token) {
        record(
                Fact.of(FactType.QUEUED, event.appealId(), event.queuedAt())
                        .due(event.dispatchDueAt())
                        .kind(event.reason()),
                message,
                token);
    }

    @EventHandler
    void on(AppealDispatchedEvent event, EventMessage<?> message, TrackingToken token) {
        record(
                Fact.of(FactType.DISPATCHED, event.appealId(), event.dispatchedAt())
                        .department(event.departmentId())
                        .otherDepartment(event.previousDepartmentId())
                        .due(event.signForDueAt())
                        .kind(name(event.mode()))
                        .details(details("ruleId", event.ruleId(), "urgency", name(event.urgency()))),
                message,
                token);
    }

    @EventHandler
    void on(AppealSignedForEvent event, EventMessage<?> message, TrackingToken token) {
        record(
                Fact.of(FactType.SIGNED_FOR, event.appealId(), event.signedAt())
                        .department(event.departmentId())
                        .flag(event.withinLimit())
                        .details(details("officialId", event.officialId())),
                message,
                token);
    }

    @EventHandler
    void on(AppealReturnedEvent event, EventMessage<?> message, TrackingToken token) {
        record(
                Fact.of(FactType.RETURNED, event.appealId(), event.returnedAt())
                        .department(event.departmentId())
                        .details(details("officialId", event.officialId(), "reason", event.reason())),
                message,
                token);
    }

    @EventHandler
    void on(AppealTransferredEvent event, EventMessage<?> message, TrackingToken token) {
        record(
                Fact.of(FactType.TRANSFERRED, event.appealId(), event.transferredAt())
                        .department(event.toDepartmentId())
                        .otherDepartment(event.fromDepartmentId())
                        .due(event.signForDueAt())
                        .details(details("byActor", event.byActor(), "reason", event.reason())),
                message,
                token);
    }

    @EventHandler
    void on(LeaderTookChargeEvent event, EventMessage<?> message, TrackingToken token) {
        record(
                Fact.of(FactType.LEADER_TOOK_CHARGE, event.appealId(), event.tookChargeAt())
                        .leader(event.leaderId()),
                message,
                token);
    }

    @EventHandler
    void on(SupervisionNoticeIssuedEvent event, EventMessage<?> message, TrackingToken token) {
        record(
                Fact.of(FactType.SUPERVISION_NOTICE, event.appealId(), event.issuedAt())
                        .department(event.departmentId())
                        .leader(event.leaderId())
                        .due(event.dueAt())
                        .related(event.noticeId())
                        .details(details("instructions", event.instructions())),
                message,
                token);
    }

    @EventHandler
    void on(AppealEscalatedEvent event, EventMessage<?> message, TrackingToken token) {
        record(
                Fact.of(FactType.ESCALATED, event.appealId(), event.escalatedAt())
                        .leader(event.toLeaderId())
                        .kind(event.cause())
                        .details(details("fromLeaderId", event.fromLeaderId())),
                message,
                token);
    }

    @EventHandler
    void on(AssignmentClosedEvent event, EventMessage<?> message, TrackingToken token) {
        record(
                Fact.of(FactType.ASSIGNMENT_CLOSED, event.appealId(), event.closedAt())
                        .kind(event.reason()),
                message,
                token);
    }

    // ---- resolution service

    @EventHandler
    void on(CaseFileOpenedEvent event, EventMessage<?> message, TrackingToken token) {
        record(
                Fact.of(FactType.CASE_OPENED, event.appealId(), event.openedAt())
                        .department(event.departmentId())
                        .round(event.round())
                        .due(event.resolutionDueAt())
                        .due2(event.firstContactDueAt())
                        .flag(event.provisionalCalendar())
                        .kind(name(event.urgency())),
                message,
                token);
    }

    @EventHandler
    void on(ProgressNotedEvent event, EventMessage<?> message, TrackingToken token) {
        record(
                Fact.of(FactType.PROGRESS_NOTED, event.appealId(), event.notedAt())
                        .flag(event.contactWithEnterprise())
                        .related(event.noteId())
                        .details(details(
                                "officialId",
                                event.officialId(),
                                "text",
                                event.text(),
                                "visibleToEnterprise",
                                event.visibleToEnterprise())),
                message,
                token);
    }

    @EventHandler
    void on(CaseFilePausedEvent event, EventMessage<?> message, TrackingToken token) {
        record(
                Fact.of(FactType.CASE_PAUSED, event.appealId(), event.pausedAt())
                        .details(details("officialId", event.officialId(), "reason", event.reason())),
                message,
                token);
    }

    @EventHandler
    void on(CaseFileResumedEvent event, EventMessage<?> message, TrackingToken token) {
        record(
                Fact.of(FactType.CASE_RESUMED, event.appealId(), event.resumedAt())
                        .due(event.resolutionDueAt())
                        .due2(event.firstContactDueAt()),
                message,
                token);
    }

    @EventHandler
    void on(ExtensionRequestedEvent event, EventMessage<?> message, TrackingToken token) {
        record(
                Fact.of(FactType.EXTENSION_REQUESTED, event.appealId(), event.requestedAt())
                        .due(event.requestedDueAt())
                        .related(event.requestId())
                        .details(details("officialId", event.officialId(), "reason", event.reason())),
                message,
                token);
    }

    @EventHandler
    void on(ExtensionGrantedEvent event, EventMessage<?> message, TrackingToken token) {
        record(
                Fact.of(FactType.EXTENSION_GRANTED, event.appealId(), event.decidedAt())
                        .leader(event.leaderId())
                        .due(event.newResolutionDueAt())
                        .related(event.requestId()),
                message,
                token);
    }

    @EventHandler
    void on(ExtensionDeniedEvent event, EventMessage<?> message, TrackingToken token) {
        record(
                Fact.of(FactType.EXTENSION_DENIED, event.appealId(), event.decidedAt())
                        .leader(event.leaderId())
                        .related(event.requestId())
                        .details(details("reason", event.reason())),
                message,
                token);
    }

    @EventHandler
    void on(DeadlineBreachedEvent event, EventMessage<?> message, TrackingToken token) {
        record(
                Fact.of(FactType.DEADLINE_BREACHED, event.appealId(), event.breachedAt())
                        .department(event.departmentId())
                        .due(event.dueAt())
                        .kind(name(event.kind())),
                message,
                token);
    }

    @EventHandler
    void on(ResolutionSubmittedEvent event, EventMessage<?> message, TrackingToken token) {
        record(
                Fact.of(FactType.RESOLUTION_SUBMITTED, event.appealId(), event.submittedAt())
                        .department(event.departmentId())
                        .round(event.round())
                        .flag(event.onTime())
                        .kind(name(event.outcome()))
                        .details(details(
                                "officialId",
                                event.officialId(),
                                "answer",
                                event.answer(),
                                "reason",
                                event.reason(),
                                "policyBasis",
                                event.policyBasis())),
                message,
                token);
    }

    @EventHandler
    void on(CaseFileReopenedEvent event, EventMessage<?> message, TrackingToken token) {
        record(
                Fact.of(FactType.CASE_REOPENED, event.appealId(), event.reopenedAt())
                        .round(event.round())
                        .due(event.resolutionDueAt())
                        .due2(event.firstContactDueAt()),
                message,
                token);
    }

    @EventHandler
    void on(CloseOutSignedOffEvent event, EventMessage<?> message, TrackingToken token) {
        record(
                Fact.of(FactType.CLOSE_OUT_SIGNED_OFF, event.appealId(), event.signedOffAt())
                        .leader(event.leaderId()),
                message,
                token);
    }

    @EventHandler
    void on(CaseFileClosedEvent event, EventMessage<?> message, TrackingToken token) {
        record(
                Fact.of(FactType.CASE_CLOSED, event.appealId(), event.closedAt())
                        .department(event.departmentId())
                        .kind(event.feedback()),
                message,
                token);
    }

    // ---- meetings service

    @EventHandler
    void on(ActionItemRaisedEvent event, EventMessage<?> message, TrackingToken token) {
        // done on time means closed before the end of its due date, in the city's time zone
        Instant dueAt = event.dueOn() == null
                ? null
                : event.dueOn().plusDays(1).atStartOfDay(WorkingCalendar.ZONE).toInstant();
        record(
                Fact.of(FactType.ACTION_ITEM_RAISED, event.appealId(), event.raisedAt())
                        .department(event.ownerDepartmentId())
                        .leader(event.responsibleLeaderId())
                        .due(dueAt)
                        .related(event.actionItemId())
                        .details(details(
                                "meetingId",
                                event.meetingId(),
                                "enterpriseId",
                                event.enterpriseId(),
                                "title",
                                event.title(),
                                "dueOn",
                                event.dueOn(),
                                "agendaPosition",
                                event.agendaPosition(),
                                "decision",
                                event.decision(),
                                "category",
                                name(event.category()))),
                message,
                token);
        batch().dimensions
                .add(new Dimension(
                        Dimension.Source.ACTION_ITEM,
                        event.appealId(),
                        event.enterpriseId(),
                        event.title(),
                        name(event.category()),
                        name(event.urgency()),
                        "BREAKFAST_MEETING",
                        null,
                        null,
                        null));
    }

    @EventHandler
    void on(ActionItemClosedEvent event, EventMessage<?> message, TrackingToken token) {
        // the event names no appeal; the appeal an action item becomes is derived from it (see ActionItemRaisedEvent)
        UUID appealId = Ids.derive("meeting-action-item", event.actionItemId().toString());
        record(
                Fact.of(FactType.ACTION_ITEM_CLOSED, appealId, event.closedAt())
                        .kind(event.cause())
                        .related(event.actionItemId())
                        .details(details("meetingId", event.meetingId())),
                message,
                token);
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE appeal_fact, appeal_dimension");
    }

    // ----

    private void record(Fact fact, EventMessage<?> message, TrackingToken token) {
        var metadata = message.getMetaData();
        batch().facts
                .add(fact.recorded(
                        message.getIdentifier(),
                        token == null ? 0 : token.position().orElse(0),
                        message.getTimestamp(),
                        string(metadata.get(MetadataKeys.ACTOR)),
                        string(metadata.get(MetadataKeys.ROLE)),
                        string(metadata.get(MetadataKeys.CORRELATION)),
                        string(metadata.get(MetadataKeys.CAUSATION))));
    }

    /** The batch of the unit of work being processed; written once, just before it commits with the token. */
    private FactBatch batch() {
        if (!CurrentUnitOfWork.isStarted()) {
            throw new IllegalStateException("facts are recorded inside a unit of work");
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(BATCH, key -> {
            FactBatch batch = new FactBatch();
            root.onPrepareCommit(unitOfWork -> writer.write(batch));
            return batch;
        });
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    /** Alternating keys and values; null values are left out. */
    private static Map<String, Object> details(Object... keysAndValues) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            if (value != null) {
                details.put(
                        (String) keysAndValues[i],
                        value instanceof UUID || value instanceof java.time.temporal.Temporal
                                ? value.toString()
                                : value);
            }
        }
        return details;
    }
}
