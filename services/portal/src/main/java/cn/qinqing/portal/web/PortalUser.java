package cn.qinqing.portal.web;

import cn.qinqing.language.Role;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The signed-in person as the identity provider's ID token describes them. The portal uses it only to choose pages
 * and menus; what they may see and do is decided by the services' APIs, which get the access token.
 *
 * @param username the user name ({@code preferred_username}, else {@code sub})
 * @param name the display name
 * @param role the one role of the account
 * @param enterpriseId the USCC of an enterprise user's enterprise
 * @param departmentId the department of an official or of a leader heading one
 */
public record PortalUser(String username, String name, Role role, String enterpriseId, String departmentId) {

    public static final String ROLES_CLAIM = "roles";

    public static PortalUser of(OidcUser user) {
        List<String> roles = user.getClaimAsStringList(ROLES_CLAIM);
        Role role = null;
        if (roles != null) {
            role = roles.stream()
                    .filter(PortalUser::isRole)
                    .map(Role::valueOf)
                    .findFirst()
                    .orElse(null);
        }
        String username = user.getPreferredUsername() != null ? user.getPreferredUsername() : user.getSubject();
        String name = user.getFullName() != null ? user.getFullName() : username;
        return new PortalUser(
                username, name, role, user.getClaimAsString("enterprise_id"), user.getClaimAsString("department_id"));
    }

    /** The signed-in user of this request, if any. */
    public static Optional<PortalUser> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof OidcUser user) {
            return Optional.of(of(user));
        }
        return Optional.empty();
    }

    static boolean isRole(String text) {
        for (Role role : Role.values()) {
            if (role.name().equals(text)) {
                return true;
            }
        }
        return false;
    }

    public boolean is(Role candidate) {
        return role == candidate;
    }

    /** The first page of this user's role. */
    public String home() {
        if (role == null) {
            return "/account";
        }
        return switch (role) {
            case ENTERPRISE -> "/enterprise";
            case DISPATCHER -> "/dispatcher";
            case OFFICIAL -> "/official";
            case LEADER -> "/leader";
            case SUPERVISOR, ADMIN -> "/supervisor";
        };
    }
}
