package cn.qinqing.resolution.casefile.query;

import cn.qinqing.language.Ids;
import cn.qinqing.language.appeal.AppealFiledEvent;
import cn.qinqing.language.assignment.LeaderTookChargeEvent;
import cn.qinqing.language.document.DocumentRef;
import cn.qinqing.language.resolution.CaseFileCancelledEvent;
import cn.qinqing.language.resolution.CaseFileClosedEvent;
import cn.qinqing.language.resolution.CaseFileDocumentsAttachedEvent;
import cn.qinqing.language.resolution.CaseFileFeedbackReceivedEvent;
import cn.qinqing.language.resolution.CaseFileOpenedEvent;
import cn.qinqing.language.resolution.CaseFilePausedEvent;
import cn.qinqing.language.resolution.CaseFileReopenedEvent;
import cn.qinqing.language.resolution.CaseFileResumedEvent;
import cn.qinqing.language.resolution.CloseOutSignedOffEvent;
import cn.qinqing.language.resolution.DeadlineBreachedEvent;
import cn.qinqing.language.resolution.DeadlineKind;
import cn.qinqing.language.resolution.ExtensionDeniedEvent;
import cn.qinqing.language.resolution.ExtensionGrantedEvent;
import cn.qinqing.language.resolution.ExtensionRequestedEvent;
import cn.qinqing.language.resolution.ProgressNotedEvent;
import cn.qinqing.language.resolution.ResolutionSubmittedEvent;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The case files as the department, its leaders and supervisors read them: one row per appeal, its progress notes
 * and extension requests, and who took charge. Every write is idempotent: a case file row changes only for a newer
 * version of the case file, notes and requests are keyed by their ids.
 */
@Component
@ProcessingGroup(CaseFileProjection.GROUP)
class CaseFileProjection {

    static final String GROUP = "resolution-case-files";

    private final JdbcTemplate jdbc;

    CaseFileProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CaseFileOpenedEvent event, @SequenceNumber long version, EventMessage<?> message) {
        UUID caseFileId = Ids.derive("case-file", event.appealId().toString());
        jdbc.update(
                "INSERT INTO case_file_view (appeal_id, case_file_id, department_id, urgency, round, status, opened_at,"
                        + " first_contact_due_at, resolution_due_at, provisional_calendar, updated_at, version)"
                        + " VALUES (?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (appeal_id) DO UPDATE SET department_id = excluded.department_id,"
                        + " round = excluded.round, status = 'OPEN', opened_at = excluded.opened_at,"
                        + " first_contact_due_at = excluded.first_contact_due_at, first_contact_at = NULL,"
                        + " resolution_due_at = excluded.resolution_due_at,"
                        + " provisional_calendar = excluded.provisional_calendar, paused_at = NULL, pause_reason = NULL,"
                        + " first_contact_breached = false, resolution_breached = false,"
                        + " updated_at = excluded.updated_at, version = excluded.version"
                        + " WHERE case_file_view.version < excluded.version",
                event.appealId(),
                caseFileId,
                event.departmentId(),
                event.urgency().name(),
                event.round(),
                ts(event.openedAt()),
                ts(event.firstContactDueAt()),
                ts(event.resolutionDueAt()),
                event.provisionalCalendar(),
                ts(message.getTimestamp()),
                version);
    }

    @EventHandler
    void on(ProgressNotedEvent event, @SequenceNumber long version, EventMessage<?> message) {
        jdbc.update(
                "INSERT INTO progress_note (note_id, appeal_id, official_id, text, visible_to_enterprise,"
                        + " contact_with_enterprise, noted_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (note_id) DO NOTHING",
                event.noteId(),
                event.appealId(),
                event.officialId(),
                event.text(),
                event.visibleToEnterprise(),
                event.contactWithEnterprise(),
                ts(event.notedAt()));
        update(
                event.appealId(),
                version,
                message,
                event.contactWithEnterprise() ? "first_contact_at = coalesce(first_contact_at, ?)" : null,
                event.contactWithEnterprise() ? new Object[] {ts(event.notedAt())} : new Object[0]);
    }

    @EventHandler
    void on(CaseFilePausedEvent event, @SequenceNumber long version, EventMessage<?> message) {
        update(
                event.appealId(),
                version,
                message,
                "status = 'PAUSED', paused_at = ?, pause_reason = ?",
                ts(event.pausedAt()),
                event.reason());
    }

    @EventHandler
    void on(CaseFileResumedEvent event, @SequenceNumber long version, EventMessage<?> message) {
        update(
                event.appealId(),
                version,
                message,
                "status = 'OPEN', paused_at = NULL, pause_reason = NULL,"
                        + " first_contact_due_at = coalesce(?, first_contact_due_at), resolution_due_at = ?",
                ts(event.firstContactDueAt()),
                ts(event.resolutionDueAt()));
    }

    @EventHandler
    void on(ExtensionRequestedEvent event, @SequenceNumber long version, EventMessage<?> message) {
        jdbc.update(
                "INSERT INTO extension_request (request_id, appeal_id, official_id, requested_due_at, reason,"
                        + " requested_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (request_id) DO NOTHING",
                event.requestId(),
                event.appealId(),
                event.officialId(),
                ts(event.requestedDueAt()),
                event.reason(),
                ts(event.requestedAt()));
        update(event.appealId(), version, message, null);
    }

    @EventHandler
    void on(ExtensionGrantedEvent event, @SequenceNumber long version, EventMessage<?> message) {
        jdbc.update(
                "UPDATE extension_request SET decision = 'GRANTED', leader_id = ?, granted_due_at = ?, decided_at = ?"
                        + " WHERE request_id = ?",
                event.leaderId(),
                ts(event.newResolutionDueAt()),
                ts(event.decidedAt()),
                event.requestId());
        update(
                event.appealId(),
                version,
                message,
                "resolution_due_at = ?, resolution_breached = false",
                ts(event.newResolutionDueAt()));
    }

    @EventHandler
    void on(ExtensionDeniedEvent event, @SequenceNumber long version, EventMessage<?> message) {
        jdbc.update(
                "UPDATE extension_request SET decision = 'DENIED', leader_id = ?, denial_reason = ?, decided_at = ?"
                        + " WHERE request_id = ?",
                event.leaderId(),
                event.reason(),
                ts(event.decidedAt()),
                event.requestId());
        update(event.appealId(), version, message, null);
    }

    @EventHandler
    void on(DeadlineBreachedEvent event, @SequenceNumber long version, EventMessage<?> message) {
        update(
                event.appealId(),
                version,
                message,
                event.kind() == DeadlineKind.FIRST_CONTACT
                        ? "first_contact_breached = true"
                        : "resolution_breached = true");
    }

    @EventHandler
    void on(ResolutionSubmittedEvent event, @SequenceNumber long version, EventMessage<?> message) {
        update(
                event.appealId(),
                version,
                message,
                "status = 'ANSWERED', paused_at = NULL, pause_reason = NULL, answer = ?, outcome = ?,"
                        + " outcome_reason = ?, policy_basis = ?, answered_at = ?, answered_on_time = ?,"
                        + " feedback = NULL, rating = NULL, signed_off_by = NULL",
                event.answer(),
                event.outcome().name(),
                event.reason(),
                event.policyBasis(),
                ts(event.submittedAt()),
                event.onTime());
    }

    @EventHandler
    void on(CaseFileFeedbackReceivedEvent event, @SequenceNumber long version, EventMessage<?> message) {
        update(
                event.appealId(),
                version,
                message,
                "feedback = ?, rating = ?",
                event.feedback(),
                event.rating() == 0 ? null : event.rating());
    }

    @EventHandler
    void on(CloseOutSignedOffEvent event, @SequenceNumber long version, EventMessage<?> message) {
        update(event.appealId(), version, message, "signed_off_by = ?", event.leaderId());
    }

    @EventHandler
    void on(CaseFileClosedEvent event, @SequenceNumber long version, EventMessage<?> message) {
        update(event.appealId(), version, message, "status = 'CLOSED', closed_at = ?", ts(event.closedAt()));
    }

    @EventHandler
    void on(CaseFileReopenedEvent event, @SequenceNumber long version, EventMessage<?> message) {
        update(
                event.appealId(),
                version,
                message,
                "status = 'OPEN', round = ?, first_contact_due_at = ?, first_contact_at = NULL,"
                        + " resolution_due_at = ?, first_contact_breached = false, resolution_breached = false,"
                        + " feedback = NULL, rating = NULL, signed_off_by = NULL",
                event.round(),
                ts(event.firstContactDueAt()),
                ts(event.resolutionDueAt()));
    }

    @EventHandler
    void on(CaseFileCancelledEvent event, @SequenceNumber long version, EventMessage<?> message) {
        update(event.appealId(), version, message, "status = 'CANCELLED', closed_at = ?", ts(event.cancelledAt()));
    }

    @EventHandler
    void on(LeaderTookChargeEvent event) {
        jdbc.update(
                "INSERT INTO leader_in_charge (appeal_id, leader_id) VALUES (?, ?)"
                        + " ON CONFLICT (appeal_id) DO UPDATE SET leader_id = excluded.leader_id",
                event.appealId(),
                event.leaderId());
    }

    /** Whose appeal it is: an enterprise may download the documents meant for it, another enterprise nothing. */
    @EventHandler
    void on(AppealFiledEvent event) {
        jdbc.update(
                "INSERT INTO appeal_enterprise (appeal_id, enterprise_id) VALUES (?, ?)"
                        + " ON CONFLICT (appeal_id) DO NOTHING",
                event.appealId(),
                event.enterpriseId());
    }

    @EventHandler
    void on(CaseFileDocumentsAttachedEvent event, @SequenceNumber long version, EventMessage<?> message) {
        for (DocumentRef document : event.documents()) {
            jdbc.update(
                    "INSERT INTO case_file_document (document_id, appeal_id, attached_to, step_id,"
                            + " visible_to_enterprise, official_id, name, media_type, size_bytes, sha256, attached_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (document_id) DO NOTHING",
                    document.documentId(),
                    event.appealId(),
                    event.attachedTo().name(),
                    event.stepId(),
                    event.visibleToEnterprise(),
                    event.officialId(),
                    document.name(),
                    document.mediaType(),
                    document.sizeBytes(),
                    document.sha256(),
                    ts(event.attachedAt()));
        }
        update(event.appealId(), version, message, null);
    }

    /** Applies a change to the case file row if it is older than this event's version. */
    private void update(UUID appealId, long version, EventMessage<?> message, String changes, Object... args) {
        String sql = "UPDATE case_file_view SET " + (changes == null ? "" : changes + ", ")
                + "updated_at = ?, version = ? WHERE appeal_id = ? AND version < ?";
        Object[] all = new Object[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = ts(message.getTimestamp());
        all[args.length + 1] = version;
        all[args.length + 2] = appealId;
        all[args.length + 3] = version;
        jdbc.update(sql, all);
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM progress_note");
        jdbc.update("DELETE FROM extension_request");
        jdbc.update("DELETE FROM leader_in_charge");
        jdbc.update("DELETE FROM case_file_document");
        jdbc.update("DELETE FROM appeal_enterprise");
        jdbc.update("DELETE FROM case_file_view");
    }
}
