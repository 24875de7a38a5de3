package cn.qinqing.portal.leader.liaison;

import cn.qinqing.portal.appeal.ActionForm;
import cn.qinqing.portal.assignment.AssignmentApi;
import cn.qinqing.portal.market.Market;
import cn.qinqing.portal.market.MarketsApi;
import cn.qinqing.portal.web.FormSubmission;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A liaison leader (包联领导): the enterprises they look after, each with its open appeals and the breakfast meetings
 * it attended, and a supervision notice (督办) on any open appeal from here — the assignment service's own notice,
 * refused there with the reasons shown next to the fields.
 */
@Controller
@RequestMapping("/leader/liaison")
class LiaisonPages {

    private static final Logger log = LoggerFactory.getLogger(LiaisonPages.class);

    private final LiaisonApi liaison;
    private final AssignmentApi assignments;
    private final MarketsApi markets;

    LiaisonPages(LiaisonApi liaison, AssignmentApi assignments, MarketsApi markets) {
        this.liaison = liaison;
        this.assignments = assignments;
        this.markets = markets;
    }

    @GetMapping
    String enterprises(Model model) {
        Liaison view = liaison.mine();
        model.addAttribute("liaison", view);
        model.addAttribute("enterprises", view.byEnterprise());
        model.addAttribute("marketPosts", openPosts());
        return "leader/liaison";
    }

    /**
     * The open offers and needs of the market (projects service) per enterprise; the page stands without them when
     * that service does not answer.
     */
    private Map<String, List<Market.Post>> openPosts() {
        try {
            return markets.posts("PUBLISHED", null).stream().collect(Collectors.groupingBy(Market.Post::enterpriseId));
        } catch (RuntimeException unavailable) {
            log.warn("The market's posts are not available for the liaison page: {}", unavailable.toString());
            return Map.of();
        }
    }

    /** The supervision form for one open appeal of the leader's enterprises. */
    @GetMapping("/appeals/{id}/supervise")
    String superviseForm(@PathVariable UUID id, Model model) {
        return render(id, newForm(), model);
    }

    @PostMapping("/appeals/{id}/supervise")
    String supervise(
            @PathVariable UUID id,
            @ModelAttribute("superviseForm") ActionForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        if (form.getKey() == null || form.getKey().isBlank()) {
            form.setKey(UUID.randomUUID().toString());
        }
        return FormSubmission.submitAndRedirect(
                binding,
                Map.of("instructions", "text", "dueAt", "dueDate"),
                () -> {
                    assignments.supervise(id, form.getText(), form.dueAt(), form.getKey());
                    return 0;
                },
                redirect,
                "notice.supervised",
                version -> "/leader/liaison",
                () -> render(id, form, model));
    }

    /** Only an open appeal of the leader's own enterprises has the form; any other is not found. */
    private String render(UUID id, ActionForm form, Model model) {
        Liaison.Appeal appeal = liaison.mine().appeals().stream()
                .filter(candidate -> candidate.appealId().equals(id) && candidate.open())
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("appeal", appeal);
        model.addAttribute("superviseForm", form);
        return "leader/liaison-supervise";
    }

    private static ActionForm newForm() {
        ActionForm form = new ActionForm();
        form.setKey(UUID.randomUUID().toString());
        return form;
    }
}
