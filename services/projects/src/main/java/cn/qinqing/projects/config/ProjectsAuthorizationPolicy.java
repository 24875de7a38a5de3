package cn.qinqing.projects.config;

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
 * Who may call what in the projects API. Leaders and officials register projects and record their progress (the
 * project itself narrows this to its responsible leader and the leaders and officials of its department); supervisors
 * read everything and never write; an enterprise reads only the projects it invests in; dispatchers read only the
 * chain view (they broker on the market), which enterprises and officials may not read (ADR 0018).
 */
@Component
class ProjectsAuthorizationPolicy implements AuthorizationPolicy {

    @Override
    public List<EndpointRule> rules() {
        return List.of(
                // literal paths before the {id} patterns that would also match them
                allow(GET, "/api/projects/chain", LEADER, SUPERVISOR, DISPATCHER, ADMIN),
                allow(GET, "/api/projects/speed", OFFICIAL, LEADER, SUPERVISOR, ADMIN),
                allow(GET, "/api/projects/export.csv", ENTERPRISE, OFFICIAL, LEADER, SUPERVISOR, ADMIN),
                allow(
                        GET,
                        "/api/projects/blockers/by-appeal/{appealId}",
                        ENTERPRISE,
                        OFFICIAL,
                        LEADER,
                        SUPERVISOR,
                        ADMIN),
                allow(POST, "/api/projects", OFFICIAL, LEADER, ADMIN),
                allow(GET, "/api/projects", ENTERPRISE, OFFICIAL, LEADER, SUPERVISOR, ADMIN),
                allow(GET, "/api/projects/{id}", ENTERPRISE, OFFICIAL, LEADER, SUPERVISOR, ADMIN),
                allow(POST, "/api/projects/{id}/milestones", OFFICIAL, LEADER, ADMIN),
                allow(POST, "/api/projects/{id}/progress", OFFICIAL, LEADER, ADMIN),
                allow(POST, "/api/projects/{id}/blockers", OFFICIAL, LEADER, ADMIN));
    }
}
