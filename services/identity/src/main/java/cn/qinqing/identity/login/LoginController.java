package cn.qinqing.identity.login;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page (Chinese first, English with {@code ?lang=en}) and the page a signed-in visitor lands on. */
@Controller
class LoginController {

    private final LoginAttempts attempts;

    LoginController(LoginAttempts attempts) {
        this.attempts = attempts;
    }

    @GetMapping("/login")
    String login(HttpServletRequest request, HttpServletResponse response, Model model) {
        if (request.getParameter("error") != null) {
            HttpSession session = request.getSession(false);
            Object failure = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            if (failure instanceof TooManyLoginAttemptsException) {
                model.addAttribute("error", "login.error.locked");
                model.addAttribute("minutes", Math.max(1, attempts.window().toMinutes()));
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                response.setHeader(
                        HttpHeaders.RETRY_AFTER, Long.toString(attempts.window().toSeconds()));
            } else if (failure != null) {
                // one message for every other failure: unknown user, wrong password, disabled account alike
                model.addAttribute("error", "login.error.bad-credentials");
            }
        }
        if (request.getParameter("logout") != null) {
            model.addAttribute("notice", "login.logged-out");
        }
        return "login";
    }

    @GetMapping("/")
    String signedIn(Principal principal, Model model) {
        model.addAttribute("username", principal.getName());
        return "signed-in";
    }
}
