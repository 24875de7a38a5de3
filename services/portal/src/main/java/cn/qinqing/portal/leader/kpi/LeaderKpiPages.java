package cn.qinqing.portal.leader.kpi;

import cn.qinqing.portal.oversight.Oversight;
import cn.qinqing.portal.oversight.OversightApi;
import cn.qinqing.portal.supervisor.Charts;
import cn.qinqing.portal.web.Departments;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A leader's figures: the three rates of the departments they answer for (theirs and those below them in the
 * directory, and the appeals they took charge of), the trend by month and what is overdue now, drawn as on the
 * supervisor's dashboard. The oversight service narrows every answer to the leader's chain of command; the page asks
 * for nothing else.
 */
@Controller
class LeaderKpiPages {

    private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

    private final OversightApi oversight;
    private final Departments departments;

    LeaderKpiPages(OversightApi oversight, Departments departments) {
        this.oversight = oversight;
        this.departments = departments;
    }

    @GetMapping("/leader/kpis")
    String kpis(@RequestParam(required = false) String month, Model model) {
        boolean valid = month == null || month.isEmpty() || MONTH.matcher(month).matches();
        String chosen = valid && month != null && !month.isEmpty() ? month : null;
        Oversight.KpiAnswer byDepartment = oversight.kpis("DEPARTMENT", chosen);
        Oversight.KpiAnswer byMonth = oversight.kpis("MONTH", null);
        Oversight.OverdueList overdue = oversight.overdue();
        model.addAttribute("month", chosen == null ? (valid ? "" : month) : chosen);
        model.addAttribute("monthInvalid", !valid);
        model.addAttribute("byDepartment", byDepartment);
        model.addAttribute("byMonth", byMonth);
        model.addAttribute("rates", Charts.threeRates(byDepartment.rows(), departments::name));
        model.addAttribute("trend", Charts.trend(byMonth.rows()));
        model.addAttribute("overdue", overdue);
        return "leader/kpis";
    }
}
