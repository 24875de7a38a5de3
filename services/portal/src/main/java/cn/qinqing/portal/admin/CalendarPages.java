package cn.qinqing.portal.admin;

import cn.qinqing.language.calendar.CalendarYear;
import cn.qinqing.portal.service.ApiProblem;
import cn.qinqing.portal.web.Dates;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The working calendar (工作日历) per year: its holidays and make-up working days and the official notice they come
 * from, and loading a year from the notice. The resolution service keeps it; a load is an event with its actor, and
 * every service counting working time picks it up.
 */
@Controller
@RequestMapping("/admin/calendar")
class CalendarPages {

    private final AdminApi admin;

    CalendarPages(AdminApi admin) {
        this.admin = admin;
    }

    /** @param year the year shown; next year when absent (the notice comes out each November) */
    @GetMapping
    String calendar(@RequestParam(required = false) String year, Model model) {
        int shown = year(year);
        model.addAttribute("yearInvalid", year != null && shown != parse(year));
        return page(shown, CalendarForm.of(admin.calendar(shown)), model);
    }

    @PostMapping
    String load(
            @ModelAttribute("form") CalendarForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        if (form.getYear() != null
                && (form.getYear() < CalendarYear.EARLIEST_YEAR || form.getYear() > CalendarYear.LATEST_YEAR)) {
            binding.rejectValue(
                    "year",
                    "admin.calendar.yearRange",
                    new Object[] {CalendarYear.EARLIEST_YEAR, CalendarYear.LATEST_YEAR},
                    null);
        }
        Map<String, Object> file = form.file(binding);
        if (file == null) {
            return page(
                    form.getYear() == null || binding.hasFieldErrors("year") ? nextYear() : form.getYear(),
                    form,
                    model);
        }
        try {
            admin.loadCalendar(form.getYear(), file);
        } catch (ApiProblem problem) {
            if (problem.isNotFound() || problem.status() == 403) {
                throw problem;
            }
            refused(problem, binding);
            return page(form.getYear(), form, model);
        }
        redirect.addFlashAttribute("notice", "notice.admin.calendarLoaded");
        return "redirect:/admin/calendar?year=" + form.getYear();
    }

    /** The calendar's own checks (a holiday ending before it starts …) beside the field they concern. */
    private static void refused(ApiProblem problem, BindingResult binding) {
        if (problem.errors().isEmpty()) {
            binding.reject("admin.calendar.refused", new Object[] {problem.detail()}, problem.detail());
            return;
        }
        for (ApiProblem.FieldProblem error : problem.errors()) {
            String message = error.message();
            String field = "holidays";
            for (String candidate : new String[] {"makeUpWorkingDays", "source", "year", "holidays"}) {
                if (candidate.equals(error.field()) || message.startsWith(candidate)) {
                    field = candidate;
                    break;
                }
            }
            binding.rejectValue(field, "admin.calendar.refused", new Object[] {message}, message);
        }
    }

    private String page(int year, CalendarForm form, Model model) {
        model.addAttribute("year", year);
        model.addAttribute("calendar", admin.calendar(year));
        model.addAttribute("form", form);
        return "admin/calendar";
    }

    private static int year(String text) {
        int year = parse(text);
        return year < CalendarYear.EARLIEST_YEAR || year > CalendarYear.LATEST_YEAR ? nextYear() : year;
    }

    private static int parse(String text) {
        try {
            return text == null ? nextYear() : Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int nextYear() {
        return LocalDate.now(Dates.CITY).getYear() + 1;
    }
}
