package cn.qinqing.oversight.chain;

import cn.qinqing.language.MetadataKeys;
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
import cn.qinqing.language.meeting.MinutesDraftedEvent;
import cn.qinqing.language.meeting.MinutesPublishedEvent;
import cn.qinqing.language.meeting.TopicAcceptedEvent;
import cn.qinqing.language.meeting.TopicDeclinedEvent;
import cn.qinqing.language.meeting.TopicProposedEvent;
import cn.qinqing.oversight.ProcessingGroups;
import cn.qinqing.oversight.eventlog.PublishedEvents;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every published event of a breakfast meeting, kept as it was published (one row of {@code meeting_event}, keyed by
 * event id, so redelivery and replay leave the same rows) with the enterprises it names: the chain view folds a
 * meeting's events when asked ({@link MeetingRecord}), the liaison view finds an enterprise's meetings by them.
 */
@Component
@ProcessingGroup(ProcessingGroups.READ_MODELS)
class MeetingEventProjection {

    private final JdbcTemplate jdbc;
    private final PublishedEvents published;

    MeetingEventProjection(JdbcTemplate jdbc, PublishedEvents published) {
        this.jdbc = jdbc;
        this.published = published;
    }

    @EventHandler
    void on(MeetingScheduledEvent event, EventMessage<?> message, TrackingToken token) {
        keep(event.meetingId(), List.of(), message, token);
    }

    @EventHandler
    void on(InvitationSentEvent event, EventMessage<?> message, TrackingToken token) {
        keep(event.meetingId(), List.of(event.enterpriseId()), message, token);
    }

    @EventHandler
    void on(InvitationAcceptedEvent event, EventMessage<?> message, TrackingToken token) {
        keep(event.meetingId(), List.of(event.enterpriseId()), message, token);
    }

    @EventHandler
    void on(InvitationDeclinedEvent event, EventMessage<?> message, TrackingToken token) {
        keep(event.meetingId(), List.of(event.enterpriseId()), message, token);
    }

    @EventHandler
    void on(TopicProposedEvent event, EventMessage<?> message, TrackingToken token) {
        keep(event.meetingId(), List.of(event.enterpriseId()), message, token);
    }

    @EventHandler
    void on(TopicAcceptedEvent event, EventMessage<?> message, TrackingToken token) {
        keep(event.meetingId(), List.of(event.enterpriseId()), message, token);
    }

    @EventHandler
    void on(TopicDeclinedEvent event, EventMessage<?> message, TrackingToken token) {
        keep(event.meetingId(), List.of(event.enterpriseId()), message, token);
    }

    @EventHandler
    void on(AgendaPublishedEvent event, EventMessage<?> message, TrackingToken token) {
        keep(event.meetingId(), List.of(), message, token);
    }

    @EventHandler
    void on(AgendaChangedEvent event, EventMessage<?> message, TrackingToken token) {
        keep(event.meetingId(), List.of(), message, token);
    }

    @EventHandler
    void on(MinutesDraftedEvent event, EventMessage<?> message, TrackingToken token) {
        keep(
                event.meetingId(),
                event.attendance() == null ? List.of() : event.attendance().enterpriseIds(),
                message,
                token);
    }

    @EventHandler
    void on(MinutesCorrectedEvent event, EventMessage<?> message, TrackingToken token) {
        keep(
                event.meetingId(),
                event.attendance() == null ? List.of() : event.attendance().enterpriseIds(),
                message,
                token);
    }

    @EventHandler
    void on(MinutesPublishedEvent event, EventMessage<?> message, TrackingToken token) {
        keep(event.meetingId(), List.of(), message, token);
    }

    @EventHandler
    void on(ActionItemRaisedEvent event, EventMessage<?> message, TrackingToken token) {
        keep(
                event.meetingId(),
                event.enterpriseId() == null ? List.of() : List.of(event.enterpriseId()),
                message,
                token);
    }

    @EventHandler
    void on(ActionItemClosedEvent event, EventMessage<?> message, TrackingToken token) {
        keep(event.meetingId(), List.of(), message, token);
    }

    @EventHandler
    void on(MeetingClosedEvent event, EventMessage<?> message, TrackingToken token) {
        keep(event.meetingId(), List.of(), message, token);
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE meeting_event");
    }

    private void keep(UUID meetingId, List<String> enterprises, EventMessage<?> message, TrackingToken token) {
        PublishedEvents.Stored stored = published.encode(message);
        jdbc.update(
                "INSERT INTO meeting_event (event_id, meeting_id, global_index, recorded_at, enterprise_ids,"
                        + " payload_type, payload_revision, payload, actor, role)"
                        + " VALUES (?, ?, ?, ?, ?::text[], ?, ?, ?::json, ?, ?) ON CONFLICT (event_id) DO NOTHING",
                message.getIdentifier(),
                meetingId,
                token == null ? 0 : token.position().orElse(0),
                Timestamp.from(message.getTimestamp()),
                textArray(enterprises),
                stored.type(),
                stored.revision(),
                stored.text(),
                string(message.getMetaData().get(MetadataKeys.ACTOR)),
                string(message.getMetaData().get(MetadataKeys.ROLE)));
    }

    /** A PostgreSQL array literal: every element quoted, quotes and backslashes escaped. */
    static String textArray(List<String> values) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                literal.append(',');
            }
            literal.append('"')
                    .append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        }
        return literal.append('}').toString();
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }
}
