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
 * Who may call what in the market API. Enterprises post, consent and refer their needs to a breakfast meeting (each
 * only for itself: the posts and matches narrow it further); dispatchers and the market department's officials and
 * leaders broker (the match narrows officials and leaders to that department); supervisors read and never write.
 */
@Component
class MarketsAuthorizationPolicy implements AuthorizationPolicy {

    @Override
    public List<EndpointRule> rules() {
        return List.of(
                allow(GET, "/api/markets/figures", DISPATCHER, OFFICIAL, LEADER, SUPERVISOR, ADMIN),
                allow(GET, "/api/markets/figures/export.csv", DISPATCHER, OFFICIAL, LEADER, SUPERVISOR, ADMIN),
                allow(POST, "/api/markets/posts", ENTERPRISE),
                allow(GET, "/api/markets/posts", ENTERPRISE, DISPATCHER, OFFICIAL, LEADER, SUPERVISOR, ADMIN),
                allow(GET, "/api/markets/posts/{id}", ENTERPRISE, DISPATCHER, OFFICIAL, LEADER, SUPERVISOR, ADMIN),
                allow(POST, "/api/markets/posts/{id}/publish", ENTERPRISE),
                allow(POST, "/api/markets/posts/{id}/close", ENTERPRISE),
                allow(POST, "/api/markets/posts/{id}/refer-to-meeting", ENTERPRISE),
                allow(GET, "/api/markets/posts/{id}/candidates", DISPATCHER, OFFICIAL, LEADER, ADMIN),
                allow(POST, "/api/markets/matches", DISPATCHER, OFFICIAL, LEADER, ADMIN),
                allow(GET, "/api/markets/matches", ENTERPRISE, DISPATCHER, OFFICIAL, LEADER, SUPERVISOR, ADMIN),
                allow(GET, "/api/markets/matches/{id}", ENTERPRISE, DISPATCHER, OFFICIAL, LEADER, SUPERVISOR, ADMIN),
                allow(POST, "/api/markets/matches/{id}/consent", ENTERPRISE),
                allow(POST, "/api/markets/matches/{id}/decline", ENTERPRISE),
                allow(POST, "/api/markets/matches/{id}/outcome", DISPATCHER, OFFICIAL, LEADER, ADMIN));
    }
}
