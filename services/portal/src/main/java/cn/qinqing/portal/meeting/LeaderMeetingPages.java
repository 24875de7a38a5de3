package cn.qinqing.portal.meeting;

import cn.qinqing.language.IndustryChainPosition;
import cn.qinqing.portal.appeal.ActionForm;
import cn.qinqing.portal.service.ApiProblem;
import cn.qinqing.portal.web.Dates;
import cn.qinqing.portal.web.FormErrors;
import cn.qinqing.portal.web.FormSubmission;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;
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
 * A leader's breakfast meetings: the list, scheduling one, inviting enterprises (by hand, by chain position, the
 * key enterprises), deciding the proposed topics; the meeting's page shows the agenda with its changes, the minutes
 * with their corrections, and the action items with their live status and the follow-up rate. Writing the agenda,
 * the minutes and the action items is {@link MeetingProgrammePages}.
 */
@Controller
@RequestMapping("/leader/meetings")
class LeaderMeetingPages {

    private final MeetingsApi meetings;

    LeaderMeetingPages(MeetingsApi meetings) {
        this.meetings = meetings;
    }

    @ModelAttribute("chainPositions")
    IndustryChainPosition[] chainPositions() {
        return IndustryChainPosition.values();
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("upcoming", meetings.list(true));
        model.addAttribute("past", meetings.list(false));
        return "meeting/leader-list";
    }

    @GetMapping("/new")
    String scheduleForm(Model model) {
        model.addAttribute("form", new ScheduleForm());
        return "meeting/schedule";
    }

    @PostMapping("/new")
    String schedule(@ModelAttribute("form") ScheduleForm form, BindingResult binding, RedirectAttributes redirect) {
        UUID id;
        try {
            id = meetings.schedule(form.toRequest(), form.getKey());
        } catch (ApiProblem problem) {
            FormErrors.apply(problem, binding, ScheduleForm.API_FIELDS);
            return "meeting/schedule";
        }
        redirect.addFlashAttribute("notice", "notice.meetingScheduled");
        return "redirect:/leader/meetings/" + id;
    }

    @GetMapping("/{id}")
    String meeting(@PathVariable UUID id, @RequestParam(name = "v", defaultValue = "0") long version, Model model) {
        return render(id, version, model);
    }

    private String render(UUID id, long version, Model model) {
        Meeting.Details details = meetings.meetingAtLeast(id, version);
        model.addAttribute("meeting", details.meeting());
        model.addAttribute("invitations", details.invitations());
        model.addAttribute("topics", meetings.topics(id));
        model.addAttribute("agenda", meetings.agenda(id));
        Meeting.Minutes minutes = meetings.minutes(id);
        model.addAttribute("minutes", minutes);
        model.addAttribute("minutesDocuments", minutes == null ? List.of() : meetings.minutesDocuments(id));
        model.addAttribute("started", !Instant.now().isBefore(details.meeting().startsAt()));
        if (minutes != null) {
            Map<String, String> names = new java.util.HashMap<>();
            details.invitations()
                    .forEach(invitation -> names.put(
                            invitation.enterpriseId(),
                            invitation.enterpriseName() == null
                                    ? invitation.enterpriseId()
                                    : invitation.enterpriseName()));
            model.addAttribute(
                    "enterpriseNames",
                    minutes.attendance().enterpriseIds().stream()
                            .map(enterprise -> names.getOrDefault(enterprise, enterprise))
                            .toList());
        }
        model.addAttribute("actionItems", meetings.actionItems(id));
        model.addAttribute("followUp", meetings.followUp(id));
        for (String form : List.of("inviteForm", "topicForm")) {
            if (model.getAttribute(form) instanceof ActionForm shown) {
                shown.setVersion(details.meeting().version());
            } else {
                model.addAttribute(form, new ActionForm(details.meeting().version()));
            }
        }
        return "meeting/leader-meeting";
    }

    @PostMapping("/{id}/invitations")
    String invite(
            @PathVariable UUID id,
            @RequestParam(name = "chain", required = false) List<String> chain,
            @RequestParam(name = "keyEnterprises", defaultValue = "false") boolean keys,
            @ModelAttribute("inviteForm") ActionForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        List<String> byHand = Arrays.stream(form.getText().split("[\\s,，;；]+"))
                .map(String::trim)
                .filter(code -> !code.isEmpty())
                .toList();
        return act(
                id,
                binding,
                model,
                redirect,
                Map.of(),
                "notice.invited",
                () -> meetings.invite(id, form.getVersion(), byHand, chain == null ? List.of() : chain, keys));
    }

    @PostMapping("/{id}/topics/{topicId}")
    String decideTopic(
            @PathVariable UUID id,
            @PathVariable UUID topicId,
            @ModelAttribute("topicForm") ActionForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        boolean accept = "ACCEPT".equals(form.getDecision());
        return act(
                id,
                binding,
                model,
                redirect,
                Map.of("reason", "text"),
                accept ? "notice.topicAccepted" : "notice.topicDeclined",
                () -> accept
                        ? meetings.acceptTopic(id, topicId, form.getVersion())
                        : meetings.declineTopic(id, topicId, form.getVersion(), form.getText()));
    }

    private String act(
            UUID id,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect,
            Map<String, String> fields,
            String notice,
            LongSupplier call) {
        return FormSubmission.submitAndRedirect(
                binding,
                fields,
                call,
                redirect,
                notice,
                version -> "/leader/meetings/" + id + "?v=" + version,
                () -> render(id, 0, model));
    }

    /** The scheduling form: a day, a start and end time (Beijing time), and the topics' cut-off day. */
    public static class ScheduleForm {

        static final Map<String, String> API_FIELDS = Map.of(
                "startsAt",
                "startTime",
                "endsAt",
                "endTime",
                "topicCutOffAt",
                "cutOffDate",
                "departmentIds",
                "departments");

        private String theme = "";
        private String venue = "";

        @org.springframework.format.annotation.DateTimeFormat(
                iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
        private LocalDate date;

        @org.springframework.format.annotation.DateTimeFormat(pattern = "HH:mm")
        private LocalTime startTime = LocalTime.of(7, 30);

        @org.springframework.format.annotation.DateTimeFormat(pattern = "HH:mm")
        private LocalTime endTime = LocalTime.of(9, 0);

        private Integer capacity = 30;
        private String departments = "";

        @org.springframework.format.annotation.DateTimeFormat(
                iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
        private LocalDate cutOffDate;

        private String key = UUID.randomUUID().toString();

        Map<String, Object> toRequest() {
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("theme", theme);
            request.put("venue", venue);
            request.put("startsAt", at(date, startTime));
            request.put("endsAt", at(date, endTime));
            request.put("capacity", capacity);
            request.put(
                    "departmentIds",
                    Arrays.stream(departments.split("[\\s,，;；]+"))
                            .map(String::trim)
                            .filter(slug -> !slug.isEmpty())
                            .toList());
            request.put("topicCutOffAt", at(cutOffDate, LocalTime.of(18, 0)));
            return request;
        }

        private static Instant at(LocalDate day, LocalTime time) {
            return day == null || time == null
                    ? null
                    : day.atTime(time).atZone(Dates.CITY).toInstant();
        }

        public String getTheme() {
            return theme;
        }

        public void setTheme(String theme) {
            this.theme = theme;
        }

        public String getVenue() {
            return venue;
        }

        public void setVenue(String venue) {
            this.venue = venue;
        }

        public LocalDate getDate() {
            return date;
        }

        public void setDate(LocalDate date) {
            this.date = date;
        }

        public LocalTime getStartTime() {
            return startTime;
        }

        public void setStartTime(LocalTime startTime) {
            this.startTime = startTime;
        }

        public LocalTime getEndTime() {
            return endTime;
        }

        public void setEndTime(LocalTime endTime) {
            this.endTime = endTime;
        }

        public Integer getCapacity() {
            return capacity;
        }

        public void setCapacity(Integer capacity) {
            this.capacity = capacity;
        }

        public String getDepartments() {
            return departments;
        }

        public void setDepartments(String departments) {
            this.departments = departments;
        }

        public LocalDate getCutOffDate() {
            return cutOffDate;
        }

        public void setCutOffDate(LocalDate cutOffDate) {
            this.cutOffDate = cutOffDate;
        }

        public String getKey() {
            return key;
        }

        public void setKey(String key) {
            this.key = key;
        }
    }
}
