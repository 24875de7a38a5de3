package cn.qinqing.portal.leader.liaison;

import cn.qinqing.language.Role;
import cn.qinqing.portal.appeal.ActionForm;
import cn.qinqing.portal.assignment.AssignmentApi;
import cn.qinqing.portal.market.Market;
import cn.qinqing.portal.market.MarketsApi;
import cn.qinqing.portal.project.Project;
import cn.qinqing.portal.project.ProjectsApi;
import cn.qinqing.portal.web.FormSubmission;
import cn.qinqing.portal.web.PortalUser;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * A liaison leader (包联领导): the enterprises they look after, each with its open appeals, the breakfast meetings
 * it attended, its offers and needs on the market and the key projects it invests in, and a supervision notice (督办)
 * on any open appeal from here — the assignment service's own notice, refused there with the reasons shown next to the
 * fields.
 */
@Controller
@RequestMapping("/leader/liaison")
class LiaisonPages {

    private static final Logger log = LoggerFactory.getLogger(LiaisonPages.class);
    private static final Set<Role> PROJECT_READERS =
            Set.of(Role.ENTERPRISE, Role.OFFICIAL, Role.LEADER, Role.SUPERVISOR, Role.ADMIN);

    private final LiaisonApi liaison;
    private final AssignmentApi assignments;
    private final MarketsApi markets;
    private final ProjectsApi projects;

    LiaisonPages(LiaisonApi liaison, AssignmentApi assignments, MarketsApi markets, ProjectsApi projects) {
        this.liaison = liaison;
        this.assignments = assignments;
        this.markets = markets;
        this.projects = projects;
    }

    @GetMapping
    String enterprises(Model model) {
        Liaison view = liaison.mine();
        List<Liaison.Enterprise> enterprises = view.byEnterprise();
        model.addAttribute("liaison", view);
        model.addAttribute("enterprises", enterprises);
        model.addAttribute("marketPosts", openPosts());
        model.addAttribute("keyProjects", keyProjects(enterprises));
        model.addAttribute("mayOpenProjects", mayOpenProjects());
        return "leader/liaison";
    }

    /**
     * The key projects each enterprise invests in, from the projects service (its list narrowed to the enterprise);
     * an enterprise the service did not answer for is missing from the map, and the page says so. After the first
     * failure it asks no more, so an unavailable service costs one timeout, not one per enterprise.
     */
    private Map<String, List<Project.View>> keyProjects(List<Liaison.Enterprise> enterprises) {
        Map<String, List<Project.View>> result = new HashMap<>();
        for (Liaison.Enterprise enterprise : enterprises) {
            try {
                result.put(enterprise.id(), projects.ofEnterprise(enterprise.id()));
            } catch (RuntimeException unavailable) {
                log.warn("The key projects are not available for the liaison page: {}", unavailable.toString());
                break;
            }
        }
        return result;
    }

    /** Whether this user may open a project's page: the portal's rule for {@code /projects/**}. */
    private static boolean mayOpenProjects() {
        return PortalUser.current()
                .map(user -> PROJECT_READERS.contains(user.role()))
                .orElse(false);
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
