package cn.qinqing.portal.appeal;

import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** An appeal's page, for every role: what the appeals API lets this user see of it (404 otherwise). */
@Controller
class AppealPages {

    private final AppealPage page;

    AppealPages(AppealPage page) {
        this.page = page;
    }

    @GetMapping("/appeals/{id}")
    String appeal(@PathVariable UUID id, Model model) {
        return page.render(id, model);
    }
}
