package cn.qinqing.portal.appeal;

import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** An appeal's page, for every role: what the appeals API lets this user see of it (404 otherwise). */
@Controller
class AppealPages {

    private final AppealPage page;

    AppealPages(AppealPage page) {
        this.page = page;
    }

    /** {@code ?v=} names the version the user's own change made, so that the page shows it (read your writes). */
    @GetMapping("/appeals/{id}")
    String appeal(
            @PathVariable UUID id,
            @RequestParam(name = "v", defaultValue = "0") long version,
            @RequestParam(name = "av", defaultValue = "-1") long assignmentVersion,
            @RequestParam(name = "cv", defaultValue = "-1") long caseFileVersion,
            Model model) {
        return page.render(
                id,
                new AppealPage.Seen(
                        Math.max(0, version), Math.max(-1, assignmentVersion), Math.max(-1, caseFileVersion)),
                model);
    }
}
