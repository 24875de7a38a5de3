package cn.qinqing.portal.official;

import cn.qinqing.portal.appeal.ActionForm;
import cn.qinqing.portal.appeal.AppealActions;
import cn.qinqing.portal.appeal.Titles;
import cn.qinqing.portal.assignment.AssignmentApi;
import cn.qinqing.portal.resolution.ResolutionApi;
import cn.qinqing.portal.web.PortalUser;
import java.time.Instant;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A department's official: the inbox (to sign for, in progress), and on an appeal's page sign for (签收), return
 * (退回), transfer (转办), progress notes, an extension request and the answer, each with files if the official
 * chooses some (ADR 0009). The APIs check the department again.
 */
@Controller
@RequestMapping("/official")
class OfficialPages {

    private final AssignmentApi assignments;
    private final ResolutionApi resolution;
    private final Titles titles;
    private final AppealActions actions;

    OfficialPages(AssignmentApi assignments, ResolutionApi resolution, Titles titles, AppealActions actions) {
        this.assignments = assignments;
        this.resolution = resolution;
        this.titles = titles;
        this.actions = actions;
    }

    @GetMapping
    String inbox(Model model) {
        String department = PortalUser.current().orElseThrow().departmentId();
        model.addAttribute("department", department);
        model.addAttribute("unsigned", assignments.inbox(department, "UNSIGNED"));
        model.addAttribute("inProgress", assignments.inbox(department, "IN_PROGRESS"));
        model.addAttribute("titles", titles.visible());
        model.addAttribute("now", Instant.now());
        return "official/inbox";
    }

    @PostMapping("/appeals/{id}/sign-for")
    String signFor(
            @PathVariable UUID id,
            @ModelAttribute("signForForm") ActionForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        // then wait for the case file, which the resolution service opens on the sign-for
        return actions.perform(
                        id,
                        binding,
                        model,
                        redirect,
                        Map.of(),
                        "notice.signedFor",
                        "av",
                        () -> assignments.signFor(id, form.getVersion()))
                .replaceFirst("^(redirect:.*)$", "$1&cv=0");
    }

    @PostMapping("/appeals/{id}/return")
    String returnToDispatch(
            @PathVariable UUID id,
            @ModelAttribute("returnForm") ActionForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return actions.perform(
                id,
                binding,
                model,
                redirect,
                Map.of("reason", "text"),
                "notice.returned",
                "av",
                () -> assignments.returnToDispatch(id, form.getVersion(), form.getText()));
    }

    @PostMapping("/appeals/{id}/transfer")
    String transfer(
            @PathVariable UUID id,
            @ModelAttribute("transferForm") ActionForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return actions.perform(
                id,
                binding,
                model,
                redirect,
                Map.of("reason", "text", "toDepartmentId", "departmentId"),
                "notice.transferred",
                "av",
                () -> assignments.transfer(id, form.getVersion(), form.getDepartmentId(), form.getText()));
    }

    @PostMapping("/appeals/{id}/note")
    String note(
            @PathVariable UUID id,
            @ModelAttribute("noteForm") ActionForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return actions.performWithFiles(
                id,
                binding,
                model,
                redirect,
                Map.of(),
                "notice.noted",
                "cv",
                form.getFiles(),
                () -> resolution.note(
                        id,
                        form.getVersion(),
                        form.getText(),
                        form.isVisibleToEnterprise(),
                        form.isContactWithEnterprise(),
                        form.getKey(),
                        form.getFiles()));
    }

    @PostMapping("/appeals/{id}/extension")
    String requestExtension(
            @PathVariable UUID id,
            @ModelAttribute("extensionForm") ActionForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return actions.performWithFiles(
                id,
                binding,
                model,
                redirect,
                Map.of("reason", "text", "requestedDueAt", "dueDate"),
                "notice.extensionRequested",
                "cv",
                form.getFiles(),
                () -> resolution.requestExtension(
                        id, form.getVersion(), form.dueAt(), form.getText(), form.getKey(), form.getFiles()));
    }

    @PostMapping("/appeals/{id}/answer")
    String answer(
            @PathVariable UUID id,
            @ModelAttribute("answerForm") ActionForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return actions.performWithFiles(
                id,
                binding,
                model,
                redirect,
                Map.of("answer", "text"),
                "notice.answered",
                "cv",
                form.getFiles(),
                () -> resolution.answer(
                        id,
                        form.getVersion(),
                        form.getText(),
                        form.getOutcome(),
                        form.getReason(),
                        form.getPolicyBasis(),
                        form.getFiles()));
    }
}
