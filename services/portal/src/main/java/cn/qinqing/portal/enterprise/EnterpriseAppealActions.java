package cn.qinqing.portal.enterprise;

import cn.qinqing.portal.appeal.ActionForm;
import cn.qinqing.portal.appeal.AppealActions;
import cn.qinqing.portal.appeal.AppealPage;
import cn.qinqing.portal.appeal.AppealsApi;
import cn.qinqing.portal.appeal.TextForm;
import cn.qinqing.portal.appeal.Uploads;
import cn.qinqing.portal.service.ApiProblem;
import cn.qinqing.portal.web.FormSubmission;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What an enterprise does on its appeal's page: add information (补充材料) or withdraw it (撤回); on an answer, rate it
 * or reopen it (重办), with files as a supplement has. A refused form comes back with its errors; a change somebody
 * made meanwhile is shown and the form kept.
 */
@Controller
@RequestMapping("/enterprise/appeals/{id}")
class EnterpriseAppealActions {

    private static final Map<String, String> TEXT_FIELDS = Map.of("reason", "text");

    private final AppealsApi appeals;
    private final AppealPage page;
    private final AppealActions actions;

    EnterpriseAppealActions(AppealsApi appeals, AppealPage page, AppealActions actions) {
        this.appeals = appeals;
        this.page = page;
        this.actions = actions;
    }

    @PostMapping("/supplement")
    String supplement(
            @PathVariable UUID id,
            @ModelAttribute("supplementForm") TextForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        long version;
        try {
            version = appeals.supplement(id, form.getVersion(), form.getText(), form.getFiles());
        } catch (ApiProblem problem) {
            if (Uploads.refused(problem, binding, form.getFiles())) {
                return page.render(id, model);
            }
            return refused(id, problem, binding, model);
        }
        redirect.addFlashAttribute("notice", "notice.supplemented");
        return "redirect:/appeals/" + id + "?v=" + version;
    }

    @PostMapping("/withdrawal")
    String withdraw(
            @PathVariable UUID id,
            @ModelAttribute("withdrawalForm") TextForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        long version;
        try {
            version = appeals.withdraw(id, form.getVersion(), form.getText());
        } catch (ApiProblem problem) {
            return refused(id, problem, binding, model);
        }
        redirect.addFlashAttribute("notice", "notice.withdrawn");
        return "redirect:/appeals/" + id + "?v=" + version;
    }

    @PostMapping("/rating")
    String rate(
            @PathVariable UUID id,
            @ModelAttribute("ratingForm") ActionForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return actions.perform(
                id,
                binding,
                model,
                redirect,
                Map.of("comment", "text"),
                "notice.rated",
                "v",
                () -> appeals.rate(id, form.getVersion(), form.getRating(), form.getText()));
    }

    @PostMapping("/reopening")
    String reopen(
            @PathVariable UUID id,
            @ModelAttribute("reopenForm") ActionForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return actions.performWithFiles(
                id,
                binding,
                model,
                redirect,
                Map.of("reason", "text"),
                "notice.reopened",
                "v",
                form.getFiles(),
                () -> appeals.reopen(id, form.getVersion(), form.getText(), form.getFiles()));
    }

    private String refused(UUID id, ApiProblem problem, BindingResult binding, Model model) {
        FormSubmission.refused(problem, binding, TEXT_FIELDS);
        return page.render(id, model);
    }
}
