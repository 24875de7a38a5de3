package cn.qinqing.platform.security;

import cn.qinqing.language.MetadataKeys;
import cn.qinqing.language.Role;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The authenticated caller, as the identity provider's token describes them.
 *
 * @param subject the user name or client id
 * @param enterpriseId the enterprise (USCC) an ENTERPRISE user or client belongs to
 * @param departmentId the department an OFFICIAL (or a LEADER heading one) belongs to
 */
public record Actor(String subject, Role role, String enterpriseId, String departmentId) {

    public static final String ROLES_CLAIM = "roles";
    public static final String ENTERPRISE_CLAIM = "enterprise_id";
    public static final String DEPARTMENT_CLAIM = "department_id";

    public static Optional<Actor> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return Optional.of(from(token.getToken()));
        }
        return Optional.empty();
    }

    /** The current actor; for code that only runs behind the security filter. */
    public static Actor require() {
        return current().orElseThrow(() -> new IllegalStateException("no authenticated actor"));
    }

    public static Actor from(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(ROLES_CLAIM);
        Role role = roles == null || roles.isEmpty() ? null : Role.valueOf(roles.get(0));
        return new Actor(
                jwt.getSubject(), role, jwt.getClaimAsString(ENTERPRISE_CLAIM), jwt.getClaimAsString(DEPARTMENT_CLAIM));
    }

    public boolean is(Role candidate) {
        return role == candidate;
    }

    /** Whether this actor may see what belongs to the given enterprise: its own users, or any non-enterprise role. */
    public boolean mayActFor(String enterprise) {
        return role != Role.ENTERPRISE || (enterpriseId != null && enterpriseId.equals(enterprise));
    }

    public Map<String, Object> asMetadata() {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(MetadataKeys.ACTOR, subject);
        metadata.put(MetadataKeys.ROLE, role == null ? "NONE" : role.name());
        if (enterpriseId != null) {
            metadata.put(MetadataKeys.ENTERPRISE, enterpriseId);
        }
        if (departmentId != null) {
            metadata.put(MetadataKeys.DEPARTMENT, departmentId);
        }
        return metadata;
    }
}
