package cn.qinqing.portal.appeal;

import cn.qinqing.language.Role;
import cn.qinqing.portal.assignment.Assignment;
import cn.qinqing.portal.assignment.AssignmentApi;
import cn.qinqing.portal.resolution.CaseFile;
import cn.qinqing.portal.resolution.Outcomes;
import cn.qinqing.portal.resolution.ResolutionApi;
import cn.qinqing.portal.service.ServiceUnavailableException;
import cn.qinqing.portal.web.PortalUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Fills the model of an appeal's page: the appeal and its timeline (appeals API); for city staff also who holds it
 * (assignment API) and its case file (resolution API), as far as each API lets this user see; and the forms of the
 * user's role. A service that does not answer leaves its panel out with a note instead of failing the page. Role
 * controllers call it again to show a refused form's errors next to its fields.
 */
@Component
public class AppealPage {

    public static final String VIEW = "appeal/appeal";
    private static final List<String> APPEAL_FORMS = List.of("supplementForm", "withdrawalForm");
    private static final List<String> FEEDBACK_FORMS = List.of("ratingForm", "reopenForm");
    private static final List<String> ASSIGNMENT_FORMS =
            List.of("dispatchForm", "returnForm", "transferForm", "takeChargeForm", "superviseForm", "signForForm");
    private static final List<String> CASE_FORMS =
            List.of("noteForm", "extensionForm", "answerForm", "decisionForm", "signOffForm");

    private final AppealsApi appeals;
    private final AssignmentApi assignments;
    private final ResolutionApi resolution;

    AppealPage(AppealsApi appeals, AssignmentApi assignments, ResolutionApi resolution) {
        this.appeals = appeals;
        this.assignments = assignments;
        this.resolution = resolution;
    }

    public String render(UUID id, Model model) {
        return render(id, Seen.NOTHING, model);
    }

    /**
     * The page once the read models show at least the versions the user's own change made (read your writes).
     */
    public String render(UUID id, Seen seen, Model model) {
        Appeal appeal = appeals.appealAtLeast(id, seen.appeal());
        PortalUser user = PortalUser.current().orElse(null);
        Role role = user == null ? null : user.role();
        model.addAttribute("appeal", appeal);
        List<TimelineEntry> timeline = appeals.timeline(id);
        model.addAttribute("timeline", timeline);
        model.addAttribute("documents", appeals.documents(id));
        // the answer as the enterprise received it: the latest ANSWERED step of its appeal's history
        model.addAttribute(
                "answerEntry",
                timeline.stream()
                        .filter(entry -> "ANSWERED".equals(entry.type()))
                        .reduce((first, second) -> second)
                        .orElse(null));
        model.addAttribute("role", role == null ? "" : role.name());
        List<String> unavailable = new ArrayList<>();
        Assignment assignment = null;
        CaseFile caseFile = null;
        if (role != null && role != Role.ENTERPRISE) {
            assignment = optional(
                            unavailable,
                            AssignmentApi.SERVICE,
                            () -> assignments.assignmentAtLeast(id, seen.assignment()))
                    .flatMap(found -> found)
                    .orElse(null);
            caseFile = optional(
                            unavailable, ResolutionApi.SERVICE, () -> resolution.caseFileAtLeast(id, seen.caseFile()))
                    .flatMap(found -> found)
                    .orElse(null);
            if (assignment != null) {
                optional(unavailable, AssignmentApi.SERVICE, () -> assignments.holders(id))
                        .ifPresent(holders -> model.addAttribute("holders", holders));
            }
            if (caseFile != null) {
                optional(unavailable, ResolutionApi.SERVICE, () -> resolution.notes(id))
                        .ifPresent(notes -> model.addAttribute("notes", notes));
                optional(unavailable, ResolutionApi.SERVICE, () -> resolution.extensions(id))
                        .ifPresent(extensions -> model.addAttribute("extensions", extensions));
            }
            if (role == Role.DISPATCHER || role == Role.OFFICIAL) {
                optional(unavailable, AssignmentApi.SERVICE, assignments::departments)
                        .ifPresent(departments -> model.addAttribute("departments", departments));
            }
        }
        // the files officials attached (ADR 0009): all for staff who may read the case file, for the enterprise those
        // meant for it; the resolution service decides
        model.addAttribute(
                "caseFileDocuments",
                optional(unavailable, ResolutionApi.SERVICE, () -> resolution.documents(id))
                        .orElse(List.of()));
        model.addAttribute("assignment", assignment);
        model.addAttribute("caseFile", caseFile);
        model.addAttribute("unavailable", unavailable.stream().distinct().toList());
        model.addAttribute("me", user);
        model.addAttribute("outcomes", Outcomes.ALL);
        versions(model, APPEAL_FORMS, appeal.version(), TextForm.class);
        versions(model, FEEDBACK_FORMS, appeal.version(), ActionForm.class);
        versions(model, ASSIGNMENT_FORMS, assignment == null ? 0 : assignment.version(), ActionForm.class);
        versions(model, CASE_FORMS, caseFile == null ? 0 : caseFile.version(), ActionForm.class);
        return VIEW;
    }

    /** A refused form is shown again; sent again, it applies to what the user now sees: the current version. */
    private static void versions(Model model, List<String> forms, long version, Class<?> type) {
        for (String name : forms) {
            Object shown = model.getAttribute(name);
            if (shown instanceof TextForm text) {
                text.setVersion(version);
            } else if (shown instanceof ActionForm action) {
                action.setVersion(version);
            } else {
                model.addAttribute(name, type == TextForm.class ? new TextForm(version) : new ActionForm(version));
            }
        }
    }

    private static <T> Optional<T> optional(List<String> unavailable, String service, Supplier<T> read) {
        try {
            return Optional.ofNullable(read.get());
        } catch (ServiceUnavailableException e) {
            unavailable.add(service);
            return Optional.empty();
        }
    }

    /**
     * The versions a user's own change produced, from the redirect after it ({@code ?v=&av=&cv=}): the page waits
     * until the read models show them. A negative assignment or case-file version waits for nothing; 0 waits until it
     * exists (a case file opens a moment after the sign-for).
     */
    public record Seen(long appeal, long assignment, long caseFile) {
        public static final Seen NOTHING = new Seen(0, -1, -1);
    }
}
