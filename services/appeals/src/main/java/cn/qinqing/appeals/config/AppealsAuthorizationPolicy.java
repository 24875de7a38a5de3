package cn.qinqing.appeals.config;

import static cn.qinqing.language.Role.ADMIN;
import static cn.qinqing.language.Role.DISPATCHER;
import static cn.qinqing.language.Role.ENTERPRISE;
import static cn.qinqing.language.Role.LEADER;
import static cn.qinqing.language.Role.OFFICIAL;
import static cn.qinqing.language.Role.SUPERVISOR;
import static cn.qinqing.platform.security.EndpointRule.allow;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import cn.qinqing.platform.security.AuthorizationPolicy;
import cn.qinqing.platform.security.EndpointRule;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Who may call what in the appeals API. Within a role, the controllers narrow further: an enterprise only ever sees
 * and changes its own appeals, an official only those its department holds.
 */
@Component
class AppealsAuthorizationPolicy implements AuthorizationPolicy {

    @Override
    public List<EndpointRule> rules() {
        return List.of(
                allow(POST, "/api/appeals/enterprises", ENTERPRISE, ADMIN),
                allow(GET, "/api/appeals/enterprises", DISPATCHER, LEADER, SUPERVISOR, ADMIN),
                allow(
                        GET,
                        "/api/appeals/enterprises/{uscc}",
                        ENTERPRISE,
                        DISPATCHER,
                        OFFICIAL,
                        LEADER,
                        SUPERVISOR,
                        ADMIN),
                allow(POST, "/api/appeals", ENTERPRISE),
                allow(GET, "/api/appeals", ENTERPRISE, DISPATCHER, OFFICIAL, LEADER, SUPERVISOR, ADMIN),
                allow(GET, "/api/appeals/{id}", ENTERPRISE, DISPATCHER, OFFICIAL, LEADER, SUPERVISOR, ADMIN),
                allow(GET, "/api/appeals/{id}/timeline", ENTERPRISE, DISPATCHER, OFFICIAL, LEADER, SUPERVISOR, ADMIN),
                // documents: whoever may read the appeal (the controller checks which appeals, as for the appeal)
                allow(GET, "/api/appeals/{id}/documents", ENTERPRISE, DISPATCHER, OFFICIAL, LEADER, SUPERVISOR, ADMIN),
                allow(
                        GET,
                        "/api/appeals/{id}/documents/{documentId}",
                        ENTERPRISE,
                        DISPATCHER,
                        OFFICIAL,
                        LEADER,
                        SUPERVISOR,
                        ADMIN),
                allow(POST, "/api/appeals/{id}/supplements", ENTERPRISE),
                allow(POST, "/api/appeals/{id}/withdrawal", ENTERPRISE),
                // the enterprise's feedback on the answer (issue 4)
                allow(POST, "/api/appeals/{id}/rating", ENTERPRISE),
                allow(POST, "/api/appeals/{id}/reopening", ENTERPRISE));
    }
}
