package cn.qinqing.portal.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The start page: a welcome and the sign-in button; a signed-in user goes straight to their role's first page. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return PortalUser.current().map(user -> "redirect:" + user.home()).orElse("home");
    }

    /** Where the security filter sends a user who opens another role's page (403, in their language). */
    @RequestMapping("/error/403")
    String forbidden(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        return "error/403";
    }

    @GetMapping("/account")
    String account() {
        return "account";
    }
}
