package cn.qinqing.portal.supervisor;

import cn.qinqing.portal.oversight.WhatIf;
import cn.qinqing.portal.oversight.WhatIfApi;
import cn.qinqing.portal.service.ApiProblem;
import cn.qinqing.portal.web.FormErrors;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What-if replay (假设推演, issue #22): the supervisor picks a period and edits a proposal (time limits, holidays), the
 * oversight service replays the period under it as a run, the page polls its progress with htmx every second (without
 * JavaScript: a refresh link), then shows the KPIs as they were, as they would have been and the difference per
 * department, leader and category, a chart, the ranking both ways and the appeals whose outcome changes.
 */
@Controller
@RequestMapping("/supervisor/what-if")
class WhatIfPages {

    static final List<String> CATEGORIES =
            List.of("PERMITS", "LAND", "POWER", "FINANCE", "TALENT", "LOGISTICS", "MARKETS_AND_ORDERS", "OTHER");

    private final WhatIfApi whatIf;

    WhatIfPages(WhatIfApi whatIf) {
        this.whatIf = whatIf;
    }

    @GetMapping
    String page(@RequestParam(required = false) UUID job, Model model) {
        WhatIfForm form = new WhatIfForm();
        YearMonth now = YearMonth.now(ZoneId.of("Asia/Shanghai"));
        form.setFrom(now.minusMonths(3).toString());
        form.setTo(now.minusMonths(1).toString());
        try {
            whatIf.calendarYear(now.minusMonths(3).getYear()).ifPresent(form::load);
        } catch (RuntimeException calendarUnavailable) {
            // the holidays start blank; the proposal can still change the time limits
        }
        model.addAttribute("form", form);
        if (job != null) {
            show(whatIf.job(job), model);
        }
        return form(model);
    }

    @GetMapping("/{job}/progress")
    String progress(@PathVariable UUID job, Model model) {
        show(whatIf.job(job), model);
        return "supervisor/what-if :: job";
    }

    @PostMapping
    String run(@ModelAttribute("form") WhatIfForm form, BindingResult binding, Model model) {
        Map<String, Object> request = form.toRequest(binding);
        if (request == null) {
            return form(model);
        }
        try {
            WhatIf.Job job = whatIf.start(request, form.getIdempotencyKey());
            return "redirect:/supervisor/what-if?job=" + job.jobId();
        } catch (ApiProblem problem) {
            if (problem.status() != 400) {
                throw problem;
            }
            FormErrors.apply(problem, binding, form.apiFields());
            return form(model);
        }
    }

    private static void show(WhatIf.Job job, Model model) {
        model.addAttribute("job", job);
        if (job.result() != null) {
            model.addAttribute("chart", WhatIfChart.onTime(job.result().departments()));
        }
    }

    private static String form(Model model) {
        model.addAttribute("categories", CATEGORIES);
        model.addAttribute("urgencies", List.of("EMERGENCY", "URGENT", "NORMAL"));
        return "supervisor/what-if";
    }
}
