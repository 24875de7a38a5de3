package cn.qinqing.portal.admin;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.IndustryChainPosition;
import cn.qinqing.portal.web.FormSubmission;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The routing rules (派单规则): those in force now or on a past day, a dry run ("where would this appeal go?"), adding
 * one, and each rule's page with every version it had, its change and its retirement. The assignment service decides
 * (no twin rules, a department of the directory, a default rule without conditions) and records each change with its
 * actor.
 */
@Controller
@RequestMapping("/admin/rules")
class RulePages {

    private final AdminApi admin;

    RulePages(AdminApi admin) {
        this.admin = admin;
    }

    /**
     * @param date the rules in force as that day (Beijing time) ended
     * @param probe the dry run's appeal, when asked (category given or the dry-run button pressed)
     */
    @GetMapping
    String rules(
            @RequestParam(required = false) String date,
            @RequestParam(name = "dryRun", required = false) String dryRun,
            @ModelAttribute("probe") RuleForm probe,
            BindingResult probing,
            Model model) {
        if (dryRun != null) {
            if (probe.getCategory() == null) {
                probing.rejectValue("category", "admin.rules.dryRun.categoryRequired");
            } else {
                Optional<Directory.Rule> rule =
                        admin.route(probe.getCategory(), probe.getChainPosition(), probe.getDistrict());
                model.addAttribute("dryRunDone", true);
                model.addAttribute("dryRunRule", rule.orElse(null));
            }
        }
        return listPage(date, new RuleForm(), model);
    }

    @PostMapping
    String add(@ModelAttribute("form") RuleForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        UUID[] added = new UUID[1];
        return FormSubmission.submit(
                binding,
                Map.of(),
                () -> {
                    added[0] = admin.addRule(form.body(), form.getKey());
                    return 0;
                },
                version -> {
                    redirect.addFlashAttribute("notice", "notice.admin.ruleAdded");
                    return "redirect:/admin/rules/" + added[0];
                },
                () -> {
                    model.addAttribute("probe", new RuleForm());
                    return listPage(null, form, model);
                });
    }

    private String listPage(String date, RuleForm form, Model model) {
        LocalDate day = DirectoryPages.day(date);
        Instant asOf = day == null ? null : DirectoryPages.endOf(day);
        model.addAttribute("date", day);
        model.addAttribute("dateInvalid", day == null && date != null && !date.isBlank());
        model.addAttribute("rules", admin.rules(asOf));
        model.addAttribute("form", form);
        choices(model);
        return "admin/rules";
    }

    @GetMapping("/{ruleId}")
    String rule(@PathVariable UUID ruleId, Model model) {
        Directory.RuleHistory rule = admin.rule(ruleId);
        return rulePage(rule, rule.current() == null ? new RuleForm() : RuleForm.of(rule.current()), model);
    }

    @PostMapping("/{ruleId}")
    String change(
            @PathVariable UUID ruleId,
            @ModelAttribute("form") RuleForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return FormSubmission.submit(
                binding,
                Map.of(),
                () -> admin.changeRule(ruleId, form.getVersion() == null ? -1 : form.getVersion(), form.body()),
                version -> {
                    redirect.addFlashAttribute("notice", "notice.admin.ruleChanged");
                    return "redirect:/admin/rules/" + ruleId;
                },
                () -> {
                    Directory.RuleHistory latest = admin.rule(ruleId);
                    form.setVersion(
                            latest.current() == null ? null : latest.current().version());
                    return rulePage(latest, form, model);
                });
    }

    @PostMapping("/{ruleId}/retirement")
    String retire(
            @PathVariable UUID ruleId,
            @ModelAttribute("retireForm") RuleForm retireForm,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return FormSubmission.submit(
                binding,
                Map.of(),
                () -> admin.retireRule(ruleId, retireForm.getVersion() == null ? -1 : retireForm.getVersion()),
                version -> {
                    redirect.addFlashAttribute("notice", "notice.admin.ruleRetired");
                    return "redirect:/admin/rules/" + ruleId;
                },
                () -> {
                    Directory.RuleHistory latest = admin.rule(ruleId);
                    model.addAttribute("retireForm", retireForm);
                    return rulePage(
                            latest,
                            RuleForm.of(latest.history().get(latest.history().size() - 1)),
                            model);
                });
    }

    private String rulePage(Directory.RuleHistory rule, RuleForm form, Model model) {
        model.addAttribute("rule", rule);
        model.addAttribute("form", form);
        if (!model.containsAttribute("retireForm")) {
            RuleForm retire = new RuleForm();
            retire.setVersion(form.getVersion());
            model.addAttribute("retireForm", retire);
        }
        model.addAttribute(
                "changes", admin.changes("ROUTING_RULE", rule.ruleId().toString()));
        choices(model);
        return "admin/rule";
    }

    private void choices(Model model) {
        model.addAttribute("departmentChoices", DirectoryPages.departmentChoices(admin.directory(null)));
        model.addAttribute(
                "categories",
                Arrays.stream(AppealCategory.values()).map(Enum::name).toList());
        model.addAttribute(
                "chainPositions",
                Arrays.stream(IndustryChainPosition.values()).map(Enum::name).toList());
    }
}
