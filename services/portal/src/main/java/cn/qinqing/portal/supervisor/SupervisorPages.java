package cn.qinqing.portal.supervisor;

import cn.qinqing.portal.appeal.AppealsApi;
import cn.qinqing.portal.oversight.Oversight;
import cn.qinqing.portal.oversight.OversightApi;
import cn.qinqing.portal.service.ApiProblem;
import cn.qinqing.portal.web.Departments;
import cn.qinqing.portal.web.FormErrors;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The supervisor (督查): the three rates per department and by month, overdue counts, the overdue list, the monthly
 * ranking as reported and recomputed, any appeal's full timeline with holder times, and CSV downloads. Everything comes
 * from the oversight service, which reads only; these pages write nothing.
 */
@Controller
@RequestMapping("/supervisor")
class SupervisorPages {

    private static final java.time.ZoneId CITY = java.time.ZoneId.of("Asia/Shanghai");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    private final OversightApi oversight;
    private final AppealsApi appeals;
    private final Departments departments;

    SupervisorPages(OversightApi oversight, AppealsApi appeals, Departments departments) {
        this.oversight = oversight;
        this.appeals = appeals;
        this.departments = departments;
    }

    @GetMapping
    String dashboard(@RequestParam(required = false) String month, Model model) {
        String chosen = month != null && MONTH.matcher(month).matches() ? month : null;
        Oversight.KpiAnswer byDepartment = oversight.kpis("DEPARTMENT", chosen);
        Oversight.KpiAnswer byMonth = oversight.kpis("MONTH", null);
        model.addAttribute("month", chosen == null ? "" : chosen);
        model.addAttribute("byDepartment", byDepartment);
        model.addAttribute("byMonth", byMonth);
        model.addAttribute("rates", Charts.threeRates(byDepartment.rows(), departments::name));
        model.addAttribute("trend", Charts.trend(byMonth.rows()));
        model.addAttribute(
                "overdueNow",
                byDepartment.rows().stream()
                        .mapToLong(row -> row.overdueNow() == null ? 0 : row.overdueNow())
                        .sum());
        return "supervisor/dashboard";
    }

    @GetMapping("/overdue")
    String overdue(Model model) {
        model.addAttribute("overdue", oversight.overdue());
        return "supervisor/overdue";
    }

    @GetMapping("/rankings")
    String rankings(@RequestParam(required = false) String month, Model model) {
        String chosen = month != null && MONTH.matcher(month).matches()
                ? month
                : YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1).toString();
        model.addAttribute("month", chosen);
        model.addAttribute("months", oversight.months().frozenMonths());
        model.addAttribute("ranking", oversight.ranking(chosen));
        return "supervisor/rankings";
    }

    @GetMapping("/appeals")
    String appeals(@RequestParam(required = false) String cursor, Model model) {
        model.addAttribute("page", appeals.list(null, cursor, 50));
        return "supervisor/appeals";
    }

    /**
     * An appeal's timeline now, or as of a step picked with the slider or an instant typed in, and — chosen — as an
     * enterprise, an official or a leader saw it then; with who looked at the case (issue 22).
     */
    @GetMapping("/appeals/{id}")
    String timeline(
            @PathVariable UUID id, @ModelAttribute("lens") TimelineLens lens, BindingResult binding, Model model) {
        Oversight.Timeline now = oversight.timeline(id);
        Instant asOf = null;
        String typed = TimelineLens.blankToNull(lens.getAsOf());
        if (typed != null) {
            try {
                asOf = LocalDateTime.parse(typed).atZone(CITY).toInstant();
            } catch (DateTimeParseException e) {
                binding.rejectValue("asOf", "lens.asOf.invalid");
            }
        } else if (lens.getStep() != null
                && lens.getStep() >= 1
                && lens.getStep() <= now.steps().size()) {
            Oversight.Step step = now.steps().get(lens.getStep() - 1);
            asOf = step.recordedAt() != null ? step.recordedAt() : step.at();
        }
        Oversight.Timeline shown = now;
        Oversight.AsSeen seen = null;
        if (!binding.hasErrors()) {
            try {
                if (asOf != null) {
                    shown = oversight.timeline(id, asOf);
                }
                String viewer = TimelineLens.blankToNull(lens.getViewer());
                if (viewer != null) {
                    seen = oversight.asSeen(
                            id,
                            viewer,
                            TimelineLens.blankToNull(lens.getDepartment()),
                            TimelineLens.blankToNull(lens.getLeader()),
                            asOf);
                }
            } catch (ApiProblem problem) {
                if (problem.isNotFound()) {
                    binding.rejectValue("asOf", "lens.asOf.beforeFiling");
                } else {
                    FormErrors.apply(problem, binding);
                }
            }
        }
        model.addAttribute("timeline", shown);
        model.addAttribute("asOf", asOf);
        model.addAttribute("seen", seen);
        model.addAttribute("steps", seen != null ? seen.steps() : shown.steps());
        model.addAttribute("stepCount", now.steps().size());
        model.addAttribute(
                "stepChosen",
                lens.getStep() != null && typed == null
                        ? lens.getStep()
                        : now.steps().size());
        model.addAttribute("viewers", List.of("ENTERPRISE", "OFFICIAL", "LEADER"));
        model.addAttribute("reads", oversight.readLog(id, null).entries());
        return "supervisor/timeline";
    }

    /** What one person read, newest first (issue 22). */
    @GetMapping("/read-log")
    String readLog(@RequestParam(required = false) String actor, Model model) {
        String who = TimelineLens.blankToNull(actor);
        model.addAttribute("actor", who == null ? "" : who);
        model.addAttribute(
                "reads", who == null ? List.of() : oversight.readLog(null, who).entries());
        return "supervisor/read-log";
    }

    /** CSV exports, as the oversight service makes them (UTF-8 with BOM, so that spreadsheets read Chinese). */
    @GetMapping("/export/kpis.csv")
    ResponseEntity<byte[]> kpisCsv(@RequestParam(defaultValue = "DEPARTMENT") String groupBy) {
        String group = groupBy.matches("[A-Z]{1,20}") ? groupBy : "DEPARTMENT";
        return oversight.csv("/api/oversight/kpis.csv?groupBy=" + group);
    }

    @GetMapping("/export/overdue.csv")
    ResponseEntity<byte[]> overdueCsv() {
        return oversight.csv("/api/oversight/overdue.csv");
    }

    @GetMapping("/export/ranking-{month}.csv")
    ResponseEntity<byte[]> rankingCsv(@PathVariable String month) {
        if (!MONTH.matcher(month).matches()) {
            return ResponseEntity.badRequest().build();
        }
        return oversight.csv("/api/oversight/rankings/" + month + ".csv");
    }

    @GetMapping("/export/timeline-{id}.csv")
    ResponseEntity<byte[]> timelineCsv(@PathVariable UUID id) {
        return oversight.csv("/api/oversight/appeals/" + id + "/timeline.csv");
    }
}
