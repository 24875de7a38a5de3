package cn.qinqing.appeals;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qinqing.platform.retention.Retention;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * R12: the stores that would only grow are bounded. The platform's retention job, as every event-sourced service runs
 * it (here the appeals service's), forgets an {@code Idempotency-Key} past its retention (7 days) while one inside it
 * still replays, and evicts a sequence of dead letters untouched for 30 days while a recent one stays.
 */
class RetentionIT extends AppealsApiTestBase {

    @Autowired
    Retention retention;

    @Test
    void aKeyPastItsRetentionIsGoneAndOneInsideItStillReplays() {
        String old = "retention-old-" + UUID.randomUUID();
        String recent = "retention-recent-" + UUID.randomUUID();
        var filedLongAgo = api.post("/api/appeals")
                .token(userA)
                .header("Idempotency-Key", old)
                .body(appeal("八天前的诉求"))
                .send();
        var filedLately = api.post("/api/appeals")
                .token(userA)
                .header("Idempotency-Key", recent)
                .body(appeal("六天前的诉求"))
                .send();
        assertThat(filedLongAgo.status()).isEqualTo(201);
        assertThat(filedLately.status()).isEqualTo(201);
        backdate(old, "8 days");
        backdate(recent, "6 days");

        var deleted = retention.enforce();

        assertThat(deleted.get("appeals.idempotency_key")).isGreaterThanOrEqualTo(1);
        assertThat(keys(old)).as("the key 8 days old").isZero();
        assertThat(keys(recent)).as("the key 6 days old").isOne();
        var retry = api.post("/api/appeals")
                .token(userA)
                .header("Idempotency-Key", recent)
                .body(appeal("六天前的诉求"))
                .send();
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json().get("id")).isEqualTo(filedLately.json().get("id"));
    }

    @Test
    void aSequenceOfDeadLettersUntouchedForThirtyDaysIsEvictedAndARecentOneStays() {
        String group = "appeals-retention-test";
        deadLetter(group, "old-sequence", "31 days");
        deadLetter(group, "recent-sequence", "1 day");

        retention.enforce();

        assertThat(jdbc.queryForList(
                        "SELECT sequence_id FROM dead_letter_entry WHERE processing_group = ?", String.class, group))
                .containsExactly("recent-sequence");
        jdbc.update("DELETE FROM dead_letter_entry WHERE processing_group = ?", group);
    }

    private void backdate(String key, String age) {
        jdbc.update("UPDATE idempotency_key SET created_at = now() - CAST(? AS interval) WHERE idem_key = ?", age, key);
    }

    private long keys(String key) {
        return jdbc.queryForObject("SELECT count(*) FROM idempotency_key WHERE idem_key = ?", Long.class, key);
    }

    private void deadLetter(String group, String sequence, String age) {
        jdbc.update(
                "INSERT INTO dead_letter_entry (dead_letter_id, processing_group, sequence_id, sequence_index,"
                        + " message_type, event_identifier, time_stamp, payload_type, payload, enqueued_at)"
                        + " SELECT ?, ?, ?, 0, 'DomainEventMessage', ?, t, 'test', '\\x7b7d'::bytea, t FROM"
                        + " (SELECT to_char((now() - CAST(? AS interval)) AT TIME ZONE 'UTC',"
                        + " 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') AS t) s",
                UUID.randomUUID().toString(),
                group,
                sequence,
                UUID.randomUUID().toString(),
                age);
    }
}
