package cn.qinqing.oversight.chain;

import cn.qinqing.oversight.eventlog.PublishedEvents;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The kept meeting events, read back into the published language's records and folded per meeting. */
@Component
class MeetingLog {

    private final JdbcTemplate jdbc;
    private final PublishedEvents published;

    MeetingLog(JdbcTemplate jdbc, PublishedEvents published) {
        this.jdbc = jdbc;
        this.published = published;
    }

    /** The meeting as its events recorded by {@code asOf} tell it. */
    MeetingRecord meeting(UUID meetingId, Instant asOf) {
        return meetings(
                        "SELECT * FROM meeting_event WHERE meeting_id = ? AND recorded_at <= ? ORDER BY global_index",
                        meetingId,
                        Timestamp.from(asOf))
                .getOrDefault(meetingId, new MeetingRecord(meetingId));
    }

    /** Every meeting an event recorded by {@code asOf} connects with one of the enterprises (invited, attended …). */
    Collection<MeetingRecord> ofEnterprises(Collection<String> enterpriseIds, Instant asOf) {
        if (enterpriseIds.isEmpty()) {
            return List.of();
        }
        return meetings(
                        "SELECT * FROM meeting_event WHERE recorded_at <= ? AND meeting_id IN (SELECT meeting_id FROM"
                                + " meeting_event WHERE enterprise_ids && ?::text[] AND recorded_at <= ?)"
                                + " ORDER BY meeting_id, global_index",
                        Timestamp.from(asOf),
                        MeetingEventProjection.textArray(List.copyOf(enterpriseIds)),
                        Timestamp.from(asOf))
                .values();
    }

    private Map<UUID, MeetingRecord> meetings(String sql, Object... args) {
        Map<UUID, List<Object>> events = new LinkedHashMap<>();
        jdbc.query(
                sql,
                row -> {
                    UUID meetingId = row.getObject("meeting_id", UUID.class);
                    Object event = published.decode(
                            new PublishedEvents.Stored(
                                    row.getString("payload_type"),
                                    row.getString("payload_revision"),
                                    row.getString("payload")),
                            row.getString("event_id"),
                            row.getTimestamp("recorded_at").toInstant());
                    events.computeIfAbsent(meetingId, id -> new ArrayList<>()).add(event);
                },
                args);
        Map<UUID, MeetingRecord> records = new LinkedHashMap<>();
        events.forEach((id, list) -> records.put(id, MeetingRecord.of(id, list)));
        return records;
    }
}
