package cn.qinqing.platform.retention;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long the stores that would only grow keep their rows (R12; docs/reliability.md lists them all).
 *
 * @param enabled whether the job runs on a schedule (it can always be run by hand through {@link Retention#enforce})
 * @param idempotencyKeys how long a create's {@code Idempotency-Key} replays: long enough for any client's retries
 * @param deadLetters how long a sequence of dead letters nobody retried or evicted is kept after it was last touched
 * @param interval how often the job runs
 * @param delay how long after start it first runs
 */
@ConfigurationProperties("qinqing.retention")
public record RetentionProperties(
        Boolean enabled, Duration idempotencyKeys, Duration deadLetters, Duration interval, Duration delay) {

    public RetentionProperties {
        enabled = enabled == null || enabled;
        idempotencyKeys = idempotencyKeys != null ? idempotencyKeys : Duration.ofDays(7);
        deadLetters = deadLetters != null ? deadLetters : Duration.ofDays(30);
        interval = interval != null ? interval : Duration.ofHours(1);
        delay = delay != null ? delay : Duration.ofMinutes(1);
    }
}
