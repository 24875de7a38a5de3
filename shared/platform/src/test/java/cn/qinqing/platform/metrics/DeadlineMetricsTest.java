package cn.qinqing.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class DeadlineMetricsTest {

    private final Instant now = Instant.parse("2026-12-07T02:00:00Z");
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DeadlineMetrics metrics = new DeadlineMetrics(
            registry, mock(JdbcTemplate.class), "resolution", Clock.fixed(now, ZoneOffset.UTC), Duration.ofMinutes(1));

    @Test
    void aDeadlineThatFiresMoreThanAMinuteAfterItsTimeCountsAsLate() {
        metrics.fired(now.minusSeconds(5));
        metrics.fired(now.minusSeconds(61));
        metrics.fired(now.minus(Duration.ofHours(3)));

        assertThat(registry.get("qinqing.deadlines.late.firings").counter().count())
                .isEqualTo(2);
        assertThat(registry.get("qinqing.deadlines.firing.delay").timer().count())
                .isEqualTo(3);
        assertThat(registry.get("qinqing.deadlines.firing.delay").timer().max(java.util.concurrent.TimeUnit.SECONDS))
                .isEqualTo(3 * 3600);
    }

    @Test
    void aDeadlineFiredEarlyIsNotLate() {
        metrics.fired(now.plusSeconds(30));

        assertThat(registry.get("qinqing.deadlines.late.firings").counter().count())
                .isZero();
    }
}
