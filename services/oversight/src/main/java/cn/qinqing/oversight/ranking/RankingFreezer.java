package cn.qinqing.oversight.ranking;

import cn.qinqing.language.calendar.WorkingCalendar;
import cn.qinqing.oversight.query.ReadModels;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.YearMonth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Freezes last month's ranking as reported, exactly once: at the start of each month (Asia/Shanghai), and, should
 * the service have been down then or its read models behind, at the next check after they caught up. Only complete
 * read models are frozen: a ranking frozen mid-replay would report numbers nobody ever had.
 */
@Component
@ConditionalOnProperty(name = "qinqing.oversight.freeze.enabled", havingValue = "true", matchIfMissing = true)
class RankingFreezer {

    private static final Logger log = LoggerFactory.getLogger(RankingFreezer.class);

    private final Rankings rankings;
    private final ReadModels readModels;
    private final String instance =
            "oversight@" + ManagementFactory.getRuntimeMXBean().getName();

    RankingFreezer(Rankings rankings, ReadModels readModels) {
        this.rankings = rankings;
        this.readModels = readModels;
    }

    @Scheduled(cron = "0 0 0 1 * *", zone = "Asia/Shanghai")
    void atMonthEnd() {
        freezeLastMonthIfDue();
    }

    /** On start (after the processors had a moment) and every ten minutes: catches a missed month end. */
    @Scheduled(initialDelayString = "PT30S", fixedDelayString = "PT10M")
    void catchUp() {
        freezeLastMonthIfDue();
    }

    void freezeLastMonthIfDue() {
        YearMonth last = YearMonth.now(WorkingCalendar.ZONE).minusMonths(1);
        if (rankings.isFrozen(last)) {
            return;
        }
        if (!readModels.freshness().caughtUp()) {
            log.info("Ranking of {} not frozen yet: the read models are still catching up", last);
            return;
        }
        // as reported at the month's end: facts recorded later are for the recomputed ranking, however late this runs
        Instant monthEnd =
                last.plusMonths(1).atDay(1).atStartOfDay(WorkingCalendar.ZONE).toInstant();
        if (rankings.freeze(last, monthEnd, instance)) {
            log.info("Ranking of {} frozen as reported", last);
        }
    }
}
