package cn.qinqing.portal.project;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.ChainLink;
import cn.qinqing.language.Role;
import cn.qinqing.language.Urgency;
import cn.qinqing.language.project.CapacityUnit;
import cn.qinqing.language.project.Milestone;
import cn.qinqing.portal.appeal.ActionForm;
import cn.qinqing.portal.assignment.AssignmentApi;
import cn.qinqing.portal.assignment.Department;
import cn.qinqing.portal.web.Departments;
import cn.qinqing.portal.web.FormSubmission;
import cn.qinqing.portal.web.PortalUser;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * Key projects (重点项目): the list by chain link and status with the "Baotou speed" figures, and a project's page
 * with its milestones as a Gantt-style chart, its progress and its blockers (each a link to the appeal it became).
 * Leaders and officials record milestones and progress and raise blockers there (the projects service decides whether
 * they are responsible for the project); supervisors read; an enterprise sees the projects it invests in.
 */
@Controller
@RequestMapping("/projects")
class ProjectPages {

    private final ProjectsApi projects;
    private final AssignmentApi directory;
    private final Departments departments;

    ProjectPages(ProjectsApi projects, AssignmentApi directory, Departments departments) {
        this.projects = projects;
        this.directory = directory;
        this.departments = departments;
    }

    @ModelAttribute("chainLinks")
    List<String> chainLinks() {
        return Arrays.stream(ChainLink.values()).map(Enum::name).toList();
    }

    @ModelAttribute("milestoneNames")
    List<String> milestoneNames() {
        return Arrays.stream(Milestone.values()).map(Enum::name).toList();
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String chainLink,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            Model model) {
        List<Project.View> list = projects.list(chainLink, status, asOf);
        model.addAttribute("projects", list);
        model.addAttribute(
                "portfolio",
                PortfolioChart.of(list, asOf == null ? LocalDate.now(cn.qinqing.portal.web.Dates.CITY) : asOf));
        model.addAttribute("chainLink", chainLink == null ? "" : chainLink);
        model.addAttribute("status", status == null ? "" : status);
        model.addAttribute("asOf", asOf);
        if (!isEnterprise()) {
            model.addAttribute("speed", projects.speed(asOf));
        }
        model.addAttribute("mayRegister", mayWrite());
        return "project/list";
    }

    @GetMapping("/export.csv")
    ResponseEntity<byte[]> csv(
            @RequestParam(required = false) String chainLink,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("projects.csv")
                                .build()
                                .toString())
                .body(projects.csv(chainLink, status, asOf).getBytes(StandardCharsets.UTF_8));
    }

    /** The form that registers a key project: for leaders, officials (their own department) and admins. */
    @GetMapping("/new")
    String registerForm(Model model) {
        ProjectForm form = new ProjectForm();
        PortalUser.current().ifPresent(user -> {
            if (user.role() == Role.OFFICIAL && user.departmentId() != null) {
                form.setDepartmentId(user.departmentId());
            }
            if (user.role() == Role.LEADER) {
                form.setLeaderId(user.username());
            }
        });
        return registerPage(form, model);
    }

    @PostMapping
    String register(
            @ModelAttribute("projectForm") ProjectForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return registerPage(form, model);
        }
        UUID[] registered = new UUID[1];
        return FormSubmission.submit(
                binding,
                ProjectForm.FIELDS,
                () -> {
                    registered[0] = projects.register(form.body(), form.getKey());
                    return 0;
                },
                version -> {
                    redirect.addFlashAttribute("notice", "notice.projectRegistered");
                    return "redirect:/projects/" + registered[0];
                },
                () -> registerPage(form, model));
    }

    private String registerPage(ProjectForm form, Model model) {
        model.addAttribute("projectForm", form);
        model.addAttribute(
                "capacityUnits",
                Arrays.stream(CapacityUnit.values()).map(Enum::name).toList());
        model.addAttribute("departmentChoices", departmentChoices());
        return "project/new";
    }

    /**
     * The directory's departments by id, named in the reader's language; an official registers projects only for
     * their own department (the project refuses any other), so only that one is offered.
     */
    private Map<String, String> departmentChoices() {
        String own = PortalUser.current()
                .filter(user -> user.role() == Role.OFFICIAL)
                .map(PortalUser::departmentId)
                .orElse(null);
        Map<String, String> choices = new LinkedHashMap<>();
        for (Department department : directory.departments()) {
            if (own == null || own.equals(department.departmentId())) {
                choices.put(department.departmentId(), departments.name(department.departmentId()));
            }
        }
        return choices;
    }

    /** From a blocker's appeal to its project. */
    @GetMapping("/by-appeal/{appealId}")
    String byAppeal(@PathVariable UUID appealId) {
        return "redirect:/projects/" + projects.blockerOfAppeal(appealId).projectId();
    }

    @GetMapping("/{id}")
    String project(
            @PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            Model model) {
        return render(id, asOf, model);
    }

    private String render(UUID id, LocalDate asOf, Model model) {
        Project.Details details = projects.project(id, asOf);
        model.addAttribute("project", details.project());
        model.addAttribute("milestones", details.milestones());
        model.addAttribute("progress", details.progress());
        model.addAttribute("blockers", details.blockers());
        model.addAttribute("asOf", details.asOf());
        model.addAttribute(
                "chart", GanttChart.of(details.milestones(), details.project().signedOn(), details.asOf()));
        model.addAttribute("mayWrite", mayWrite());
        model.addAttribute("categories", AppealCategory.values());
        model.addAttribute("urgencies", Urgency.values());
        for (String form : List.of("milestoneForm", "progressForm", "blockerForm")) {
            if (model.getAttribute(form) instanceof ActionForm shown) {
                shown.setVersion(details.project().version());
            } else {
                model.addAttribute(form, new ActionForm(details.project().version()));
            }
        }
        return "project/project";
    }

    @PostMapping("/{id}/milestones")
    String recordMilestone(
            @PathVariable UUID id,
            @ModelAttribute("milestoneForm") ActionForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return act(
                id,
                binding,
                model,
                redirect,
                Map.of("milestone", "decision", "reachedOn", "dueDate", "note", "text"),
                "notice.milestoneRecorded",
                () -> projects.recordMilestone(
                        id, form.getVersion(), form.getDecision(), form.getDueDate(), form.getText()));
    }

    @PostMapping("/{id}/progress")
    String noteProgress(
            @PathVariable UUID id,
            @ModelAttribute("progressForm") ActionForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return act(
                id,
                binding,
                model,
                redirect,
                Map.of("note", "text"),
                "notice.progressNoted",
                () -> projects.noteProgress(id, form.getText()));
    }

    @PostMapping("/{id}/blockers")
    String raiseBlocker(
            @PathVariable UUID id,
            @ModelAttribute("blockerForm") ActionForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return act(
                id,
                binding,
                model,
                redirect,
                Map.of("description", "text", "category", "decision", "urgency", "reason"),
                "notice.blockerRaised",
                () -> projects.raiseBlocker(
                        id, form.getTitle(), form.getText(), form.getDecision(), form.getReason(), form.getKey()));
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
                binding, fields, call, redirect, notice, version -> "/projects/" + id, () -> render(id, null, model));
    }

    private static boolean isEnterprise() {
        return PortalUser.current().map(user -> user.role() == Role.ENTERPRISE).orElse(false);
    }

    private static boolean mayWrite() {
        return PortalUser.current()
                .map(user -> user.role() == Role.LEADER || user.role() == Role.OFFICIAL || user.role() == Role.ADMIN)
                .orElse(false);
    }
}
