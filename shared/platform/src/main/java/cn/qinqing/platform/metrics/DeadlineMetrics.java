package cn.qinqing.platform.metrics;

import com.github.kagkarlsson.scheduler.event.ExecutionChain;
import com.github.kagkarlsson.scheduler.event.ExecutionInterceptor;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The persistent deadlines (SLA timers, ADR 0006) of a service: how many are due and not yet fired, how long the
 * oldest of those has waited, and how late each one fired.
 *
 * <ul>
 *   <li>{@code qinqing_deadlines_due}: deadlines whose time has come that no instance has picked up (the backlog);
 *   <li>{@code qinqing_deadlines_overdue_seconds}: how long the oldest of those is past its time;
 *   <li>{@code qinqing_deadlines_firing_delay_seconds}: from a deadline's time to its firing (a timer);
 *   <li>{@code qinqing_deadlines_late_firings_total}: firings later than {@code qinqing.metrics.late-deadline}.
 * </ul>
 */
final class DeadlineMetrics implements ExecutionInterceptor {

    private final Clock clock;
    private final Duration late;
    private final Timer delay;
    private final Counter lateFirings;

    DeadlineMetrics(MeterRegistry registry, JdbcTemplate jdbc, String schema, Clock clock, Duration late) {
        this.clock = clock;
        this.late = late;
        String table = schema + ".scheduled_tasks";
        Gauge.builder(
                        "qinqing.deadlines.due",
                        jdbc,
                        db -> count(
                                db, "SELECT count(*) FROM " + table + " WHERE execution_time <= now() AND NOT picked"))
                .description("Deadlines whose time has come that no instance has fired yet")
                .register(registry);
        Gauge.builder(
                        "qinqing.deadlines.overdue",
                        jdbc,
                        db -> count(
                                db,
                                "SELECT coalesce(extract(epoch FROM now() - min(execution_time)), 0) FROM " + table
                                        + " WHERE execution_time <= now() AND NOT picked"))
                .description("How long the oldest deadline that has not fired yet is past its time")
                .baseUnit("seconds")
                .register(registry);
        this.delay = Timer.builder("qinqing.deadlines.firing.delay")
                .description("From a deadline's time to its firing")
                .register(registry);
        this.lateFirings = Counter.builder("qinqing.deadlines.late.firings")
                .description("Deadlines that fired later than qinqing.metrics.late-deadline after their time")
                .register(registry);
    }

    private static double count(JdbcTemplate jdbc, String sql) {
        Number value = jdbc.queryForObject(sql, Number.class);
        return value == null ? 0 : value.doubleValue();
    }

    @Override
    public CompletionHandler<?> execute(TaskInstance<?> taskInstance, ExecutionContext context, ExecutionChain chain) {
        fired(context.getExecution().getExecutionTime());
        return chain.proceed(taskInstance, context);
    }

    /** Records a firing of a deadline that was due at {@code due}. */
    void fired(Instant due) {
        Duration by = Duration.between(due, clock.instant());
        if (by.isNegative()) {
            by = Duration.ZERO;
        }
        delay.record(by);
        if (by.compareTo(late) > 0) {
            lateFirings.increment();
        }
    }
}
