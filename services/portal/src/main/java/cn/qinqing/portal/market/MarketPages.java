package cn.qinqing.portal.market;

import cn.qinqing.language.ChainLink;
import cn.qinqing.language.Role;
import cn.qinqing.language.market.MatchOutcome;
import cn.qinqing.language.market.NeedType;
import cn.qinqing.language.market.PostKind;
import cn.qinqing.language.project.CapacityUnit;
import cn.qinqing.portal.service.ApiProblem;
import cn.qinqing.portal.web.FormSubmission;
import cn.qinqing.portal.web.PortalUser;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * The market (找市场、找订单): an enterprise's page (its posts, the post form, the matches proposed to it with the
 * consent button, a need referred to the next breakfast meeting); the brokers' pages (open posts, a post's ranked
 * candidates with the parts of each score, proposing, recording the outcome); the figures. The projects service decides
 * every write; a refusal shows next to its field or, for a button, above the list.
 */
@Controller
@RequestMapping("/markets")
class MarketPages {

    private static final Map<String, String> POST_FIELDS = Map.of("quantity.amount", "amount", "quantity.unit", "unit");
    private static final Map<String, String> OUTCOME_FIELDS = Map.of();

    private final MarketsApi markets;

    MarketPages(MarketsApi markets) {
        this.markets = markets;
    }

    @ModelAttribute("chainLinks")
    List<String> chainLinks() {
        return Arrays.stream(ChainLink.values()).map(Enum::name).toList();
    }

    @GetMapping
    String home(Model model) {
        Role role = PortalUser.current().map(PortalUser::role).orElse(null);
        if (role == Role.SUPERVISOR) {
            return "redirect:/markets/figures";
        }
        if (role != Role.ENTERPRISE) {
            return "redirect:/markets/broker";
        }
        return enterprisePage(new PostForm(), model);
    }

    private String enterprisePage(PostForm form, Model model) {
        model.addAttribute("posts", markets.posts(null, null));
        model.addAttribute("matches", markets.matches());
        model.addAttribute("postForm", form);
        model.addAttribute(
                "kinds", Arrays.stream(PostKind.values()).map(Enum::name).toList());
        model.addAttribute(
                "needTypes", Arrays.stream(NeedType.values()).map(Enum::name).toList());
        model.addAttribute(
                "units", Arrays.stream(CapacityUnit.values()).map(Enum::name).toList());
        return "market/enterprise";
    }

    @PostMapping("/posts")
    String draft(
            @ModelAttribute("postForm") PostForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return FormSubmission.submitAndRedirect(
                binding,
                POST_FIELDS,
                () -> markets.draft(form),
                redirect,
                "notice.postDrafted",
                version -> "/markets",
                () -> enterprisePage(form, model));
    }

    @PostMapping("/posts/{id}/publish")
    String publish(@PathVariable UUID id, RedirectAttributes redirect) {
        return button(() -> markets.publish(id), redirect, "notice.postPublished", "/markets");
    }

    @PostMapping("/posts/{id}/close")
    String close(@PathVariable UUID id, RedirectAttributes redirect) {
        return button(() -> markets.close(id), redirect, "notice.postClosed", "/markets");
    }

    @PostMapping("/posts/{id}/refer")
    String refer(@PathVariable UUID id, RedirectAttributes redirect) {
        return button(() -> markets.referToMeeting(id), redirect, "notice.needReferred", "/markets");
    }

    @PostMapping("/matches/{id}/consent")
    String consent(@PathVariable UUID id, RedirectAttributes redirect) {
        return button(() -> markets.consent(id), redirect, "notice.matchConsented", "/markets");
    }

    @PostMapping("/matches/{id}/decline")
    String decline(@PathVariable UUID id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return button(() -> markets.decline(id, reason), redirect, "notice.matchDeclined", "/markets");
    }

    // brokers

    @GetMapping("/broker")
    String broker(Model model) {
        model.addAttribute("posts", markets.posts("PUBLISHED", null));
        model.addAttribute("matches", markets.matches());
        return "market/broker";
    }

    @GetMapping("/broker/posts/{id}")
    String candidates(@PathVariable UUID id, Model model) {
        model.addAttribute("post", markets.post(id));
        model.addAttribute("candidates", markets.candidates(id));
        return "market/candidates";
    }

    @PostMapping("/broker/matches")
    String propose(
            @RequestParam UUID needPostId,
            @RequestParam UUID offerPostId,
            @RequestParam UUID from,
            RedirectAttributes redirect) {
        try {
            UUID match = markets.propose(needPostId, offerPostId);
            redirect.addFlashAttribute("notice", "notice.matchProposed");
            return "redirect:/markets/broker/matches/" + match;
        } catch (ApiProblem problem) {
            if (problem.isNotFound() || problem.status() == 403) {
                throw problem;
            }
            redirect.addFlashAttribute("problem", problem.detail());
            return "redirect:/markets/broker/posts/" + from;
        }
    }

    @GetMapping("/broker/matches/{id}")
    String match(@PathVariable UUID id, Model model) {
        return matchPage(id, new OutcomeForm(), model);
    }

    private String matchPage(UUID id, OutcomeForm form, Model model) {
        model.addAttribute("match", markets.match(id));
        model.addAttribute("outcomeForm", form);
        model.addAttribute(
                "outcomes", Arrays.stream(MatchOutcome.values()).map(Enum::name).toList());
        return "market/match";
    }

    @PostMapping("/broker/matches/{id}/outcome")
    String outcome(
            @PathVariable UUID id,
            @ModelAttribute("outcomeForm") OutcomeForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return FormSubmission.submitAndRedirect(
                binding,
                OUTCOME_FIELDS,
                () -> markets.recordOutcome(id, form.getOutcome(), form.getAmountCny(), form.getReason()),
                redirect,
                "notice.outcomeRecorded",
                version -> "/markets/broker/matches/" + id,
                () -> matchPage(id, form, model));
    }

    // figures

    @GetMapping("/figures")
    String figures(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            Model model) {
        model.addAttribute("figures", markets.figures(asOf));
        model.addAttribute("asOf", asOf);
        return "market/figures";
    }

    @GetMapping("/figures/export.csv")
    ResponseEntity<byte[]> figuresCsv(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("market-figures.csv")
                                .build()
                                .toString())
                .body(markets.figuresCsv(asOf).getBytes(StandardCharsets.UTF_8));
    }

    /** A button's call: on success a notice; a refusal (not a 404 or 403, which have pages) shown above the lists. */
    private static String button(LongSupplier call, RedirectAttributes redirect, String notice, String target) {
        try {
            call.getAsLong();
            redirect.addFlashAttribute("notice", notice);
        } catch (ApiProblem problem) {
            if (problem.isNotFound() || problem.status() == 403) {
                throw problem;
            }
            redirect.addFlashAttribute("problem", problem.detail());
            // the page shows problem.<code> in the user's language where the bundles know it
            redirect.addFlashAttribute("problemCode", problem.code());
        }
        return "redirect:" + target;
    }
}
