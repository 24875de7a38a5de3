package cn.qinqing.oversight.ranking;

import cn.qinqing.oversight.reading.Freshness;
import java.util.List;

/**
 * A month's ranking as reported (frozen at the month's end) beside the same month recomputed from every event known
 * now, and the difference per department.
 *
 * @param reported null when the month was never frozen
 */
public record RankingComparison(
        String month, Ranking reported, Ranking recomputed, List<Difference> differences, Freshness freshness) {

    /**
     * How one department's place moved between the report and now. Changes are recomputed minus reported; a
     * negative rank change is a better place. Null where either side has no value.
     */
    public record Difference(
            String departmentId,
            String departmentName,
            Integer reportedRank,
            Integer recomputedRank,
            Integer rankChange,
            Double reportedScore,
            Double recomputedScore,
            Double scoreChange,
            Double responseRateChange,
            Double onTimeRateChange,
            Double satisfactionRateChange,
            Double reopenRateChange) {}
}
