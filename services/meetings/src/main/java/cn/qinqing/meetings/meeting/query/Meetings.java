package cn.qinqing.meetings.meeting.query;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.Urgency;
import cn.qinqing.language.meeting.AgendaItem;
import cn.qinqing.language.meeting.Attendance;
import cn.qinqing.language.meeting.MinutesItem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads of the meetings read model. Callers decide who may see what; this only answers. */
@Repository
public class Meetings {

    public static final String PROCESSING_GROUP = MeetingProjection.GROUP;
    public static final String STATUS_PROCESSING_GROUP = ActionItemStatusProjection.GROUP;

    /** Due dates are the city's dates. */
    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<List<AgendaItem>> AGENDA = new TypeReference<>() {};
    private static final TypeReference<List<MinutesItem>> MINUTES = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;

    Meetings(JdbcTemplate jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    public Optional<MeetingView> find(UUID id) {
        return jdbc.query("SELECT * FROM meeting_view WHERE meeting_id = ?", this::meeting, id).stream()
                .findFirst();
    }

    /**
     * Upcoming meetings (not yet ended) soonest first, or past ones latest first.
     *
     * @param invitedEnterprise only meetings this enterprise is invited to, or null for all
     */
    public List<MeetingView> list(boolean upcoming, Instant now, String invitedEnterprise, int limit) {
        StringBuilder sql = new StringBuilder("SELECT m.* FROM meeting_view m WHERE ");
        List<Object> args = new ArrayList<>();
        sql.append(upcoming ? "m.ends_at >= ?" : "m.ends_at < ?");
        args.add(Timestamp.from(now));
        if (invitedEnterprise != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM invitation_view i WHERE i.meeting_id = m.meeting_id"
                    + " AND i.enterprise_id = ?)");
            args.add(invitedEnterprise);
        }
        sql.append(upcoming ? " ORDER BY m.starts_at, m.meeting_id" : " ORDER BY m.starts_at DESC, m.meeting_id");
        sql.append(" LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), this::meeting, args.toArray());
    }

    public List<InvitationView> invitations(UUID meetingId) {
        return jdbc.query(
                "SELECT i.*, d.name FROM invitation_view i LEFT JOIN enterprise_directory d USING (enterprise_id)"
                        + " WHERE i.meeting_id = ? ORDER BY i.sent_at, i.enterprise_id",
                Meetings::invitation,
                meetingId);
    }

    public Optional<InvitationView> invitation(UUID meetingId, String enterpriseId) {
        return jdbc
                .query(
                        "SELECT i.*, d.name FROM invitation_view i LEFT JOIN enterprise_directory d USING (enterprise_id)"
                                + " WHERE i.meeting_id = ? AND i.enterprise_id = ?",
                        Meetings::invitation,
                        meetingId,
                        enterpriseId)
                .stream()
                .findFirst();
    }

    /** An enterprise's invitations to meetings that have not ended, soonest first. */
    public List<InvitationView> invitationsOf(String enterpriseId, Instant now) {
        return jdbc.query(
                "SELECT i.*, d.name FROM invitation_view i JOIN meeting_view m USING (meeting_id)"
                        + " LEFT JOIN enterprise_directory d ON d.enterprise_id = i.enterprise_id"
                        + " WHERE i.enterprise_id = ? AND m.ends_at >= ? ORDER BY m.starts_at",
                Meetings::invitation,
                enterpriseId,
                Timestamp.from(now));
    }

    /** @param enterpriseId only this enterprise's topics, or null for all */
    public List<TopicView> topics(UUID meetingId, String enterpriseId) {
        String sql = "SELECT * FROM topic_view WHERE meeting_id = ?"
                + (enterpriseId == null ? "" : " AND enterprise_id = ?")
                + " ORDER BY proposed_at, topic_id";
        Object[] args = enterpriseId == null ? new Object[] {meetingId} : new Object[] {meetingId, enterpriseId};
        return jdbc.query(
                sql,
                (rs, row) -> new TopicView(
                        rs.getObject("topic_id", UUID.class),
                        rs.getObject("meeting_id", UUID.class),
                        rs.getString("enterprise_id"),
                        rs.getString("title"),
                        rs.getString("description"),
                        rs.getObject("linked_appeal_id", UUID.class),
                        rs.getString("status"),
                        rs.getString("decline_reason"),
                        instant(rs, "proposed_at"),
                        instant(rs, "decided_at")),
                args);
    }

    public Optional<AgendaView> agenda(UUID meetingId) {
        List<AgendaView.Revision> history = jdbc.query(
                "SELECT * FROM agenda_revision WHERE meeting_id = ? ORDER BY revision",
                (rs, row) -> new AgendaView.Revision(
                        rs.getInt("revision"),
                        read(rs.getString("items"), AGENDA),
                        rs.getString("reason"),
                        instant(rs, "changed_at")),
                meetingId);
        if (history.isEmpty()) {
            return Optional.empty();
        }
        AgendaView.Revision current = history.get(history.size() - 1);
        return Optional.of(new AgendaView(meetingId, current.revision(), current.items(), history));
    }

    public Optional<MinutesView> minutes(UUID meetingId) {
        List<MinutesView.Correction> corrections = jdbc.query(
                "SELECT * FROM minutes_correction WHERE meeting_id = ? ORDER BY correction",
                (rs, row) -> new MinutesView.Correction(
                        rs.getInt("correction"),
                        read(rs.getString("attendance"), Attendance.class),
                        read(rs.getString("items"), MINUTES),
                        rs.getString("reason"),
                        instant(rs, "corrected_at")),
                meetingId);
        return jdbc
                .query(
                        "SELECT * FROM minutes_view WHERE meeting_id = ?",
                        (rs, row) -> new MinutesView(
                                meetingId,
                                rs.getString("status"),
                                read(rs.getString("attendance"), Attendance.class),
                                read(rs.getString("items"), MINUTES),
                                instant(rs, "drafted_at"),
                                instant(rs, "published_at"),
                                corrections),
                        meetingId)
                .stream()
                .findFirst();
    }

    /**
     * The meeting's action items with the live status of their appeals.
     *
     * @param enterpriseId only the items concerning this enterprise, or null for all
     * @param today the city's date (Asia/Shanghai), against which due dates are overdue
     */
    public List<ActionItemView> actionItems(UUID meetingId, String enterpriseId, LocalDate today) {
        String sql = "SELECT a.*, s.filed_at, s.dispatched_at, s.holding_department_id, s.signed_for_at,"
                + " s.answered_at, s.case_closed_at, s.appeal_closed_at, s.withdrawn_at"
                + " FROM action_item_view a LEFT JOIN action_item_status s ON s.appeal_id = a.appeal_id"
                + " WHERE a.meeting_id = ?" + (enterpriseId == null ? "" : " AND a.enterprise_id = ?")
                + " ORDER BY a.raised_at, a.action_item_id";
        Object[] args = enterpriseId == null ? new Object[] {meetingId} : new Object[] {meetingId, enterpriseId};
        return jdbc.query(sql, (rs, row) -> actionItem(rs, today), args);
    }

    public FollowUpView followUp(MeetingView meeting, LocalDate today) {
        List<ActionItemView> items = actionItems(meeting.id(), null, today);
        int closed = (int) items.stream().filter(ActionItemView::isClosed).count();
        double rate = items.isEmpty() ? 1.0 : (double) closed / items.size();
        return new FollowUpView(
                meeting.id(),
                meeting.status(),
                items.size(),
                closed,
                items.size() - closed,
                Math.round(rate * 10_000) / 10_000.0,
                items.stream().filter(ActionItemView::overdue).toList(),
                items);
    }

    private ActionItemView actionItem(ResultSet rs, LocalDate today) throws SQLException {
        String status;
        Instant closedAt = null;
        if (rs.getTimestamp("case_closed_at") != null || rs.getTimestamp("appeal_closed_at") != null) {
            status = "CLOSED";
            closedAt = earliest(instant(rs, "case_closed_at"), instant(rs, "appeal_closed_at"));
        } else if (rs.getTimestamp("closed_at") != null) {
            status = "WITHDRAWN".equals(rs.getString("close_cause")) ? "WITHDRAWN" : "CLOSED";
            closedAt = instant(rs, "closed_at");
        } else if (rs.getTimestamp("withdrawn_at") != null) {
            status = "WITHDRAWN";
            closedAt = instant(rs, "withdrawn_at");
        } else if (rs.getTimestamp("answered_at") != null) {
            status = "ANSWERED";
        } else if (rs.getTimestamp("signed_for_at") != null) {
            status = "SIGNED_FOR";
        } else if (rs.getTimestamp("dispatched_at") != null) {
            status = "DISPATCHED";
        } else if (rs.getTimestamp("filed_at") != null) {
            status = "FILED";
        } else {
            status = "RAISED";
        }
        LocalDate dueOn = rs.getDate("due_on").toLocalDate();
        String owner = rs.getString("owner_department_id");
        String holder = rs.getString("holding_department_id");
        boolean done = closedAt != null;
        return new ActionItemView(
                rs.getObject("action_item_id", UUID.class),
                rs.getObject("meeting_id", UUID.class),
                rs.getObject("appeal_id", UUID.class),
                rs.getInt("agenda_position"),
                rs.getInt("decision"),
                rs.getString("enterprise_id"),
                owner,
                rs.getString("responsible_leader_id"),
                dueOn,
                rs.getString("title"),
                rs.getString("description"),
                AppealCategory.valueOf(rs.getString("category")),
                Urgency.valueOf(rs.getString("urgency")),
                instant(rs, "raised_at"),
                status,
                holder,
                holder != null && !holder.equals(owner),
                closedAt,
                !done && today.isAfter(dueOn),
                done ? !closedAt.atZone(CITY).toLocalDate().isAfter(dueOn) : null);
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }

    private MeetingView meeting(ResultSet rs, int row) throws SQLException {
        Instant closedAt = instant(rs, "closed_at");
        return new MeetingView(
                rs.getObject("meeting_id", UUID.class),
                rs.getString("host_leader_id"),
                rs.getString("theme"),
                rs.getString("venue"),
                instant(rs, "starts_at"),
                instant(rs, "ends_at"),
                rs.getInt("capacity"),
                read(rs.getString("department_ids"), STRINGS),
                instant(rs, "topic_cut_off_at"),
                instant(rs, "scheduled_at"),
                rs.getInt("agenda_revision"),
                rs.getString("minutes_status"),
                closedAt == null ? "SCHEDULED" : "CLOSED",
                closedAt,
                rs.getLong("version"));
    }

    private static InvitationView invitation(ResultSet rs, int row) throws SQLException {
        return new InvitationView(
                rs.getObject("meeting_id", UUID.class),
                rs.getString("enterprise_id"),
                rs.getString("name"),
                rs.getString("selection"),
                rs.getString("status"),
                rs.getString("decline_reason"),
                instant(rs, "sent_at"),
                instant(rs, "responded_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
