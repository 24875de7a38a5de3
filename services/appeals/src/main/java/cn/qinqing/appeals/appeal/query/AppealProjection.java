package cn.qinqing.appeals.appeal.query;

import cn.qinqing.language.MetadataKeys;
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
import cn.qinqing.language.assignment.AppealQueuedForDispatchEvent;
import cn.qinqing.language.assignment.AppealReturnedEvent;
import cn.qinqing.language.assignment.AppealSignedForEvent;
import cn.qinqing.language.assignment.AppealTransferredEvent;
import cn.qinqing.language.document.DocumentRef;
import cn.qinqing.language.resolution.ProgressNotedEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The enterprise's view of its appeals: one row per appeal and its timeline. Every write is idempotent (a row
 * changes only for a newer aggregate version; timeline entries are keyed by event id), so a redelivered event or a
 * replay leaves the same rows.
 */
@Component
@ProcessingGroup(AppealProjection.GROUP)
class AppealProjection {

    static final String GROUP = "appeals-appeals";

    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;

    AppealProjection(JdbcTemplate jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    @EventHandler
    void on(AppealFiledEvent event, @SequenceNumber long version, EventMessage<?> message, TrackingToken token) {
        var meeting = event.meeting();
        jdbc.update(
                "INSERT INTO appeal_view (appeal_id, enterprise_id, title, description, category, urgency, source,"
                        + " meeting_id, action_item_id, manual_dispatch, attachments, status, filed_at, updated_at, version)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, 'FILED', ?, ?, ?)"
                        + " ON CONFLICT (appeal_id) DO NOTHING",
                event.appealId(),
                event.enterpriseId(),
                event.title(),
                event.description(),
                event.category().name(),
                event.urgency().name(),
                event.source().name(),
                meeting == null ? null : meeting.meetingId(),
                meeting == null ? null : meeting.actionItemId(),
                event.manualDispatch(),
                json(event.attachments()),
                Timestamp.from(event.filedAt()),
                Timestamp.from(message.getTimestamp()),
                version);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("title", event.title());
        details.put("category", event.category());
        details.put("urgency", event.urgency());
        details.put("source", event.source());
        timeline(event.appealId(), "FILED", details, message, token);
    }

    @EventHandler
    void on(AppealSupplementedEvent event, @SequenceNumber long version, EventMessage<?> message, TrackingToken token) {
        jdbc.update(
                "UPDATE appeal_view SET supplements = supplements + 1, updated_at = ?, version = ?"
                        + " WHERE appeal_id = ? AND version < ?",
                Timestamp.from(message.getTimestamp()),
                version,
                event.appealId(),
                version);
        timeline(
                event.appealId(),
                "SUPPLEMENTED",
                Map.of("text", event.text(), "attachments", event.attachments().size()),
                message,
                token);
    }

    /** Documents uploaded with a step: listed on the appeal; the appeal's version moves as for any step. */
    @EventHandler
    void on(
            AppealDocumentsAttachedEvent event,
            @SequenceNumber long version,
            EventMessage<?> message,
            TrackingToken token) {
        for (DocumentRef document : event.documents()) {
            jdbc.update(
                    "INSERT INTO appeal_document (document_id, appeal_id, enterprise_id, attached_with, name,"
                            + " media_type, size_bytes, sha256, attached_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                            + " ON CONFLICT (document_id) DO NOTHING",
                    document.documentId(),
                    event.appealId(),
                    event.enterpriseId(),
                    event.attachedWith().name(),
                    document.name(),
                    document.mediaType(),
                    document.sizeBytes(),
                    document.sha256(),
                    Timestamp.from(event.attachedAt()));
        }
        jdbc.update(
                "UPDATE appeal_view SET updated_at = ?, version = ? WHERE appeal_id = ? AND version < ?",
                Timestamp.from(message.getTimestamp()),
                version,
                event.appealId(),
                version);
        timeline(
                event.appealId(),
                "DOCUMENTS_ATTACHED",
                Map.of(
                        "attachedWith",
                        event.attachedWith().name(),
                        "documents",
                        event.documents().stream().map(DocumentRef::name).toList()),
                message,
                token);
    }

    @EventHandler
    void on(AppealWithdrawnEvent event, @SequenceNumber long version, EventMessage<?> message, TrackingToken token) {
        jdbc.update(
                "UPDATE appeal_view SET status = 'WITHDRAWN', withdrawal_reason = ?, updated_at = ?, version = ?"
                        + " WHERE appeal_id = ? AND version < ?",
                event.reason(),
                Timestamp.from(message.getTimestamp()),
                version,
                event.appealId(),
                version);
        timeline(event.appealId(), "WITHDRAWN", Map.of("reason", event.reason()), message, token);
    }

    // What the city did with the appeal, as the enterprise may see it: which department holds it, never which official.

    @EventHandler
    void on(AppealQueuedForDispatchEvent event, EventMessage<?> message, TrackingToken token) {
        holder(event.appealId(), "FILED", null, message);
        timeline(event.appealId(), "QUEUED_FOR_DISPATCH", Map.of("reason", event.reason()), message, token);
    }

    @EventHandler
    void on(AppealDispatchedEvent event, EventMessage<?> message, TrackingToken token) {
        holder(event.appealId(), "DISPATCHED", event.departmentId(), message);
        timeline(event.appealId(), "DISPATCHED", Map.of("departmentId", event.departmentId()), message, token);
    }

    @EventHandler
    void on(AppealSignedForEvent event, EventMessage<?> message, TrackingToken token) {
        holder(event.appealId(), "SIGNED_FOR", event.departmentId(), message);
        timeline(event.appealId(), "SIGNED_FOR", Map.of("departmentId", event.departmentId()), message, token);
    }

    @EventHandler
    void on(AppealTransferredEvent event, EventMessage<?> message, TrackingToken token) {
        holder(event.appealId(), "DISPATCHED", event.toDepartmentId(), message);
        timeline(
                event.appealId(),
                "TRANSFERRED",
                Map.of("fromDepartmentId", event.fromDepartmentId(), "departmentId", event.toDepartmentId()),
                message,
                token);
    }

    @EventHandler
    void on(AppealReturnedEvent event, EventMessage<?> message, TrackingToken token) {
        holder(event.appealId(), "FILED", null, message);
        timeline(
                event.appealId(), "RETURNED_TO_DISPATCH", Map.of("departmentId", event.departmentId()), message, token);
    }

    // The answer, the enterprise's feedback and the close-out (issue 4). IN_PROGRESS is shown from the first progress
    // note the department makes visible to the enterprise; internal notes are never shown here.

    @EventHandler
    void on(ProgressNotedEvent event, EventMessage<?> message, TrackingToken token) {
        if (!event.visibleToEnterprise()) {
            return;
        }
        jdbc.update(
                "UPDATE appeal_view SET status = 'IN_PROGRESS', updated_at = ?"
                        + " WHERE appeal_id = ? AND status IN ('SIGNED_FOR', 'REOPENED')",
                Timestamp.from(message.getTimestamp()),
                event.appealId());
        timeline(
                event.appealId(),
                "PROGRESS",
                Map.of("text", event.text(), "contactWithEnterprise", event.contactWithEnterprise()),
                message,
                token);
    }

    @EventHandler
    void on(AppealAnsweredEvent event, @SequenceNumber long version, EventMessage<?> message, TrackingToken token) {
        status(event.appealId(), "ANSWERED", version, message);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("round", event.round());
        details.put("departmentId", event.departmentId());
        details.put("answer", event.answer());
        details.put("outcome", event.outcome());
        details.put("reason", event.reason());
        details.put("policyBasis", event.policyBasis());
        details.put("ratingDueAt", event.ratingDueAt().toString());
        timeline(event.appealId(), "ANSWERED", details, message, token);
    }

    @EventHandler
    void on(AppealRatedEvent event, @SequenceNumber long version, EventMessage<?> message, TrackingToken token) {
        status(event.appealId(), "RATED", version, message);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("round", event.round());
        details.put("rating", event.rating());
        details.put("comment", event.comment());
        timeline(event.appealId(), "RATED", details, message, token);
    }

    @EventHandler
    void on(
            AppealRatingExpiredEvent event,
            @SequenceNumber long version,
            EventMessage<?> message,
            TrackingToken token) {
        status(event.appealId(), null, version, message);
        timeline(event.appealId(), "RATING_EXPIRED", Map.of("round", event.round()), message, token);
    }

    @EventHandler
    void on(AppealReopenedEvent event, @SequenceNumber long version, EventMessage<?> message, TrackingToken token) {
        status(event.appealId(), "REOPENED", version, message);
        timeline(
                event.appealId(), "REOPENED", Map.of("round", event.round(), "reason", event.reason()), message, token);
    }

    @EventHandler
    void on(AppealClosedEvent event, @SequenceNumber long version, EventMessage<?> message, TrackingToken token) {
        status(event.appealId(), "CLOSED", version, message);
        timeline(event.appealId(), "CLOSED", Map.of(), message, token);
    }

    /** A change of the Appeal aggregate itself: the status (unless null) and the version, for a newer version only. */
    private void status(UUID appealId, String status, long version, EventMessage<?> message) {
        jdbc.update(
                "UPDATE appeal_view SET status = coalesce(?, status), updated_at = ?, version = ?"
                        + " WHERE appeal_id = ? AND version < ?",
                status,
                Timestamp.from(message.getTimestamp()),
                version,
                appealId,
                version);
    }

    /** Who holds the appeal now; a withdrawn or closed appeal keeps its final status. */
    private void holder(UUID appealId, String status, String department, EventMessage<?> message) {
        jdbc.update(
                "UPDATE appeal_view SET status = ?, holding_department = ?, updated_at = ?"
                        + " WHERE appeal_id = ? AND status NOT IN ('WITHDRAWN', 'CLOSED')",
                status,
                department,
                Timestamp.from(message.getTimestamp()),
                appealId);
    }

    private void timeline(
            UUID appealId, String type, Map<String, Object> details, EventMessage<?> message, TrackingToken token) {
        jdbc.update(
                "INSERT INTO appeal_timeline (event_id, appeal_id, position, occurred_at, type, actor, role, details)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT (event_id) DO NOTHING",
                message.getIdentifier(),
                appealId,
                token == null ? 0 : token.position().orElse(0),
                Timestamp.from(message.getTimestamp()),
                type,
                message.getMetaData().get(MetadataKeys.ACTOR),
                message.getMetaData().get(MetadataKeys.ROLE),
                json(details));
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM appeal_timeline");
        jdbc.update("DELETE FROM appeal_document");
        jdbc.update("DELETE FROM appeal_view");
    }
}
