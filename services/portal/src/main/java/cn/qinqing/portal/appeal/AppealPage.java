package cn.qinqing.portal.appeal;

import cn.qinqing.portal.web.PortalUser;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Fills the model of an appeal's page: the appeal, its timeline and the forms of the signed-in user's role. Role
 * controllers call it to show the page again with a refused form's errors next to its fields.
 */
@Component
public class AppealPage {

    public static final String VIEW = "appeal/appeal";
    private static final List<String> FORMS = List.of("supplementForm", "withdrawalForm");

    private final AppealsApi appeals;

    AppealPage(AppealsApi appeals) {
        this.appeals = appeals;
    }

    public String render(UUID id, Model model) {
        Appeal appeal = appeals.appeal(id);
        model.addAttribute("appeal", appeal);
        model.addAttribute("timeline", appeals.timeline(id));
        PortalUser.current()
                .ifPresent(user -> model.addAttribute(
                        "role", user.role() == null ? "" : user.role().name()));
        for (String form : FORMS) {
            if (model.getAttribute(form) instanceof TextForm shown) {
                // a refused form is shown again; sent again, it applies to what the user now sees
                shown.setVersion(appeal.version());
            } else {
                model.addAttribute(form, new TextForm(appeal.version()));
            }
        }
        return VIEW;
    }
}
