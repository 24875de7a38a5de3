package cn.qinqing.portal.admin;

import cn.qinqing.language.directory.LeaderRank;
import cn.qinqing.portal.web.Dates;
import cn.qinqing.portal.web.FormSubmission;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's directory (组织目录): departments with their heads, leaders and their chain, officials, each
 * enterprise's liaison leader (包联领导) — now or as it stood on any past day — and the forms that register and change
 * entries. Every change is an event of the assignment service with its actor; each entry's page lists them.
 */
@Controller
@RequestMapping("/admin")
class DirectoryPages {

    private final AdminApi admin;

    DirectoryPages(AdminApi admin) {
        this.admin = admin;
    }

    @GetMapping
    String start() {
        return "redirect:/admin/directory";
    }

    /** @param date a day (Beijing time): the directory as that day ended; today's directory when absent */
    @GetMapping("/directory")
    String directory(@RequestParam(required = false) String date, Model model) {
        LocalDate day = day(date);
        model.addAttribute("dateInvalid", day == null && date != null && !date.isBlank());
        Instant asOf = day == null ? null : endOf(day);
        model.addAttribute("directory", admin.directory(asOf));
        model.addAttribute("date", day);
        model.addAttribute("enterprises", day == null ? admin.enterprises() : List.of());
        return "admin/directory";
    }

    @GetMapping("/directory/{kind}/new")
    String registration(@PathVariable String kind, Model model) {
        return entryPage(registrable(kind), null, new EntryForm(), model);
    }

    @PostMapping("/directory/{kind}/new")
    String register(
            @PathVariable String kind,
            @ModelAttribute("form") EntryForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        EntryForm.Kind entries = registrable(kind);
        return FormSubmission.submit(
                binding,
                entries::formField,
                () -> admin.register(entries.path(), form.body(entries, true)),
                version -> done(
                        redirect,
                        "notice.admin.registered",
                        entries,
                        form.getId().trim()),
                () -> entryPage(entries, null, form, model));
    }

    @GetMapping("/directory/{kind}/{id}")
    String entry(@PathVariable String kind, @PathVariable String id, Model model) {
        EntryForm.Kind entries = kind(kind);
        return entryPage(entries, id, current(entries, id), model);
    }

    @PostMapping("/directory/{kind}/{id}")
    String change(
            @PathVariable String kind,
            @PathVariable String id,
            @ModelAttribute("form") EntryForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        EntryForm.Kind entries = kind(kind);
        return FormSubmission.submit(
                binding,
                entries::formField,
                () -> entries == EntryForm.Kind.ENTERPRISES
                        ? admin.liaison(id, form.getVersion(), form.body(entries, false))
                        : admin.change(entries.path(), id, version(form), form.body(entries, false)),
                version -> done(redirect, "notice.admin.changed", entries, id),
                () -> {
                    form.setVersion(current(entries, id).getVersion());
                    return entryPage(entries, id, form, model);
                });
    }

    private static String done(RedirectAttributes redirect, String notice, EntryForm.Kind kind, String id) {
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/admin/directory/" + kind.path() + "/" + id;
    }

    private EntryForm current(EntryForm.Kind kind, String id) {
        return switch (kind) {
            case DEPARTMENTS -> EntryForm.of(admin.department(id));
            case LEADERS -> EntryForm.of(admin.leader(id));
            case OFFICIALS -> EntryForm.of(admin.official(id));
            case ENTERPRISES -> EntryForm.of(admin.enterprise(id));
        };
    }

    private String entryPage(EntryForm.Kind kind, String id, EntryForm form, Model model) {
        Directory.AsOf now = admin.directory(null);
        model.addAttribute("kind", kind.path());
        model.addAttribute("id", id);
        model.addAttribute("form", form);
        model.addAttribute("departmentChoices", departmentChoices(now));
        model.addAttribute("leaderChoices", leaderChoices(now));
        model.addAttribute(
                "ranks", Arrays.stream(LeaderRank.values()).map(Enum::name).toList());
        model.addAttribute("changes", id == null ? List.of() : admin.changes(kind.subjectType(), id));
        model.addAttribute("chain", id != null && kind == EntryForm.Kind.LEADERS ? admin.chain(id) : List.of());
        return "admin/entry";
    }

    static Map<String, String> departmentChoices(Directory.AsOf directory) {
        Map<String, String> choices = new LinkedHashMap<>();
        directory
                .departments()
                .forEach(department -> choices.put(
                        department.departmentId(), department.name() + " (" + department.departmentId() + ")"));
        return choices;
    }

    private static Map<String, String> leaderChoices(Directory.AsOf directory) {
        Map<String, String> choices = new LinkedHashMap<>();
        directory.leaders().forEach(leader -> choices.put(leader.leaderId(), leader.name() + " · " + leader.title()));
        return choices;
    }

    private static long version(EntryForm form) {
        if (form.getVersion() == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "version missing");
        }
        return form.getVersion();
    }

    private static EntryForm.Kind kind(String path) {
        EntryForm.Kind kind = EntryForm.Kind.of(path);
        if (kind == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return kind;
    }

    /** Enterprises register themselves (appeals service); the directory only sets their liaison. */
    private static EntryForm.Kind registrable(String path) {
        EntryForm.Kind kind = kind(path);
        if (kind == EntryForm.Kind.ENTERPRISES) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return kind;
    }

    /** A day from the date field; null for none or a malformed one (the page then says so beside the field). */
    static LocalDate day(String date) {
        if (date == null || date.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(date.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The last instant of the day in Beijing: the state in force as the day ended. */
    static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(Dates.CITY).toInstant().minusMillis(1);
    }
}
