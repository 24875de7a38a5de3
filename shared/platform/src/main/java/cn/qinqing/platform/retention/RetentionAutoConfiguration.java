package cn.qinqing.platform.retention;

import cn.qinqing.platform.PlatformProperties;
import java.time.Clock;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * R12 for every event-sourced service: the idempotency keys and dead letters of its schema are kept for a bounded
 * time, and a job enforces it. A service adds a store of its own by declaring a {@link RetainedStore} bean.
 */
@AutoConfiguration(after = JdbcTemplateAutoConfiguration.class)
@ConditionalOnClass(JdbcEventStorageEngine.class)
@EnableConfigurationProperties({PlatformProperties.class, RetentionProperties.class})
public class RetentionAutoConfiguration {

    /** A create's key replays for {@code qinqing.retention.idempotency-keys} (7 days), then it is forgotten. */
    @Bean
    RetainedStore idempotencyKeyRetention(PlatformProperties platform, RetentionProperties retention) {
        String table = platform.schema() + ".idempotency_key";
        return new RetainedStore(
                table,
                retention.idempotencyKeys(),
                "DELETE FROM " + table + " WHERE ctid IN (SELECT ctid FROM " + table + " WHERE created_at < ? LIMIT "
                        + Retention.BATCH + ")");
    }

    /**
     * A sequence of dead letters that nobody retried or evicted for {@code qinqing.retention.dead-letters} (30 days)
     * is evicted whole, as an admin's eviction would (a sequence's later letters wait behind its first).
     */
    @Bean
    RetainedStore deadLetterRetention(PlatformProperties platform, RetentionProperties retention) {
        String table = platform.schema() + ".dead_letter_entry";
        return new RetainedStore(
                table,
                retention.deadLetters(),
                "DELETE FROM " + table + " WHERE dead_letter_id IN (SELECT d.dead_letter_id FROM " + table + " d JOIN"
                        + " (SELECT processing_group, sequence_id FROM " + table + " GROUP BY 1, 2"
                        + " HAVING max(coalesce(last_touched, enqueued_at)::timestamptz) < ?) old"
                        + " USING (processing_group, sequence_id) LIMIT " + Retention.BATCH + ")");
    }

    @Bean
    Retention retention(JdbcTemplate jdbc, List<RetainedStore> stores, RetentionProperties properties) {
        return new Retention(jdbc, stores, properties, Clock.systemUTC());
    }
}
