package cn.qinqing.assignment.config;

import static cn.qinqing.language.Role.ADMIN;
import static cn.qinqing.language.Role.DISPATCHER;
import static cn.qinqing.language.Role.LEADER;
import static cn.qinqing.language.Role.OFFICIAL;
import static cn.qinqing.language.Role.SUPERVISOR;
import static cn.qinqing.platform.security.EndpointRule.allow;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import cn.qinqing.language.Role;
import cn.qinqing.platform.security.AuthorizationPolicy;
import cn.qinqing.platform.security.EndpointRule;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Who may call what in the assignment API. Enterprises call none of it: they see on their appeal (appeals service)
 * which department holds it. Within a role the controllers and the aggregate narrow further: an official sees and acts
 * on the appeals their department holds only (404 for any other), and reads only their own department's inbox (403
 * for another's); a leader reads only their own cases and notices.
 */
@Component
class AssignmentAuthorizationPolicy implements AuthorizationPolicy {

    private static final Role[] STAFF = {DISPATCHER, OFFICIAL, LEADER, SUPERVISOR, ADMIN};
    private static final String API = "/api/assignment";

    @Override
    public List<EndpointRule> rules() {
        return List.of(
                // the directory: everyone on the city's side reads it, admins change it
                allow(GET, API + "/departments", STAFF),
                allow(POST, API + "/departments", ADMIN),
                allow(GET, API + "/departments/{departmentId}", STAFF),
                allow(PUT, API + "/departments/{departmentId}", ADMIN),
                allow(GET, API + "/leaders", STAFF),
                allow(POST, API + "/leaders", ADMIN),
                allow(GET, API + "/leaders/{leaderId}", STAFF),
                allow(PUT, API + "/leaders/{leaderId}", ADMIN),
                allow(GET, API + "/leaders/{leaderId}/chain", STAFF),
                allow(GET, API + "/officials", DISPATCHER, SUPERVISOR, ADMIN),
                allow(POST, API + "/officials", ADMIN),
                allow(GET, API + "/officials/{officialId}", DISPATCHER, SUPERVISOR, ADMIN),
                allow(PUT, API + "/officials/{officialId}", ADMIN),
                allow(GET, API + "/enterprises", DISPATCHER, LEADER, SUPERVISOR, ADMIN),
                allow(GET, API + "/enterprises/{enterpriseId}", DISPATCHER, LEADER, SUPERVISOR, ADMIN),
                allow(POST, API + "/enterprises/{enterpriseId}/liaison", ADMIN),
                allow(PUT, API + "/enterprises/{enterpriseId}/liaison", ADMIN),
                allow(GET, API + "/routing-rules", DISPATCHER, SUPERVISOR, ADMIN),
                allow(POST, API + "/routing-rules", ADMIN),
                allow(GET, API + "/routing-rules/route", DISPATCHER, SUPERVISOR, ADMIN),
                allow(GET, API + "/routing-rules/{ruleId}", DISPATCHER, SUPERVISOR, ADMIN),
                allow(PUT, API + "/routing-rules/{ruleId}", ADMIN),
                allow(DELETE, API + "/routing-rules/{ruleId}", ADMIN),
                allow(GET, API + "/directory/changes", SUPERVISOR, ADMIN),
                allow(GET, API + "/directory", SUPERVISOR, ADMIN),
                // work lists
                allow(GET, API + "/queue", DISPATCHER, SUPERVISOR),
                allow(GET, API + "/departments/{departmentId}/inbox", OFFICIAL, DISPATCHER, SUPERVISOR),
                allow(GET, API + "/leaders/{leaderId}/cases", LEADER, SUPERVISOR),
                allow(GET, API + "/leaders/{leaderId}/supervision-notices", LEADER, SUPERVISOR),
                allow(GET, API + "/appeals", DISPATCHER, LEADER, SUPERVISOR),
                // one appeal
                allow(GET, API + "/appeals/{appealId}", DISPATCHER, OFFICIAL, LEADER, SUPERVISOR),
                allow(GET, API + "/appeals/{appealId}/holders", DISPATCHER, OFFICIAL, LEADER, SUPERVISOR),
                allow(GET, API + "/appeals/{appealId}/supervision-notices", DISPATCHER, OFFICIAL, LEADER, SUPERVISOR),
                allow(POST, API + "/appeals/{appealId}/dispatch", DISPATCHER),
                allow(POST, API + "/appeals/{appealId}/sign-for", OFFICIAL),
                allow(POST, API + "/appeals/{appealId}/return", OFFICIAL),
                allow(POST, API + "/appeals/{appealId}/transfer", OFFICIAL),
                allow(POST, API + "/appeals/{appealId}/take-charge", LEADER),
                allow(POST, API + "/appeals/{appealId}/supervision-notices", LEADER),
                allow(POST, API + "/appeals/{appealId}/escalation", LEADER, DISPATCHER));
    }
}
