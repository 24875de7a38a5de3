package cn.qinqing.portal.appeal;

import cn.qinqing.portal.service.ApiProblem;
import cn.qinqing.portal.web.FormSubmission;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Runs one action of an appeal's page: on success back to the page with a notice, waiting until it shows the change;
 * refused, the page again with the errors next to the form's fields (a stale version: the latest state, the typing
 * kept); what the API hides or forbids as its own page.
 */
@Component
public class AppealActions {

    /** An API call that answers the new version of what it changed. */
    @FunctionalInterface
    public interface Call {
        long run();
    }

    private final AppealPage page;

    AppealActions(AppealPage page) {
        this.page = page;
    }

    /**
     * @param fields API field → form field, for names that differ
     * @param after what the page waits for afterwards: {@code v}, {@code av} or {@code cv} and the new version
     */
    public String perform(
            UUID id,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect,
            Map<String, String> fields,
            String notice,
            String after,
            Call call) {
        return FormSubmission.submitAndRedirect(
                binding,
                fields,
                call::run,
                redirect,
                notice,
                version -> "/appeals/" + id + "?" + after + "=" + version,
                () -> page.render(id, model));
    }

    /**
     * As {@link #perform}, for a form with files: a file the service refuses (too large, a type not accepted) is shown
     * beside the form's file field, named as the user chose it.
     */
    public String performWithFiles(
            UUID id,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect,
            Map<String, String> fields,
            String notice,
            String after,
            List<MultipartFile> files,
            Call call) {
        long version;
        try {
            version = call.run();
        } catch (ApiProblem problem) {
            if (!Uploads.refused(problem, binding, files)) {
                FormSubmission.refused(problem, binding, fields);
            }
            return page.render(id, model);
        }
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/appeals/" + id + "?" + after + "=" + version;
    }
}
