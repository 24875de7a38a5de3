package cn.qinqing.portal.notification;

import cn.qinqing.portal.service.ApiProblem;
import cn.qinqing.portal.service.ServiceUnavailableException;
import cn.qinqing.portal.web.FormErrors;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Every signed-in person's notifications: the feed (opening one marks it read and goes to its page), the unread count
 * in the header (loaded after the page, so that a slow or absent notifications service never holds a page up), and
 * the settings (language, e-mail address, channels per kind). The notifications service shows each person only their
 * own.
 */
@Controller
@RequestMapping("/notifications")
class NotificationPages {

    private final NotificationsApi notifications;

    NotificationPages(NotificationsApi notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    String feed(Model model) {
        model.addAttribute("entries", notifications.feed());
        return "notification/feed";
    }

    /** The header's unread count, as an htmx fragment; nothing when there is none or the service does not answer. */
    @GetMapping("/badge")
    String badge(Model model) {
        long unread;
        try {
            unread = notifications.unread();
        } catch (ServiceUnavailableException | ApiProblem | IllegalStateException e) {
            unread = 0;
        }
        model.addAttribute("unread", unread);
        return "notification/badge :: badge";
    }

    /** Marks one read and opens what it is about. */
    @PostMapping("/{id}/read")
    String open(@PathVariable UUID id) {
        notifications.markRead(id);
        String link = notifications.feed().stream()
                .filter(entry -> entry.id().equals(id))
                .map(NotificationsApi.Entry::link)
                .findFirst()
                .orElse(null);
        return "redirect:" + (link == null ? "/notifications" : localPath(link));
    }

    @PostMapping("/read-all")
    String readAll(RedirectAttributes redirect) {
        notifications.markAllRead();
        redirect.addFlashAttribute("notice", "notice.notifications.allRead");
        return "redirect:/notifications";
    }

    @GetMapping("/preferences")
    String preferences(Model model) {
        model.addAttribute("form", PreferencesForm.of(notifications.preferences()));
        return "notification/preferences";
    }

    @PostMapping("/preferences")
    String save(
            @ModelAttribute("form") PreferencesForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        try {
            notifications.save(form.body());
        } catch (ApiProblem problem) {
            if (problem.status() != 400) {
                throw problem;
            }
            FormErrors.apply(problem, binding);
            return "notification/preferences";
        }
        redirect.addFlashAttribute("notice", "notice.notifications.saved");
        return "redirect:/notifications/preferences";
    }

    /** The path of a portal link, so that it opens on whatever host this portal answers at. */
    static String localPath(String link) {
        int scheme = link.indexOf("://");
        if (scheme < 0) {
            return link.startsWith("/") ? link : "/notifications";
        }
        int path = link.indexOf('/', scheme + 3);
        return path < 0 ? "/" : link.substring(path);
    }
}
