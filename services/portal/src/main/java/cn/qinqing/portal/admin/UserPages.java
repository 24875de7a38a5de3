package cn.qinqing.portal.admin;

import cn.qinqing.language.Role;
import cn.qinqing.portal.service.ApiProblem;
import cn.qinqing.portal.web.FormSubmission;
import java.util.Arrays;
import java.util.Map;
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
 * Users and integration clients (用户与接入客户端), kept by the identity service: create a user, change their role,
 * enterprise or department, disable them, reset a password; create an enterprise's client and see its secret once,
 * disable a client or enable it again.
 * The identity service records every change with its actor; a user's page lists them.
 */
@Controller
@RequestMapping("/admin")
class UserPages {

    private final IdentityApi identity;
    private final AdminApi admin;

    UserPages(IdentityApi identity, AdminApi admin) {
        this.identity = identity;
        this.admin = admin;
    }

    @GetMapping("/users")
    String users(Model model) {
        return usersPage(new UserForm(), model);
    }

    @PostMapping("/users")
    String create(
            @ModelAttribute("form") UserForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
        return FormSubmission.submit(
                binding,
                Map.of(),
                () -> {
                    identity.createUser(form.body(true));
                    return 0;
                },
                version -> {
                    redirect.addFlashAttribute("notice", "notice.admin.userCreated");
                    return "redirect:/admin/users/" + form.getUsername().trim();
                },
                () -> usersPage(form, model));
    }

    private String usersPage(UserForm form, Model model) {
        model.addAttribute("users", identity.users());
        model.addAttribute("form", form);
        choices(model);
        return "admin/users";
    }

    @GetMapping("/users/{username}")
    String user(@PathVariable String username, Model model) {
        IdentityApi.UserDetails details = identity.user(username);
        return userPage(details, UserForm.of(details.user()), model);
    }

    @PostMapping("/users/{username}")
    String change(
            @PathVariable String username,
            @ModelAttribute("form") UserForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return FormSubmission.submit(
                binding,
                Map.of(),
                () -> {
                    identity.changeUser(username, form.body(false));
                    return 0;
                },
                version -> {
                    redirect.addFlashAttribute("notice", "notice.admin.changed");
                    return "redirect:/admin/users/" + username;
                },
                () -> userPage(identity.user(username), form, model));
    }

    @PostMapping("/users/{username}/password")
    String resetPassword(
            @PathVariable String username,
            @ModelAttribute("passwordForm") UserForm passwordForm,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return FormSubmission.submit(
                binding,
                Map.of(),
                () -> {
                    identity.resetPassword(username, passwordForm.getPassword());
                    return 0;
                },
                version -> {
                    redirect.addFlashAttribute("notice", "notice.admin.passwordReset");
                    return "redirect:/admin/users/" + username;
                },
                () -> {
                    IdentityApi.UserDetails details = identity.user(username);
                    passwordForm.setPassword(null);
                    model.addAttribute("passwordForm", passwordForm);
                    return userPage(details, UserForm.of(details.user()), model);
                });
    }

    private String userPage(IdentityApi.UserDetails details, UserForm form, Model model) {
        model.addAttribute("account", details.user());
        model.addAttribute("audit", details.audit());
        model.addAttribute("form", form);
        if (!model.containsAttribute("passwordForm")) {
            model.addAttribute("passwordForm", new UserForm());
        }
        choices(model);
        return "admin/user";
    }

    private void choices(Model model) {
        model.addAttribute("roles", Arrays.stream(Role.values()).map(Enum::name).toList());
        model.addAttribute("departmentChoices", DirectoryPages.departmentChoices(admin.directory(null)));
    }

    // integration clients

    @GetMapping("/clients")
    String clients(Model model) {
        return clientsPage(new ClientForm(), model);
    }

    /** Creates the client and shows its secret on this answer only: it is not kept anywhere the portal could show again. */
    @PostMapping("/clients")
    String createClient(@ModelAttribute("form") ClientForm form, BindingResult binding, Model model) {
        try {
            model.addAttribute("secret", identity.createClient(form.body()));
        } catch (ApiProblem problem) {
            FormSubmission.refused(problem, binding, Map.of());
            return clientsPage(form, model);
        }
        return clientsPage(new ClientForm(), model);
    }

    @PostMapping("/clients/{clientId}/secret")
    String newSecret(@PathVariable String clientId, Model model) {
        model.addAttribute("secret", identity.newSecret(clientId));
        return clientsPage(new ClientForm(), model);
    }

    /**
     * Disables a client or enables it again; the identity service's refusal (a missing choice, the client the admin is
     * signed in through) is shown above the list and changes nothing.
     */
    @PostMapping("/clients/{clientId}/enabled")
    String enableClient(
            @PathVariable String clientId,
            @ModelAttribute("stateForm") ClientStateForm stateForm,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect) {
        return FormSubmission.submitAndRedirect(
                binding,
                Map.of(),
                () -> {
                    identity.enableClient(clientId, stateForm.body());
                    return 0;
                },
                redirect,
                Boolean.TRUE.equals(stateForm.getEnabled())
                        ? "notice.admin.clientEnabled"
                        : "notice.admin.clientDisabled",
                version -> "/admin/clients",
                () -> {
                    model.addAttribute("refusedClient", clientId);
                    return clientsPage(new ClientForm(), model);
                });
    }

    private String clientsPage(ClientForm form, Model model) {
        model.addAttribute("clients", identity.clients());
        model.addAttribute("form", form);
        return "admin/clients";
    }
}
