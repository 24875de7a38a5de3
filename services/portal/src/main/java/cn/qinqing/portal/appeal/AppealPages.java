package cn.qinqing.portal.appeal;

import cn.qinqing.portal.resolution.ResolutionApi;
import jakarta.servlet.http.HttpServletResponse;
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
    private final AppealsApi appeals;
    private final ResolutionApi resolution;

    AppealPages(AppealPage page, AppealsApi appeals, ResolutionApi resolution) {
        this.page = page;
        this.appeals = appeals;
        this.resolution = resolution;
    }

    /**
     * A document of the appeal, streamed from the appeals API with the signed-in user's token: the link works only in
     * the session of someone who may read the appeal (ADR 0009).
     */
    @GetMapping("/appeals/{id}/documents/{documentId}")
    void document(@PathVariable UUID id, @PathVariable UUID documentId, HttpServletResponse response) {
        appeals.download(id, documentId, response);
    }

    /**
     * A document an official attached to a note, an extension request or the answer, streamed from the resolution API
     * with the signed-in user's token: the enterprise gets only the answer's and those of notes visible to it.
     */
    @GetMapping("/appeals/{id}/case-file/documents/{documentId}")
    void caseFileDocument(@PathVariable UUID id, @PathVariable UUID documentId, HttpServletResponse response) {
        resolution.download(id, documentId, response);
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
