package cn.qinqing.portal.admin;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.Urgency;
import cn.qinqing.portal.web.Dates;
import cn.qinqing.portal.web.FormSubmission;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
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
 * SLA tiers (办理时限档次): the time limits in force for every appeal category and urgency, set by an administrator
 * from a day on with a basis, and every setting's history. The resolution service decides (whole working days, the
 * answer no sooner due than first contact, not in the past) and records each setting as an event with its actor; a
 * setting never moves the deadlines of cases already under way (ADR 0016).
 */
@Controller
@RequestMapping("/admin/sla-tiers")
class SlaTierPages {

    private final AdminApi admin;

    SlaTierPages(AdminApi admin) {
        this.admin = admin;
    }

    /** @param category, urgency the tier whose setting the form starts from (a row's "change" link) */
    @GetMapping
    String tiers(
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String urgency,
            Model model) {
        List<SlaTiers.Row> rows = admin.slaTiers();
        SlaTierForm form = rows.stream()
                .filter(row -> row.category().equals(category) && row.urgency().equals(urgency))
                .findFirst()
                .map(SlaTierForm::of)
                .orElseGet(SlaTierForm::new);
        if (form.getEffectiveFrom() == null) {
            form.setEffectiveFrom(LocalDate.now(Dates.CITY).toString());
        }
        return page(rows, form, model);
    }

    @PostMapping
    String set(
            @ModelAttribute("form") SlaTierForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        Map<String, Object> body = form.body(binding);
        if (body == null) {
            return page(admin.slaTiers(), form, model);
        }
        return FormSubmission.submitAndRedirect(
                binding,
                Map.of(),
                () -> admin.setSlaTier(form.getCategory(), form.getUrgency(), form.versionFor(), body),
                redirect,
                "notice.admin.slaTierSet",
                version -> "/admin/sla-tiers",
                () -> page(admin.slaTiers(), form, model));
    }

    private String page(List<SlaTiers.Row> rows, SlaTierForm form, Model model) {
        model.addAttribute("rows", rows);
        model.addAttribute("form", form);
        model.addAttribute("history", admin.slaTierHistory());
        model.addAttribute(
                "categories",
                Arrays.stream(AppealCategory.values()).map(Enum::name).toList());
        model.addAttribute(
                "urgencies", Arrays.stream(Urgency.values()).map(Enum::name).toList());
        return "admin/sla-tiers";
    }
}
