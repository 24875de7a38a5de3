package cn.qinqing.notifications.config;

import static cn.qinqing.language.Role.ADMIN;
import static cn.qinqing.language.Role.DISPATCHER;
import static cn.qinqing.language.Role.ENTERPRISE;
import static cn.qinqing.language.Role.LEADER;
import static cn.qinqing.language.Role.OFFICIAL;
import static cn.qinqing.language.Role.SUPERVISOR;
import static cn.qinqing.platform.security.EndpointRule.allow;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import cn.qinqing.platform.security.AuthorizationPolicy;
import cn.qinqing.platform.security.EndpointRule;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Who may call what in the notifications API: every signed-in person, for their own notifications and choices only
 * (the controllers read and change the caller's rows and nobody else's; someone else's notification is 404).
 */
@Component
class NotificationsAuthorizationPolicy implements AuthorizationPolicy {

    @Override
    public List<EndpointRule> rules() {
        var everyone = new cn.qinqing.language.Role[] {ENTERPRISE, DISPATCHER, OFFICIAL, LEADER, SUPERVISOR, ADMIN};
        return List.of(
                // literal paths before the {id} pattern that would also match them
                allow(GET, "/api/notifications", everyone),
                allow(GET, "/api/notifications/unread", everyone),
                allow(POST, "/api/notifications/read-all", everyone),
                allow(GET, "/api/notifications/preferences", everyone),
                allow(PUT, "/api/notifications/preferences", everyone),
                allow(POST, "/api/notifications/{id}/read", everyone));
    }
}
