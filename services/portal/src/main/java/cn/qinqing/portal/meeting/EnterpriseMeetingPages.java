package cn.qinqing.portal.meeting;

import cn.qinqing.portal.appeal.ActionForm;
import cn.qinqing.portal.appeal.Appeal;
import cn.qinqing.portal.appeal.AppealsApi;
import cn.qinqing.portal.service.ApiProblem;
import cn.qinqing.portal.web.FormSubmission;
import cn.qinqing.portal.web.PortalUser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An enterprise's breakfast meetings (政企早餐会): its invitations, accepting or declining them, and proposing topics
 * (optionally linking one of its appeals) before the cut-off.
 */
@Controller
@RequestMapping("/enterprise/meetings")
class EnterpriseMeetingPages {

    private final MeetingsApi meetings;
    private final AppealsApi appeals;

    EnterpriseMeetingPages(MeetingsApi meetings, AppealsApi appeals) {
        this.meetings = meetings;
        this.appeals = appeals;
    }

    /** An invitation with its meeting. */
    record Invited(Meeting.Invitation invitation, Meeting.View meeting) {}

    @GetMapping
    String invitations(Model model) {
        List<Invited> invited = new ArrayList<>();
        for (Meeting.Invitation invitation : meetings.myInvitations()) {
            try {
                invited.add(new Invited(
                        invitation, meetings.meeting(invitation.meetingId()).meeting()));
            } catch (ApiProblem notThere) {
                if (!notThere.isNotFound()) {
                    throw notThere;
                }
            }
        }
        model.addAttribute("invited", invited);
        return "meeting/invitations";
    }

    @GetMapping("/{id}")
    String meeting(@PathVariable UUID id, @RequestParam(name = "v", defaultValue = "0") long version, Model model) {
        return render(id, version, model);
    }

    private String render(UUID id, long version, Model model) {
        Meeting.Details details = meetings.meetingAtLeast(id, version);
        model.addAttribute("meeting", details.meeting());
        model.addAttribute(
                "invitation",
                details.invitations().isEmpty() ? null : details.invitations().get(0));
        model.addAttribute("topics", meetings.topics(id));
        // the files of the published minutes (none before; the meetings service decides)
        model.addAttribute("minutesDocuments", meetings.minutesDocuments(id));
        model.addAttribute("now", Instant.now());
        List<Appeal> mine = appeals.list(null, null, 50).items();
        model.addAttribute("myAppeals", mine);
        if (!model.containsAttribute("topicForm")) {
            model.addAttribute("topicForm", new ActionForm(details.meeting().version()));
        }
        if (!model.containsAttribute("declineForm")) {
            model.addAttribute("declineForm", new ActionForm(details.meeting().version()));
        }
        if (!model.containsAttribute("acceptForm")) {
            model.addAttribute("acceptForm", new ActionForm(details.meeting().version()));
        }
        return "meeting/meeting";
    }

    @PostMapping("/{id}/acceptance")
    String accept(
            @PathVariable UUID id,
            @ModelAttribute("acceptForm") ActionForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return act(
                id,
                binding,
                model,
                redirect,
                Map.of(),
                "notice.invitationAccepted",
                () -> meetings.accept(id, enterprise(), form.getVersion()));
    }

    @PostMapping("/{id}/refusal")
    String decline(
            @PathVariable UUID id,
            @ModelAttribute("declineForm") ActionForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return act(
                id,
                binding,
                model,
                redirect,
                Map.of("reason", "text"),
                "notice.invitationDeclined",
                () -> meetings.decline(id, enterprise(), form.getVersion(), form.getText()));
    }

    @PostMapping("/{id}/topics")
    String propose(
            @PathVariable UUID id,
            @ModelAttribute("topicForm") ActionForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return act(
                id,
                binding,
                model,
                redirect,
                Map.of("description", "text"),
                "notice.topicProposed",
                () -> meetings.propose(id, form.getTitle(), form.getText(), form.getLinkedAppealId(), form.getKey()));
    }

    private String act(
            UUID id,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect,
            Map<String, String> fields,
            String notice,
            java.util.function.LongSupplier call) {
        return FormSubmission.submitAndRedirect(
                binding,
                fields,
                call,
                redirect,
                notice,
                version -> "/enterprise/meetings/" + id + "?v=" + version,
                () -> render(id, 0, model));
    }

    private static String enterprise() {
        return PortalUser.current().orElseThrow().enterpriseId();
    }
}
