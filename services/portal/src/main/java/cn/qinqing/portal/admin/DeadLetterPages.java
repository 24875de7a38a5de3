package cn.qinqing.portal.admin;

import cn.qinqing.portal.service.ServiceUnavailableException;
import cn.qinqing.portal.web.FormSubmission;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Dead letters of every service (死信): the events a service's processors could not handle, per service; inspect one,
 * retry a processing group, drop a letter with a reason. The services decide and log who dropped what and why.
 */
@Controller
@RequestMapping("/admin/dead-letters")
class DeadLetterPages {

    private final DeadLettersApi letters;

    DeadLetterPages(DeadLettersApi letters) {
        this.letters = letters;
    }

    /** A letter's drop form: the reason is required. */
    public static class DropForm {
        private String reason;

        public String getReason() {
            return reason;
        }

        public void setReason(String reason) {
            this.reason = reason;
        }
    }

    @GetMapping
    String list(Model model) {
        Map<String, List<DeadLettersApi.Letter>> byService = new LinkedHashMap<>();
        Map<String, Boolean> unavailable = new LinkedHashMap<>();
        for (String service : DeadLettersApi.SERVICES) {
            try {
                byService.put(service, letters.letters(service));
            } catch (ServiceUnavailableException | IllegalStateException down) {
                unavailable.put(service, true);
                byService.put(service, List.of());
            }
        }
        model.addAttribute("byService", byService);
        model.addAttribute("unavailable", unavailable);
        return "admin/dead-letters";
    }

    @GetMapping("/{service}/{group}/{letterId}")
    String letter(
            @PathVariable String service, @PathVariable String group, @PathVariable String letterId, Model model) {
        return letterPage(service, group, letterId, new DropForm(), model);
    }

    private String letterPage(String service, String group, String letterId, DropForm form, Model model) {
        model.addAttribute("service", known(service));
        model.addAttribute("inspected", letters.letter(service, group, letterId));
        model.addAttribute("form", form);
        return "admin/dead-letter";
    }

    @PostMapping("/{service}/{group}/retry")
    String retry(@PathVariable String service, @PathVariable String group, RedirectAttributes redirect) {
        DeadLettersApi.Retried retried = letters.retry(known(service), group);
        redirect.addFlashAttribute("retried", retried);
        return "redirect:/admin/dead-letters";
    }

    @PostMapping("/{service}/{group}/{letterId}/drop")
    String drop(
            @PathVariable String service,
            @PathVariable String group,
            @PathVariable String letterId,
            @ModelAttribute("form") DropForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        known(service);
        if (form.getReason() == null || form.getReason().isBlank()) {
            binding.rejectValue("reason", "admin.deadLetters.reasonRequired");
            return letterPage(service, group, letterId, form, model);
        }
        return FormSubmission.submit(
                binding,
                Map.of(),
                () -> {
                    letters.drop(service, group, letterId, form.getReason().strip());
                    return 0;
                },
                version -> {
                    redirect.addFlashAttribute("notice", "notice.admin.letterDropped");
                    return "redirect:/admin/dead-letters";
                },
                () -> letterPage(service, group, letterId, form, model));
    }

    private static String known(String service) {
        if (!DeadLettersApi.SERVICES.contains(service)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return service;
    }
}
