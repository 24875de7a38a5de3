package cn.qinqing.notifications.feed;

import cn.qinqing.notifications.notice.Recipient;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** A person's in-app feed: their FEED notifications, newest first. Every read and write names the recipient. */
@Repository
class Feed {

    private final JdbcTemplate jdbc;

    Feed(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Entry(
            UUID id,
            String kind,
            String subject,
            String body,
            String link,
            UUID appealId,
            Instant createdAt,
            Instant readAt) {}

    List<Entry> latest(Recipient recipient, boolean unreadOnly, int limit) {
        return jdbc.query(
                "SELECT id, kind, subject, body, link, appeal_id, created_at, read_at FROM notification"
                        + " WHERE recipient = ? AND channel = 'FEED'" + (unreadOnly ? " AND read_at IS NULL" : "")
                        + " ORDER BY created_at DESC, id LIMIT ?",
                (rs, n) -> new Entry(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getObject(6, UUID.class),
                        rs.getTimestamp(7).toInstant(),
                        rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant()),
                recipient.key(),
                limit);
    }

    long unread(Recipient recipient) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM notification WHERE recipient = ? AND channel = 'FEED' AND read_at IS NULL",
                Long.class,
                recipient.key());
    }

    /** Whether the recipient has this notification (marked read now if it was not yet). */
    boolean markRead(Recipient recipient, UUID id, Instant at) {
        jdbc.update(
                "UPDATE notification SET read_at = ? WHERE id = ? AND recipient = ? AND channel = 'FEED'"
                        + " AND read_at IS NULL",
                Timestamp.from(at),
                id,
                recipient.key());
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM notification WHERE id = ? AND recipient = ? AND channel = 'FEED')",
                Boolean.class,
                id,
                recipient.key()));
    }

    void markAllRead(Recipient recipient, Instant at) {
        jdbc.update(
                "UPDATE notification SET read_at = ? WHERE recipient = ? AND channel = 'FEED' AND read_at IS NULL",
                Timestamp.from(at),
                recipient.key());
    }
}
