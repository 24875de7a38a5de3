package cn.qinqing.portal.web;

import cn.qinqing.portal.service.ApiProblem;
import cn.qinqing.portal.service.ServiceUnavailableException;
import cn.qinqing.portal.service.SignInRequiredException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * What a page shows when a service refuses or fails: a service that is down gives a friendly page (503) instead of a
 * stack trace; what the API hides (404) or forbids (403) is shown as such; any other refusal is explained in the
 * user's language. Pages that can show a refusal next to a form catch {@link ApiProblem} themselves.
 */
@ControllerAdvice
class ErrorPages {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    private final MessageSource messages;

    ErrorPages(MessageSource messages) {
        this.messages = messages;
    }

    /** Exception handlers get a model of their own: the header's user and language switch need these. */
    private static void page(Model model, HttpServletRequest request) {
        model.addAttribute("user", PortalUser.current().orElse(null));
        model.addAttribute("here", request.getRequestURI());
    }

    @ExceptionHandler(ServiceUnavailableException.class)
    String unavailable(
            ServiceUnavailableException e, Model model, HttpServletRequest request, HttpServletResponse response) {
        page(model, request);
        log.warn("Service unavailable: {}", e.getMessage());
        response.setStatus(503);
        model.addAttribute("service", e.service());
        return "error/unavailable";
    }

    @ExceptionHandler(SignInRequiredException.class)
    String signIn(SignInRequiredException e) {
        log.info("Signing in again: {}", e.getMessage());
        return "redirect:/oauth2/authorization/" + cn.qinqing.portal.service.ServiceClients.REGISTRATION_ID;
    }

    @ExceptionHandler(ApiProblem.class)
    String problem(
            ApiProblem problem, Model model, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        page(model, request);
        response.setStatus(problem.status());
        if (problem.status() == 404) {
            return "error/404";
        }
        if (problem.status() == 403) {
            return "error/403";
        }
        model.addAttribute("problemText", messages.getMessage(ProblemMessages.problem(problem), locale));
        return "error/problem";
    }
}
