package cn.qinqing.portal.leader;

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
 * A leader: the cases in their charge (领办) and their supervision notices (督办); on an appeal's page take charge,
 * supervise, decide an extension and sign off the close-out (销号).
 */
@Controller
@RequestMapping("/leader")
class LeaderPages {

    private final AssignmentApi assignments;
    private final ResolutionApi resolution;
    private final Titles titles;
    private final AppealActions actions;

    LeaderPages(AssignmentApi assignments, ResolutionApi resolution, Titles titles, AppealActions actions) {
        this.assignments = assignments;
        this.resolution = resolution;
        this.titles = titles;
        this.actions = actions;
    }

    @GetMapping
    String cases(Model model) {
        String leader = PortalUser.current().orElseThrow().username();
        model.addAttribute("cases", assignments.cases(leader));
        model.addAttribute("notices", assignments.notices(leader));
        model.addAttribute("titles", titles.visible());
        model.addAttribute("now", Instant.now());
        return "leader/cases";
    }

    @PostMapping("/appeals/{id}/take-charge")
    String takeCharge(
            @PathVariable UUID id,
            @ModelAttribute("takeChargeForm") ActionForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return actions.perform(
                id,
                binding,
                model,
                redirect,
                Map.of(),
                "notice.tookCharge",
                "av",
                () -> assignments.takeCharge(id, form.getVersion()));
    }

    @PostMapping("/appeals/{id}/supervise")
    String supervise(
            @PathVariable UUID id,
            @ModelAttribute("superviseForm") ActionForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return actions.perform(
                id,
                binding,
                model,
                redirect,
                Map.of("instructions", "text", "dueAt", "dueDate"),
                "notice.supervised",
                "av",
                () -> {
                    assignments.supervise(id, form.getText(), form.dueAt(), form.getKey());
                    return form.getVersion() + 1;
                });
    }

    @PostMapping("/appeals/{id}/extension-decision")
    String decideExtension(
            @PathVariable UUID id,
            @ModelAttribute("decisionForm") ActionForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        boolean grant = "GRANT".equals(form.getDecision());
        return actions.perform(
                id,
                binding,
                model,
                redirect,
                Map.of("newDueAt", "dueDate", "reason", "text", "grant", "decision"),
                grant ? "notice.extensionGranted" : "notice.extensionDenied",
                "cv",
                () -> resolution.decideExtension(
                        id, form.getRequestId(), form.getVersion(), grant, form.dueAt(), form.getText()));
    }

    @PostMapping("/appeals/{id}/sign-off")
    String signOff(
            @PathVariable UUID id,
            @ModelAttribute("signOffForm") ActionForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return actions.perform(
                id,
                binding,
                model,
                redirect,
                Map.of(),
                "notice.signedOff",
                "cv",
                () -> resolution.signOff(id, form.getVersion()));
    }
}
