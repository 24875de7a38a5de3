package cn.qinqing.portal.web;

import cn.qinqing.portal.service.ApiProblem;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How every form of the portal answers an API call: on success go where {@code done} says with the new version; on a
 * refusal show the form again with the reasons next to their fields (a stale version: the latest state, what the user
 * typed kept). Not found and forbidden are pages of their own.
 */
public final class FormSubmission {

    private FormSubmission() {}

    public static String submit(
            BindingResult binding,
            Map<String, String> fields,
            LongSupplier call,
            LongFunction<String> done,
            Supplier<String> again) {
        return submit(binding, name -> fields.getOrDefault(name, name), call, done, again);
    }

    /** As {@link #submit}, going on success to {@code target} with a flash {@code notice} (a message code). */
    public static String submitAndRedirect(
            BindingResult binding,
            Map<String, String> fields,
            LongSupplier call,
            RedirectAttributes redirect,
            String notice,
            LongFunction<String> target,
            Supplier<String> again) {
        return submit(
                binding,
                fields,
                call,
                version -> {
                    redirect.addFlashAttribute("notice", notice);
                    return "redirect:" + target.apply(version);
                },
                again);
    }

    public static String submit(
            BindingResult binding,
            UnaryOperator<String> fields,
            LongSupplier call,
            LongFunction<String> done,
            Supplier<String> again) {
        long version;
        try {
            version = call.getAsLong();
        } catch (ApiProblem problem) {
            refused(problem, binding, fields);
            return again.get();
        }
        return done.apply(version);
    }

    /** Puts a refusal on the form, or rethrows what has a page of its own (not found, forbidden). */
    public static void refused(ApiProblem problem, BindingResult binding, UnaryOperator<String> fields) {
        if (problem.isNotFound() || problem.status() == 403) {
            throw problem;
        }
        if (problem.isStale()) {
            binding.reject("problem.stale-version");
        } else {
            FormErrors.apply(problem, binding, fields);
        }
    }

    public static void refused(ApiProblem problem, BindingResult binding, Map<String, String> fields) {
        refused(problem, binding, name -> fields.getOrDefault(name, name));
    }
}
