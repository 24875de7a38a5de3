package cn.qinqing.portal.supervisor;

import cn.qinqing.portal.oversight.OversightApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's rebuild of the oversight read models (a replay of the whole event store): start it, and watch its
 * progress, which the page polls with htmx every two seconds until it is done (without JavaScript: a refresh link).
 * The oversight API lets only ADMIN do this; a supervisor who opens it is told so by the API's 403.
 */
@Controller
@RequestMapping("/supervisor/replay")
class ReplayPages {

    private final OversightApi oversight;

    ReplayPages(OversightApi oversight) {
        this.oversight = oversight;
    }

    @GetMapping
    String replay(Model model) {
        model.addAttribute("progress", oversight.replay());
        return "supervisor/replay";
    }

    @GetMapping("/progress")
    String progress(Model model) {
        model.addAttribute("progress", oversight.replay());
        return "supervisor/replay :: progress";
    }

    @PostMapping
    String start(RedirectAttributes redirect) {
        oversight.startReplay();
        redirect.addFlashAttribute("notice", "notice.replayStarted");
        return "redirect:/supervisor/replay";
    }
}
