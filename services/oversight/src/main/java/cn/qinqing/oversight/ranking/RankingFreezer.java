package cn.qinqing.oversight.ranking;

import cn.qinqing.language.calendar.WorkingCalendar;
import java.lang.management.ManagementFactory;
import java.time.YearMonth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Freezes each month's ranking as reported, exactly once, from a schedule kept in the database
 * ({@code ranking_freeze_schedule}: the first month still to freeze). At 00:00 on the 1st (Asia/Shanghai), at start
 * and every minute, every month from that one up to last month is frozen as of its end and the schedule moves on;
 * a month that ended while the service was down is frozen at the next start, once the read models have caught up.
 * Only complete read models are frozen: a ranking frozen mid-replay would report numbers nobody ever had.
 */
@Component
@ConditionalOnProperty(name = "qinqing.oversight.freeze.enabled", havingValue = "true", matchIfMissing = true)
class RankingFreezer {

    private static final Logger log = LoggerFactory.getLogger(RankingFreezer.class);

    private final Rankings rankings;
    private final JdbcTemplate jdbc;
    private final String instance =
            "oversight@" + ManagementFactory.getRuntimeMXBean().getName();

    RankingFreezer(Rankings rankings, JdbcTemplate jdbc) {
        this.rankings = rankings;
        this.jdbc = jdbc;
    }

    @Scheduled(cron = "0 0 0 1 * *", zone = "Asia/Shanghai")
    void atMonthEnd() {
        freezeDue();
    }

    /** On start (after the processors had a moment) and every minute: a month end missed, or not ready then. */
    @Scheduled(initialDelayString = "PT30S", fixedDelayString = "PT1M")
    void catchUp() {
        freezeDue();
    }

    /** Freezes every ended month from the schedule's next one on; stops at the first that cannot be frozen yet. */
    void freezeDue() {
        YearMonth current = YearMonth.now(WorkingCalendar.ZONE);
        YearMonth next = YearMonth.parse(
                jdbc.queryForObject("SELECT next_month FROM ranking_freeze_schedule WHERE id = 1", String.class));
        while (next.isBefore(current)) {
            Rankings.FreezeOutcome outcome = rankings.freezeMonth(next, instance);
            if (outcome == Rankings.FreezeOutcome.NOT_READY) {
                log.info("Ranking of {} not frozen yet: the read models are catching up or being rebuilt", next);
                return;
            }
            if (outcome == Rankings.FreezeOutcome.FROZEN) {
                log.info("Ranking of {} frozen as reported", next);
            }
            // another instance may have moved it on already: then this changes nothing
            jdbc.update(
                    "UPDATE ranking_freeze_schedule SET next_month = ? WHERE id = 1 AND next_month = ?",
                    next.plusMonths(1).toString(),
                    next.toString());
            next = next.plusMonths(1);
        }
    }
}
