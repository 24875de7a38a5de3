package cn.qinqing.meetings.meeting.query;

import cn.qinqing.language.document.DocumentRef;
import cn.qinqing.language.meeting.ActionItemClosedEvent;
import cn.qinqing.language.meeting.ActionItemRaisedEvent;
import cn.qinqing.language.meeting.AgendaChangedEvent;
import cn.qinqing.language.meeting.AgendaPublishedEvent;
import cn.qinqing.language.meeting.InvitationAcceptedEvent;
import cn.qinqing.language.meeting.InvitationDeclinedEvent;
import cn.qinqing.language.meeting.InvitationSentEvent;
import cn.qinqing.language.meeting.MeetingClosedEvent;
import cn.qinqing.language.meeting.MeetingScheduledEvent;
import cn.qinqing.language.meeting.MinutesCorrectedEvent;
import cn.qinqing.language.meeting.MinutesDocumentsAttachedEvent;
import cn.qinqing.language.meeting.MinutesDraftedEvent;
import cn.qinqing.language.meeting.MinutesPublishedEvent;
import cn.qinqing.language.meeting.TopicAcceptedEvent;
import cn.qinqing.language.meeting.TopicDeclinedEvent;
import cn.qinqing.language.meeting.TopicProposedEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The meetings as hosts, enterprises and supervisors read them: the meeting, its invitations, topics, every agenda
 * revision, the minutes with their corrections, and its action items. Every write is idempotent (inserts ignore a
 * row that exists, updates set values the event carries), so a redelivered event or a replay leaves the same rows.
 */
@Component
@ProcessingGroup(MeetingProjection.GROUP)
class MeetingProjection {

    static final String GROUP = "meetings-meetings";

    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;

    MeetingProjection(JdbcTemplate jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    @EventHandler
    void on(MeetingScheduledEvent event, @SequenceNumber long version) {
        jdbc.update(
                "INSERT INTO meeting_view (meeting_id, host_leader_id, theme, venue, starts_at, ends_at, capacity,"
                        + " department_ids, topic_cut_off_at, scheduled_at, version)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?) ON CONFLICT (meeting_id) DO NOTHING",
                event.meetingId(),
                event.hostLeaderId(),
                event.theme(),
                event.venue(),
                ts(event.startsAt()),
                ts(event.endsAt()),
                event.capacity(),
                json(event.departmentIds()),
                ts(event.topicCutOffAt()),
                ts(event.scheduledAt()),
                version);
    }

    @EventHandler
    void on(InvitationSentEvent event, @SequenceNumber long version) {
        // a re-invitation after a refusal starts the invitation afresh
        jdbc.update(
                "INSERT INTO invitation_view (meeting_id, enterprise_id, selection, status, sent_at)"
                        + " VALUES (?, ?, ?, 'INVITED', ?) ON CONFLICT (meeting_id, enterprise_id) DO UPDATE"
                        + " SET selection = excluded.selection, status = 'INVITED', decline_reason = NULL,"
                        + " sent_at = excluded.sent_at, responded_at = NULL",
                event.meetingId(),
                event.enterpriseId(),
                event.selection().name(),
                ts(event.sentAt()));
        touch(event.meetingId(), version);
    }

    @EventHandler
    void on(InvitationAcceptedEvent event, @SequenceNumber long version) {
        jdbc.update(
                "UPDATE invitation_view SET status = 'ACCEPTED', decline_reason = NULL, responded_at = ?"
                        + " WHERE meeting_id = ? AND enterprise_id = ?",
                ts(event.acceptedAt()),
                event.meetingId(),
                event.enterpriseId());
        touch(event.meetingId(), version);
    }

    @EventHandler
    void on(InvitationDeclinedEvent event, @SequenceNumber long version) {
        jdbc.update(
                "UPDATE invitation_view SET status = 'DECLINED', decline_reason = ?, responded_at = ?"
                        + " WHERE meeting_id = ? AND enterprise_id = ?",
                event.reason(),
                ts(event.declinedAt()),
                event.meetingId(),
                event.enterpriseId());
        touch(event.meetingId(), version);
    }

    @EventHandler
    void on(TopicProposedEvent event, @SequenceNumber long version) {
        jdbc.update(
                "INSERT INTO topic_view (topic_id, meeting_id, enterprise_id, title, description, linked_appeal_id,"
                        + " status, proposed_at) VALUES (?, ?, ?, ?, ?, ?, 'PROPOSED', ?) ON CONFLICT (topic_id) DO NOTHING",
                event.topicId(),
                event.meetingId(),
                event.enterpriseId(),
                event.title(),
                event.description(),
                event.linkedAppealId(),
                ts(event.proposedAt()));
        touch(event.meetingId(), version);
    }

    @EventHandler
    void on(TopicAcceptedEvent event, @SequenceNumber long version) {
        jdbc.update(
                "UPDATE topic_view SET status = 'ACCEPTED', decided_at = ? WHERE topic_id = ?",
                ts(event.acceptedAt()),
                event.topicId());
        touch(event.meetingId(), version);
    }

    @EventHandler
    void on(TopicDeclinedEvent event, @SequenceNumber long version) {
        jdbc.update(
                "UPDATE topic_view SET status = 'DECLINED', decline_reason = ?, decided_at = ? WHERE topic_id = ?",
                event.reason(),
                ts(event.declinedAt()),
                event.topicId());
        touch(event.meetingId(), version);
    }

    @EventHandler
    void on(AgendaPublishedEvent event, @SequenceNumber long version) {
        agenda(event.meetingId(), 1, event.items(), null, event.publishedAt(), version);
    }

    @EventHandler
    void on(AgendaChangedEvent event, @SequenceNumber long version) {
        agenda(event.meetingId(), event.revision(), event.items(), event.reason(), event.changedAt(), version);
    }

    private void agenda(UUID meetingId, int revision, Object items, String reason, Instant at, long version) {
        jdbc.update(
                "INSERT INTO agenda_revision (meeting_id, revision, items, reason, changed_at)"
                        + " VALUES (?, ?, ?::jsonb, ?, ?) ON CONFLICT (meeting_id, revision) DO NOTHING",
                meetingId,
                revision,
                json(items),
                reason,
                ts(at));
        jdbc.update(
                "UPDATE meeting_view SET agenda_revision = GREATEST(agenda_revision, ?) WHERE meeting_id = ?",
                revision,
                meetingId);
        touch(meetingId, version);
    }

    @EventHandler
    void on(MinutesDraftedEvent event, @SequenceNumber long version) {
        jdbc.update(
                "INSERT INTO minutes_view (meeting_id, status, attendance, items, drafted_at)"
                        + " VALUES (?, 'DRAFT', ?::jsonb, ?::jsonb, ?) ON CONFLICT (meeting_id) DO UPDATE"
                        + " SET attendance = excluded.attendance, items = excluded.items, drafted_at = excluded.drafted_at"
                        + " WHERE minutes_view.status = 'DRAFT'",
                event.meetingId(),
                json(event.attendance()),
                json(event.items()),
                ts(event.draftedAt()));
        jdbc.update(
                "UPDATE meeting_view SET minutes_status = 'DRAFT' WHERE meeting_id = ? AND minutes_status = 'NONE'",
                event.meetingId());
        touch(event.meetingId(), version);
    }

    @EventHandler
    void on(MinutesPublishedEvent event, @SequenceNumber long version) {
        jdbc.update(
                "UPDATE minutes_view SET status = 'PUBLISHED', published_at = ? WHERE meeting_id = ?",
                ts(event.publishedAt()),
                event.meetingId());
        jdbc.update("UPDATE meeting_view SET minutes_status = 'PUBLISHED' WHERE meeting_id = ?", event.meetingId());
        touch(event.meetingId(), version);
    }

    @EventHandler
    void on(MinutesCorrectedEvent event, @SequenceNumber long version) {
        jdbc.update(
                "INSERT INTO minutes_correction (meeting_id, correction, attendance, items, reason, corrected_at)"
                        + " VALUES (?, ?, ?::jsonb, ?::jsonb, ?, ?) ON CONFLICT (meeting_id, correction) DO NOTHING",
                event.meetingId(),
                event.correction(),
                json(event.attendance()),
                json(event.items()),
                event.reason(),
                ts(event.correctedAt()));
        jdbc.update(
                "UPDATE minutes_view SET attendance = ?::jsonb, items = ?::jsonb, corrections = ?"
                        + " WHERE meeting_id = ? AND corrections < ?",
                json(event.attendance()),
                json(event.items()),
                event.correction(),
                event.meetingId(),
                event.correction());
        touch(event.meetingId(), version);
    }

    @EventHandler
    void on(MinutesDocumentsAttachedEvent event, @SequenceNumber long version) {
        for (DocumentRef document : event.documents()) {
            jdbc.update(
                    "INSERT INTO minutes_document (document_id, meeting_id, host_id, name, media_type, size_bytes,"
                            + " sha256, attached_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (document_id) DO NOTHING",
                    document.documentId(),
                    event.meetingId(),
                    event.hostId(),
                    document.name(),
                    document.mediaType(),
                    document.sizeBytes(),
                    document.sha256(),
                    ts(event.attachedAt()));
        }
        touch(event.meetingId(), version);
    }

    @EventHandler
    void on(ActionItemRaisedEvent event, @SequenceNumber long version) {
        jdbc.update(
                "INSERT INTO action_item_view (action_item_id, meeting_id, appeal_id, agenda_position, decision,"
                        + " enterprise_id, owner_department_id, responsible_leader_id, due_on, title, description,"
                        + " category, urgency, raised_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (action_item_id) DO NOTHING",
                event.actionItemId(),
                event.meetingId(),
                event.appealId(),
                event.agendaPosition(),
                event.decision(),
                event.enterpriseId(),
                event.ownerDepartmentId(),
                event.responsibleLeaderId(),
                Date.valueOf(event.dueOn()),
                event.title(),
                event.description(),
                event.category().name(),
                event.urgency().name(),
                ts(event.raisedAt()));
        touch(event.meetingId(), version);
    }

    @EventHandler
    void on(ActionItemClosedEvent event, @SequenceNumber long version) {
        jdbc.update(
                "UPDATE action_item_view SET closed_at = ?, close_cause = ? WHERE action_item_id = ?",
                ts(event.closedAt()),
                event.cause(),
                event.actionItemId());
        touch(event.meetingId(), version);
    }

    @EventHandler
    void on(MeetingClosedEvent event, @SequenceNumber long version) {
        jdbc.update(
                "UPDATE meeting_view SET closed_at = ? WHERE meeting_id = ?", ts(event.closedAt()), event.meetingId());
        touch(event.meetingId(), version);
    }

    /** The meeting's version (its ETag) never goes back, whatever order two sequences' events arrive in. */
    private void touch(UUID meetingId, long version) {
        jdbc.update("UPDATE meeting_view SET version = GREATEST(version, ?) WHERE meeting_id = ?", version, meetingId);
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
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
        for (String table : new String[] {
            "action_item_view",
            "minutes_document",
            "minutes_correction",
            "minutes_view",
            "agenda_revision",
            "topic_view",
            "invitation_view",
            "meeting_view"
        }) {
            jdbc.update("DELETE FROM " + table);
        }
    }
}
