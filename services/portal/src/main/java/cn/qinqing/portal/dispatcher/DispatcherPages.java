package cn.qinqing.portal.dispatcher;

import cn.qinqing.portal.appeal.ActionForm;
import cn.qinqing.portal.appeal.AppealActions;
import cn.qinqing.portal.appeal.Titles;
import cn.qinqing.portal.assignment.AssignmentApi;
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

/** The dispatcher (派单员): the queue of appeals no rule routed, and dispatching (or re-routing) one. */
@Controller
@RequestMapping("/dispatcher")
class DispatcherPages {

    private final AssignmentApi assignments;
    private final Titles titles;
    private final AppealActions actions;

    DispatcherPages(AssignmentApi assignments, Titles titles, AppealActions actions) {
        this.assignments = assignments;
        this.titles = titles;
        this.actions = actions;
    }

    @GetMapping
    String queue(Model model) {
        model.addAttribute("queue", assignments.queue());
        model.addAttribute("titles", titles.visible());
        model.addAttribute("now", Instant.now());
        return "dispatcher/queue";
    }

    @PostMapping("/appeals/{id}/dispatch")
    String dispatch(
            @PathVariable UUID id,
            @ModelAttribute("dispatchForm") ActionForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return actions.perform(
                id,
                binding,
                model,
                redirect,
                Map.of(),
                "notice.dispatched",
                "av",
                () -> assignments.dispatch(id, form.getVersion(), form.getDepartmentId()));
    }
}
