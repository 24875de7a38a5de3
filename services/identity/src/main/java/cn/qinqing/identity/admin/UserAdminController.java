package cn.qinqing.identity.admin;

import cn.qinqing.identity.user.UserAccount;
import cn.qinqing.identity.user.UserDirectory;
import cn.qinqing.language.Role;
import cn.qinqing.language.UnifiedSocialCreditCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Users, for administrators only (the API's filter chain lets nobody else in): list, create, change (name, role,
 * enterprise, department, enabled), reset a password. Every change is an audit record with its actor, in the change's
 * transaction; disabling a user or resetting their password also ends their sessions' refresh tokens.
 */
@RestController
@RequestMapping(path = "/api/identity/users", produces = MediaType.APPLICATION_JSON_VALUE)
class UserAdminController {

    static final String USERNAME = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    static final String DEPARTMENT = "[a-z0-9][a-z0-9-]{0,63}";

    private final UserDirectory users;
    private final AdminAudit audit;

    UserAdminController(UserDirectory users, AdminAudit audit) {
        this.users = users;
        this.audit = audit;
    }

    @GetMapping
    List<UserAccount> list() {
        return users.all();
    }

    @GetMapping("/{username}")
    Map<String, Object> get(@PathVariable String username) {
        UserAccount account = users.find(username).orElseThrow(() -> AdminProblems.notFound("user", username));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user", account);
        body.put("audit", audit.entries("USER", username, 100));
        return body;
    }

    record NewUser(
            @NotBlank @Pattern(regexp = USERNAME, message = "must be a user name (letters, digits, . _ -)")
                    String username,
            @NotBlank @Size(max = 200) String displayName,
            @NotNull Role role,
            String enterpriseId,
            @Pattern(regexp = DEPARTMENT, message = "must be a department code such as industry-it")
                    String departmentId,
            @NotBlank @Size(min = 12, max = 200, message = "must have 12 to 200 characters") String password) {}

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Transactional
    ResponseEntity<UserAccount> create(@AuthenticationPrincipal Jwt actor, @Valid @RequestBody NewUser request) {
        UserAccount account = account(
                request.username(),
                request.role(),
                request.enterpriseId(),
                request.departmentId(),
                request.displayName(),
                true);
        if (!users.addIfMissing(account, request.password())) {
            throw AdminProblems.conflict("user-exists", "There is a user " + request.username() + " already.");
        }
        audit.record(actor.getSubject(), "USER_CREATED", "USER", account.username(), state(account));
        return ResponseEntity.created(URI.create("/api/identity/users/" + account.username()))
                .body(account);
    }

    record UserChange(
            @NotBlank @Size(max = 200) String displayName,
            @NotNull Role role,
            String enterpriseId,
            @Pattern(regexp = DEPARTMENT, message = "must be a department code such as industry-it")
                    String departmentId,
            @NotNull Boolean enabled) {}

    @PutMapping(path = "/{username}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Transactional
    UserAccount change(
            @AuthenticationPrincipal Jwt actor, @PathVariable String username, @Valid @RequestBody UserChange request) {
        UserAccount before = users.find(username).orElseThrow(() -> AdminProblems.notFound("user", username));
        UserAccount after = account(
                username,
                request.role(),
                request.enterpriseId(),
                request.departmentId(),
                request.displayName(),
                request.enabled());
        if (after.equals(before)) {
            return before;
        }
        if (username.equals(actor.getSubject()) && (!after.enabled() || after.role() != Role.ADMIN)) {
            throw AdminProblems.invalid(
                    after.enabled() ? "role" : "enabled", "an administrator cannot lock themselves out");
        }
        users.update(after);
        if (!after.enabled()) {
            users.endSessions(username);
        }
        Map<String, Object> details = state(after);
        details.put("previous", state(before));
        audit.record(
                actor.getSubject(),
                before.enabled() && !after.enabled() ? "USER_DISABLED" : "USER_CHANGED",
                "USER",
                username,
                details);
        return after;
    }

    record PasswordReset(
            @NotBlank @Size(min = 12, max = 200, message = "must have 12 to 200 characters") String password) {}

    @PostMapping(path = "/{username}/password", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Transactional
    void resetPassword(
            @AuthenticationPrincipal Jwt actor,
            @PathVariable String username,
            @Valid @RequestBody PasswordReset request) {
        users.find(username).orElseThrow(() -> AdminProblems.notFound("user", username));
        users.setPassword(username, request.password());
        users.endSessions(username);
        audit.record(actor.getSubject(), "PASSWORD_RESET", "USER", username, Map.of());
    }

    /** The account, or the reasons the users table would refuse it, each with its field. */
    private static UserAccount account(
            String username, Role role, String enterpriseId, String departmentId, String displayName, boolean enabled) {
        String enterprise = blankToNull(enterpriseId);
        String department = blankToNull(departmentId);
        if (role == Role.ENTERPRISE && enterprise == null) {
            throw AdminProblems.invalid("enterpriseId", "is required for an enterprise user");
        }
        if (role != Role.ENTERPRISE && enterprise != null) {
            throw AdminProblems.invalid("enterpriseId", "belongs to enterprise users only");
        }
        if (enterprise != null && !UnifiedSocialCreditCode.isValid(enterprise)) {
            throw AdminProblems.invalid("enterpriseId", UnifiedSocialCreditCode.problemWith(enterprise));
        }
        if (role == Role.OFFICIAL && department == null) {
            throw AdminProblems.invalid("departmentId", "is required for an official");
        }
        if (department != null && role != Role.OFFICIAL && role != Role.LEADER) {
            throw AdminProblems.invalid("departmentId", "belongs to officials and leaders only");
        }
        return new UserAccount(username, role, enterprise, department, displayName.trim(), enabled);
    }

    private static Map<String, Object> state(UserAccount account) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("displayName", account.displayName());
        state.put("role", account.role().name());
        state.put("enterpriseId", account.enterpriseId());
        state.put("departmentId", account.departmentId());
        state.put("enabled", account.enabled());
        return state;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
