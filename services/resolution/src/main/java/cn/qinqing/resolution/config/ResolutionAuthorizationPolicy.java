package cn.qinqing.resolution.config;

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
 * Who may call what in the resolution API. Within a role the case file narrows further: only the holding department's
 * officials work a case, only the leader in charge or the department head decides extensions and signs off. The
 * enterprise follows its appeal through the appeals API; here it only downloads the documents meant for it.
 */
@Component
class ResolutionAuthorizationPolicy implements AuthorizationPolicy {

    private static final String CASE = "/api/resolution/case-files/{appealId}";

    @Override
    public List<EndpointRule> rules() {
        return List.of(
                allow(GET, "/api/resolution/case-files", OFFICIAL, LEADER, SUPERVISOR, ADMIN),
                allow(GET, CASE, OFFICIAL, LEADER, SUPERVISOR, ADMIN),
                allow(GET, CASE + "/notes", OFFICIAL, LEADER, SUPERVISOR, ADMIN),
                allow(GET, CASE + "/extension-requests", OFFICIAL, LEADER, SUPERVISOR, ADMIN),
                // the enterprise reads the documents meant for it (the answer's, those of notes visible to it)
                allow(GET, CASE + "/documents", ENTERPRISE, OFFICIAL, LEADER, SUPERVISOR, ADMIN),
                allow(GET, CASE + "/documents/{documentId}", ENTERPRISE, OFFICIAL, LEADER, SUPERVISOR, ADMIN),
                allow(POST, CASE + "/notes", OFFICIAL),
                allow(POST, CASE + "/pause", OFFICIAL),
                allow(POST, CASE + "/resumption", OFFICIAL),
                allow(POST, CASE + "/extension-requests", OFFICIAL),
                allow(POST, CASE + "/extension-requests/{requestId}/decision", LEADER),
                allow(POST, CASE + "/answer", OFFICIAL),
                allow(POST, CASE + "/sign-off", LEADER),
                allow(GET, "/api/resolution/calendar", ENTERPRISE, DISPATCHER, OFFICIAL, LEADER, SUPERVISOR, ADMIN),
                allow(PUT, "/api/resolution/calendar/{year}", ADMIN),
                // SLA tiers: an administrator sets them; supervisors and leaders may read what cases count with
                allow(GET, "/api/resolution/sla-tiers", ADMIN, SUPERVISOR, LEADER),
                allow(GET, "/api/resolution/sla-tiers/history", ADMIN, SUPERVISOR, LEADER),
                allow(PUT, "/api/resolution/sla-tiers/{category}/{urgency}", ADMIN));
    }
}
