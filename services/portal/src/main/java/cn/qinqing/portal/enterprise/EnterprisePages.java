package cn.qinqing.portal.enterprise;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.IndustryChainPosition;
import cn.qinqing.language.Urgency;
import cn.qinqing.portal.appeal.AppealsApi;
import cn.qinqing.portal.appeal.Enterprise;
import cn.qinqing.portal.appeal.Uploads;
import cn.qinqing.portal.service.ApiProblem;
import cn.qinqing.portal.web.FormErrors;
import cn.qinqing.portal.web.PortalUser;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The enterprise's pages: its registration, filing an appeal, and its appeals with their status. An appeal's own page
 * is {@code /appeals/{id}} (shared by every role; the API decides what each may see).
 */
@Controller
@RequestMapping("/enterprise")
class EnterprisePages {

    private static final int PAGE_SIZE = 20;

    private final AppealsApi appeals;

    EnterprisePages(AppealsApi appeals) {
        this.appeals = appeals;
    }

    @ModelAttribute("categories")
    AppealCategory[] categories() {
        return AppealCategory.values();
    }

    @ModelAttribute("urgencies")
    Urgency[] urgencies() {
        return Urgency.values();
    }

    @ModelAttribute("chainPositions")
    IndustryChainPosition[] chainPositions() {
        return IndustryChainPosition.values();
    }

    @GetMapping
    String home(Model model) {
        PortalUser user = user();
        Optional<Enterprise> enterprise = enterpriseOf(user);
        model.addAttribute("enterprise", enterprise.orElse(null));
        model.addAttribute("uscc", user.enterpriseId());
        if (enterprise.isPresent()) {
            model.addAttribute("page", appeals.list(null, null, 5));
        }
        return "enterprise/home";
    }

    @GetMapping("/registration")
    String registration(Model model, RedirectAttributes redirect) {
        PortalUser user = user();
        if (enterpriseOf(user).isPresent()) {
            redirect.addFlashAttribute("notice", "notice.alreadyRegistered");
            return "redirect:/enterprise";
        }
        RegistrationForm form = new RegistrationForm();
        form.setUscc(user.enterpriseId() == null ? "" : user.enterpriseId());
        model.addAttribute("form", form);
        return "enterprise/registration";
    }

    @PostMapping("/registration")
    String register(@ModelAttribute("form") RegistrationForm form, BindingResult binding, RedirectAttributes redirect) {
        try {
            appeals.register(form.toRequest());
        } catch (ApiProblem problem) {
            if (problem.status() == 409) {
                redirect.addFlashAttribute("notice", "notice.alreadyRegistered");
                return "redirect:/enterprise";
            }
            FormErrors.apply(problem, binding, RegistrationForm.API_FIELDS);
            return "enterprise/registration";
        }
        redirect.addFlashAttribute("notice", "notice.registered");
        return "redirect:/enterprise";
    }

    @GetMapping("/appeals/new")
    String newAppeal(Model model, RedirectAttributes redirect) {
        if (enterpriseOf(user()).isEmpty()) {
            redirect.addFlashAttribute("notice", "notice.registerFirst");
            return "redirect:/enterprise/registration";
        }
        model.addAttribute("form", new AppealForm());
        return "enterprise/file-appeal";
    }

    @PostMapping("/appeals/new")
    String file(@ModelAttribute("form") AppealForm form, BindingResult binding, RedirectAttributes redirect) {
        UUID id;
        try {
            id = appeals.file(form.toRequest(), form.getIdempotencyKey(), form.getFiles());
        } catch (ApiProblem problem) {
            if ("enterprise-not-registered".equals(problem.code())) {
                redirect.addFlashAttribute("notice", "notice.registerFirst");
                return "redirect:/enterprise/registration";
            }
            if (!Uploads.refused(problem, binding, form.getFiles())) {
                FormErrors.apply(problem, binding);
            }
            return "enterprise/file-appeal";
        }
        redirect.addFlashAttribute("notice", "notice.appealFiled");
        return "redirect:/appeals/" + id;
    }

    /** My appeals, newest first; htmx asks for the next page's rows only. */
    @GetMapping("/appeals")
    String list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String cursor,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        model.addAttribute("status", status == null ? "" : status);
        model.addAttribute("statuses", AppealStatuses.ENTERPRISE_FILTER);
        model.addAttribute("page", appeals.list(status, cursor, PAGE_SIZE));
        return "true".equals(htmx) && cursor != null ? "enterprise/appeals :: rows" : "enterprise/appeals";
    }

    private Optional<Enterprise> enterpriseOf(PortalUser user) {
        return user.enterpriseId() == null ? Optional.empty() : appeals.enterprise(user.enterpriseId());
    }

    private static PortalUser user() {
        return PortalUser.current().orElseThrow();
    }
}
