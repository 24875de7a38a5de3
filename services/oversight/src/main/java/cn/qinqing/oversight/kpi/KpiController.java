package cn.qinqing.oversight.kpi;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.oversight.reading.Scope;
import cn.qinqing.oversight.web.Answers;
import cn.qinqing.oversight.web.Callers;
import cn.qinqing.oversight.web.Params;
import cn.qinqing.platform.readlog.RecordsRead;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * KPIs per department, leader, category, district or month, filtered by any of them, as of any instant. The formulas
 * are in {@code docs/kpis.md}.
 */
@RestController
@Validated
@RequestMapping("/api/oversight")
class KpiController {

    private final KpiQueries queries;
    private final Callers callers;

    KpiController(KpiQueries queries, Callers callers) {
        this.queries = queries;
        this.callers = callers;
    }

    @GetMapping({"/kpis", "/kpis.csv"})
    @RecordsRead("KPIS")
    ResponseEntity<Object> kpis(
            @RequestParam(required = false) String month,
            @RequestParam(required = false) @Pattern(regexp = Params.ID, message = "is not a department id")
                    String department,
            @RequestParam(required = false) @Pattern(regexp = Params.ID, message = "is not a leader id") String leader,
            @RequestParam(required = false) AppealCategory category,
            @RequestParam(required = false) @Pattern(regexp = "[^\\p{Cntrl}]{1,100}", message = "is not a district")
                    String district,
            @RequestParam(defaultValue = "NONE") Kpis.GroupBy groupBy,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
            HttpServletRequest request) {
        Scope scope = callers.scope();
        if (department != null && !scope.coversDepartment(department)) {
            throw Callers.outsideChain("Department " + department + " is not in your chain of command.");
        }
        if (leader != null && !scope.coversLeader(leader)) {
            throw Callers.outsideChain("Leader " + leader + " is not in your chain of command.");
        }
        var answer = queries.kpis(
                Params.month(month),
                department,
                leader,
                category == null ? null : category.name(),
                district,
                groupBy,
                Params.asOf(asOf),
                scope);
        if (!Answers.wantsCsv(request)) {
            return Answers.json(answer, answer.freshness());
        }
        List<List<Object>> rows = new ArrayList<>();
        for (KpiRow row : answer.rows()) {
            rows.add(Arrays.asList(
                    row.key(),
                    row.label(),
                    row.response().met(),
                    row.response().total(),
                    row.response().rate(),
                    row.onTimeResolution().met(),
                    row.onTimeResolution().total(),
                    row.onTimeResolution().rate(),
                    row.satisfaction().satisfied(),
                    row.satisfaction().rated(),
                    row.satisfaction().rate(),
                    row.satisfaction().averageRating(),
                    row.satisfaction().notRated(),
                    row.reopen().reopened(),
                    row.reopen().answered(),
                    row.reopen().rate(),
                    row.handling().resolved(),
                    row.handling().averageWorkingDays(),
                    row.overdueNow(),
                    row.meetingFollowUp().met(),
                    row.meetingFollowUp().total(),
                    row.meetingFollowUp().rate()));
        }
        return Answers.csv(
                "kpis",
                List.of(
                        groupBy.name().toLowerCase(),
                        "label",
                        "signedForInTime",
                        "signForsCounted",
                        "responseRate",
                        "answeredOnTime",
                        "resolutionsCounted",
                        "onTimeResolutionRate",
                        "satisfied",
                        "rated",
                        "satisfactionRate",
                        "averageRating",
                        "notRated",
                        "reopened",
                        "answered",
                        "reopenRate",
                        "resolved",
                        "averageHandlingWorkingDays",
                        "overdueNow",
                        "actionItemsClosedOnTime",
                        "actionItemsCounted",
                        "meetingFollowUpRate"),
                rows,
                answer.freshness());
    }
}
