package cn.qinqing.oversight.overdue;

import cn.qinqing.oversight.history.Overdue;
import cn.qinqing.oversight.overdue.OverdueQueries.OverdueItem;
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

/** What is past due now (or as of an instant), with who holds it and the leader to escalate to. */
@RestController
@Validated
@RequestMapping("/api/oversight")
class OverdueController {

    private final OverdueQueries queries;
    private final Callers callers;

    OverdueController(OverdueQueries queries, Callers callers) {
        this.queries = queries;
        this.callers = callers;
    }

    @GetMapping({"/overdue", "/overdue.csv"})
    @RecordsRead("OVERDUE")
    ResponseEntity<Object> overdue(
            @RequestParam(required = false) @Pattern(regexp = Params.ID, message = "is not a department id")
                    String department,
            @RequestParam(required = false) Overdue.Kind kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
            HttpServletRequest request) {
        Scope scope = callers.scope();
        if (department != null && !scope.coversDepartment(department)) {
            throw Callers.outsideChain("Department " + department + " is not in your chain of command.");
        }
        var list = queries.overdue(Params.asOf(asOf), department, kind, scope);
        if (!Answers.wantsCsv(request)) {
            return Answers.json(list, list.freshness());
        }
        List<List<Object>> rows = new ArrayList<>();
        for (OverdueItem item : list.items()) {
            rows.add(Arrays.asList(
                    item.appealId(),
                    item.title(),
                    item.enterpriseName(),
                    item.kind(),
                    item.dueAt(),
                    item.overdueWorkingDays(),
                    item.holder() == null ? null : item.holder().name(),
                    item.departmentId(),
                    item.departmentName(),
                    item.responsibleLeaderId(),
                    item.escalateToLeaderId(),
                    item.escalateToLeaderName(),
                    item.noticeLeaderId()));
        }
        return Answers.csv(
                "overdue",
                List.of(
                        "appealId",
                        "title",
                        "enterprise",
                        "kind",
                        "dueAt",
                        "overdueWorkingDays",
                        "holder",
                        "departmentId",
                        "department",
                        "responsibleLeaderId",
                        "escalateToLeaderId",
                        "escalateToLeader",
                        "noticeLeaderId"),
                rows,
                list.freshness());
    }
}
