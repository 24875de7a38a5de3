package cn.qinqing.platform.security;

import cn.qinqing.language.Role;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.http.HttpMethod;

/**
 * One line of a service's authorization policy: who may call this method on these paths. Finer checks (the caller's
 * own enterprise or department) are the service's, on top of this.
 *
 * @param pattern a Spring path pattern, such as {@code /api/appeals/{id}/timeline}
 * @param roles the roles allowed; empty means anyone, even without a token
 */
public record EndpointRule(HttpMethod method, String pattern, Set<Role> roles) {

    public static EndpointRule allow(HttpMethod method, String pattern, Role... roles) {
        return new EndpointRule(method, pattern, roles.length == 0 ? Set.of() : EnumSet.of(roles[0], roles));
    }

    public static EndpointRule anyone(HttpMethod method, String pattern) {
        return new EndpointRule(method, pattern, Set.of());
    }

    public boolean isPublic() {
        return roles.isEmpty();
    }
}
