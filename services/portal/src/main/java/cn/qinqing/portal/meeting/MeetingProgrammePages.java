package cn.qinqing.portal.meeting;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.Urgency;
import cn.qinqing.portal.appeal.Uploads;
import cn.qinqing.portal.assignment.AssignmentApi;
import cn.qinqing.portal.assignment.Department;
import cn.qinqing.portal.service.ApiProblem;
import cn.qinqing.portal.web.Dates;
import cn.qinqing.portal.web.Departments;
import cn.qinqing.portal.web.FormSubmission;
import cn.qinqing.portal.web.PortalUser;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;
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
 * The host's side of a meeting's programme: publishing and changing the agenda, drafting, publishing and correcting
 * the minutes, and raising action items from their decisions. Each page reads the meeting at the version it shows and
 * sends that version as If-Match; the meetings API decides (only the host, or an admin, may change a meeting).
 */
@Controller
@RequestMapping("/leader/meetings/{id}")
class MeetingProgrammePages {

    private final MeetingsApi meetings;
    private final AssignmentApi assignments;
    private final Departments departments;

    MeetingProgrammePages(MeetingsApi meetings, AssignmentApi assignments, Departments departments) {
        this.meetings = meetings;
        this.assignments = assignments;
        this.departments = departments;
    }

    // the agenda

    @GetMapping("/agenda")
    String agendaForm(@PathVariable UUID id, Model model) {
        Meeting.Details details = meetings.meeting(id);
        AgendaForm form = AgendaForm.of(
                meetings.agenda(id), meetings.topics(id), details.meeting().version());
        return agendaPage(id, details, form, model);
    }

    @PostMapping("/agenda")
    String setAgenda(
            @PathVariable UUID id,
            @ModelAttribute("form") AgendaForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        Meeting.Details details = meetings.meeting(id);
        LocalDate day = details.meeting().startsAt().atZone(Dates.CITY).toLocalDate();
        boolean change = meetings.agenda(id) != null;
        return act(
                binding,
                form::formField,
                Map.of("agenda-change-reason-required", "reason"),
                () -> meetings.setAgenda(id, form.getVersion(), form.toRequest(day), form.getReason()),
                version -> {
                    redirect.addFlashAttribute("notice", change ? "notice.agendaChanged" : "notice.agendaPublished");
                    return meetingPage(id, version);
                },
                () -> {
                    Meeting.Details latest = meetings.meeting(id);
                    form.setVersion(latest.meeting().version());
                    return agendaPage(id, latest, form, model);
                });
    }

    private String agendaPage(UUID id, Meeting.Details details, AgendaForm form, Model model) {
        Meeting.Agenda agenda = meetings.agenda(id);
        model.addAttribute("meeting", details.meeting());
        model.addAttribute("agenda", agenda);
        model.addAttribute("form", form);
        model.addAttribute("departments", departmentChoices());
        Map<String, String> topics = new LinkedHashMap<>();
        meetings.topics(id).stream()
                .filter(topic -> "ACCEPTED".equals(topic.status()))
                .forEach(topic -> topics.put(topic.id().toString(), topic.title()));
        model.addAttribute("topics", topics);
        return "meeting/agenda";
    }

    // the minutes

    @GetMapping("/minutes")
    String minutesForm(@PathVariable UUID id, Model model) {
        Meeting.Details details = meetings.meeting(id);
        Meeting.Minutes minutes = meetings.minutes(id);
        MinutesForm form = MinutesForm.of(
                minutes,
                meetings.agenda(id),
                details.meeting(),
                details.invitations(),
                details.meeting().version());
        return minutesPage(details, minutes, form, model);
    }

    @PostMapping("/minutes")
    String writeMinutes(
            @PathVariable UUID id,
            @ModelAttribute("form") MinutesForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        Meeting.Minutes minutes = meetings.minutes(id);
        boolean correction = minutes != null && minutes.published();
        return act(
                binding,
                form::formField,
                Map.of("correction-reason-required", "reason"),
                form.getFiles(),
                () -> correction
                        ? meetings.correctMinutes(id, form.getVersion(), form.toRequest(true), form.getFiles())
                        : meetings.draftMinutes(id, form.getVersion(), form.toRequest(false), form.getFiles()),
                version -> {
                    redirect.addFlashAttribute(
                            "notice", correction ? "notice.minutesCorrected" : "notice.minutesSaved");
                    return meetingPage(id, version) + "#minutes-heading";
                },
                () -> {
                    Meeting.Details latest = meetings.meeting(id);
                    form.setVersion(latest.meeting().version());
                    return minutesPage(latest, minutes, form, model);
                });
    }

    private String minutesPage(Meeting.Details details, Meeting.Minutes minutes, MinutesForm form, Model model) {
        model.addAttribute("meeting", details.meeting());
        model.addAttribute("invitations", details.invitations());
        model.addAttribute("minutes", minutes);
        model.addAttribute("form", form);
        return "meeting/minutes";
    }

    @PostMapping("/minutes/publication")
    String publishMinutes(@PathVariable UUID id, @RequestParam("version") long version, RedirectAttributes redirect) {
        try {
            long published = meetings.publishMinutes(id, version);
            redirect.addFlashAttribute("notice", "notice.minutesPublished");
            return meetingPage(id, published) + "#minutes-heading";
        } catch (ApiProblem problem) {
            if (problem.isNotFound() || problem.status() == 403) {
                throw problem;
            }
            redirect.addFlashAttribute(
                    "problem", problem.isStale() ? "problem.stale-version" : "problem." + problem.code());
            return "redirect:/leader/meetings/" + id + "#minutes-heading";
        }
    }

    // action items

    @GetMapping("/action-items/new")
    String actionItemForm(
            @PathVariable UUID id,
            @RequestParam(name = "decision", defaultValue = "") String decisionRef,
            Model model) {
        Meeting.Details details = meetings.meeting(id);
        Meeting.Minutes minutes = meetings.minutes(id);
        Meeting.Agenda agenda = meetings.agenda(id);
        ActionItemForm form = new ActionItemForm();
        form.setDecisionRef(decisionRef);
        form.setResponsibleLeaderId(
                PortalUser.current().map(PortalUser::username).orElse(""));
        Integer[] ref = form.ref();
        if (ref[0] != null && minutes != null) {
            String decision = decisionText(minutes, ref[0], ref[1]);
            if (decision != null) {
                form.setTitle(decision.length() > 200 ? decision.substring(0, 200) : decision);
                form.setDescription(decision);
            }
            Meeting.AgendaItem item = agenda == null ? null : agenda.item(ref[0]);
            if (item != null) {
                form.setOwnerDepartmentId(item.departmentId() == null ? "" : item.departmentId());
                if (item.topicId() != null) {
                    meetings.topics(id).stream()
                            .filter(topic -> topic.id().equals(item.topicId()))
                            .findFirst()
                            .ifPresent(topic -> form.setEnterpriseId(topic.enterpriseId()));
                }
            }
        }
        return actionItemPage(details, minutes, form, model);
    }

    @PostMapping("/action-items/new")
    String raiseActionItem(
            @PathVariable UUID id,
            @ModelAttribute("form") ActionItemForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return act(
                binding,
                field -> ActionItemForm.API_FIELDS.getOrDefault(field, field),
                ActionItemForm.RULE_FIELDS,
                () -> meetings.raiseActionItem(id, form.toRequest(), form.getKey()),
                version -> {
                    redirect.addFlashAttribute("notice", "notice.actionItemRaised");
                    return meetingPage(id, version) + "#items-heading";
                },
                () -> actionItemPage(meetings.meeting(id), meetings.minutes(id), form, model));
    }

    private String actionItemPage(Meeting.Details details, Meeting.Minutes minutes, ActionItemForm form, Model model) {
        model.addAttribute("meeting", details.meeting());
        model.addAttribute("form", form);
        Map<String, String> decisions = new LinkedHashMap<>();
        if (minutes != null) {
            for (Meeting.MinutesItem item : minutes.items()) {
                for (int i = 0; i < item.decisions().size(); i++) {
                    decisions.put(
                            item.agendaPosition() + "." + (i + 1),
                            item.agendaPosition() + "." + (i + 1) + " "
                                    + item.decisions().get(i));
                }
            }
        }
        model.addAttribute("decisions", decisions);
        Map<String, String> enterprises = new LinkedHashMap<>();
        details.invitations().stream()
                .filter(invitation -> !"DECLINED".equals(invitation.status()))
                .forEach(invitation -> enterprises.put(
                        invitation.enterpriseId(),
                        invitation.enterpriseName() == null ? invitation.enterpriseId() : invitation.enterpriseName()));
        model.addAttribute("enterprises", enterprises);
        model.addAttribute("departments", departmentChoices());
        model.addAttribute("categories", AppealCategory.values());
        model.addAttribute("urgencies", Urgency.values());
        return "meeting/action-item";
    }

    private static String decisionText(Meeting.Minutes minutes, int position, Integer decision) {
        return minutes.items().stream()
                .filter(item -> item.agendaPosition() == position)
                .findFirst()
                .filter(item -> decision != null
                        && decision >= 1
                        && decision <= item.decisions().size())
                .map(item -> item.decisions().get(decision - 1))
                .orElse(null);
    }

    /** The directory's departments: id → name in the reader's language. */
    private Map<String, String> departmentChoices() {
        Map<String, String> choices = new LinkedHashMap<>();
        for (Department department : assignments.departments()) {
            choices.put(department.departmentId(), departments.name(department.departmentId()));
        }
        return choices;
    }

    private static String meetingPage(UUID id, long version) {
        return "redirect:/leader/meetings/" + id + "?v=" + version;
    }

    /**
     * Calls the API; on success goes where {@code done} says, on a refusal shows the form again with the reasons next
     * to their fields (a stale version: the latest state, what the user typed kept). Not found and forbidden are pages
     * of their own.
     */
    private static String act(
            BindingResult binding,
            UnaryOperator<String> fields,
            Map<String, String> ruleFields,
            LongSupplier call,
            java.util.function.LongFunction<String> done,
            java.util.function.Supplier<String> again) {
        return act(binding, fields, ruleFields, List.of(), call, done, again);
    }

    /** As above, for a form with files: a refused file (too large, a type not accepted) shows beside the file field. */
    private static String act(
            BindingResult binding,
            UnaryOperator<String> fields,
            Map<String, String> ruleFields,
            List<org.springframework.web.multipart.MultipartFile> files,
            LongSupplier call,
            java.util.function.LongFunction<String> done,
            java.util.function.Supplier<String> again) {
        long version;
        try {
            version = call.getAsLong();
        } catch (ApiProblem problem) {
            String field = problem.isStale() ? null : ruleFields.get(problem.code());
            if (Uploads.refused(problem, binding, files)) {
                // shown beside the file field
            } else if (field != null && !problem.isNotFound() && problem.status() != 403) {
                // a rule the API names by code belongs next to the field it is about
                binding.rejectValue(
                        field, "problem." + problem.code(), new Object[] {problem.detail()}, problem.detail());
            } else {
                FormSubmission.refused(problem, binding, fields);
            }
            return again.get();
        }
        return done.apply(version);
    }
}
