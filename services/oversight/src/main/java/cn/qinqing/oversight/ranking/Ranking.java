package cn.qinqing.oversight.ranking;

import cn.qinqing.oversight.kpi.KpiRow;
import java.time.Instant;
import java.util.List;

/**
 * A month's ranking of departments.
 *
 * @param asOf the facts recorded by this instant made it: the month's end for a ranking as reported
 * @param frozenAt when it was frozen as reported; null for a recomputed ranking
 * @param readModelPosition how far the read models were when it was made
 */
public record Ranking(
        String month,
        Instant asOf,
        Instant frozenAt,
        Long readModelPosition,
        long eventStoreHead,
        List<Entry> entries) {

    /**
     * One department's place.
     *
     * @param rank 1 for the best score; departments with equal scores share a rank; null without a score
     * @param score the mean of the three rates that counted something, × 100 (see {@code docs/kpis.md})
     */
    public record Entry(String departmentId, String departmentName, Integer rank, Double score, KpiRow kpis) {}
}
