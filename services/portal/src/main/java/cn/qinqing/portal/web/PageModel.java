package cn.qinqing.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's header needs: who is signed in, and the current path for the language switch. */
@ControllerAdvice
class PageModel {

    @ModelAttribute("user")
    PortalUser user() {
        return PortalUser.current().orElse(null);
    }

    @ModelAttribute("here")
    String here(HttpServletRequest request) {
        return request.getRequestURI();
    }
}
