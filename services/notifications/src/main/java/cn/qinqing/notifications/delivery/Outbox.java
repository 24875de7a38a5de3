package cn.qinqing.notifications.delivery;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The e-mails and webhook calls waiting to go. A sender claims a few due ones at a time (SKIP LOCKED: several
 * instances never claim the same row) by moving their next try past a lease, so that a sender that dies mid-way leaves
 * them to be tried again after the lease.
 */
@Repository
class Outbox {

    static final Duration LEASE = Duration.ofMinutes(5);

    private final JdbcTemplate jdbc;

    Outbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Message(
            UUID id,
            String channel,
            String kind,
            String recipient,
            UUID appealId,
            String language,
            String subject,
            String body,
            String link,
            String address,
            String attachmentName,
            byte[] attachment,
            Instant createdAt,
            int attempts) {}

    List<Message> claimDue(Instant now, int limit) {
        return jdbc.query(
                "UPDATE notification SET attempts = attempts + 1, next_attempt_at = ? WHERE id IN ("
                        + " SELECT id FROM notification WHERE status = 'PENDING' AND next_attempt_at <= ?"
                        + " ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)"
                        + " RETURNING id, channel, kind, recipient, appeal_id, language, subject, body, link, address,"
                        + " attachment_name, attachment, created_at, attempts",
                (rs, n) -> new Message(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getObject(5, UUID.class),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getString(10),
                        rs.getString(11),
                        rs.getBytes(12),
                        rs.getTimestamp(13).toInstant(),
                        rs.getInt(14)),
                Timestamp.from(now.plus(LEASE)),
                Timestamp.from(now),
                limit);
    }

    void sent(UUID id, Instant at) {
        jdbc.update(
                "UPDATE notification SET status = 'SENT', sent_at = ?, last_error = NULL, next_attempt_at = NULL"
                        + " WHERE id = ?",
                Timestamp.from(at),
                id);
    }

    void retryAt(UUID id, Instant at, String error) {
        jdbc.update(
                "UPDATE notification SET next_attempt_at = ?, last_error = ? WHERE id = ?",
                Timestamp.from(at),
                error,
                id);
    }

    void dead(UUID id, String error) {
        jdbc.update(
                "UPDATE notification SET status = 'DEAD', next_attempt_at = NULL, last_error = ? WHERE id = ?",
                error,
                id);
    }
}
