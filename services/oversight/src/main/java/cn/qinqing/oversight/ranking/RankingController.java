package cn.qinqing.oversight.ranking;

import cn.qinqing.oversight.reading.ReadModels;
import cn.qinqing.oversight.web.Answers;
import cn.qinqing.oversight.web.Callers;
import cn.qinqing.oversight.web.Params;
import cn.qinqing.platform.readlog.RecordsRead;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Monthly rankings of departments: as reported (frozen at the month's end) beside the same month recomputed from
 * every event known now, with the difference per department.
 */
@RestController
@RequestMapping("/api/oversight/rankings")
class RankingController {

    private final Rankings rankings;
    private final ReadModels readModels;
    private final Callers callers;

    RankingController(Rankings rankings, ReadModels readModels, Callers callers) {
        this.rankings = rankings;
        this.readModels = readModels;
        this.callers = callers;
    }

    @GetMapping
    ResponseEntity<Object> months() {
        callers.scope();
        var freshness = readModels.freshness();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("frozenMonths", rankings.frozenMonths());
        body.put("freshness", freshness);
        return Answers.json(body, freshness);
    }

    /** {@code /rankings/2025-10} answers JSON, {@code /rankings/2025-10.csv} the per-department comparison as CSV. */
    @GetMapping("/{month}")
    @RecordsRead("RANKING")
    ResponseEntity<Object> month(
            @PathVariable String month,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
            HttpServletRequest request) {
        String plain = month.endsWith(".csv") ? month.substring(0, month.length() - 4) : month;
        RankingComparison comparison =
                rankings.compare(Params.requiredMonth(plain), Params.asOf(asOf), callers.scope());
        if (!Answers.wantsCsv(request)) {
            return Answers.json(comparison, comparison.freshness());
        }
        List<List<Object>> rows = new ArrayList<>();
        for (RankingComparison.Difference difference : comparison.differences()) {
            rows.add(Arrays.asList(
                    comparison.month(),
                    difference.departmentId(),
                    difference.departmentName(),
                    difference.reportedRank(),
                    difference.recomputedRank(),
                    difference.rankChange(),
                    difference.reportedScore(),
                    difference.recomputedScore(),
                    difference.scoreChange(),
                    difference.responseRateChange(),
                    difference.onTimeRateChange(),
                    difference.satisfactionRateChange(),
                    difference.reopenRateChange()));
        }
        return Answers.csv(
                "ranking-" + comparison.month(),
                List.of(
                        "month",
                        "departmentId",
                        "department",
                        "reportedRank",
                        "recomputedRank",
                        "rankChange",
                        "reportedScore",
                        "recomputedScore",
                        "scoreChange",
                        "responseRateChange",
                        "onTimeRateChange",
                        "satisfactionRateChange",
                        "reopenRateChange"),
                rows,
                comparison.freshness());
    }
}
