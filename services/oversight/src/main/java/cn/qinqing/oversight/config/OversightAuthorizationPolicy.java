package cn.qinqing.oversight.config;

import static cn.qinqing.language.Role.ADMIN;
import static cn.qinqing.language.Role.LEADER;
import static cn.qinqing.language.Role.SUPERVISOR;
import static cn.qinqing.platform.security.EndpointRule.allow;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import cn.qinqing.platform.security.AuthorizationPolicy;
import cn.qinqing.platform.security.EndpointRule;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Who may read oversight: supervisors and admins everything, leaders what concerns their chain of command (the
 * controllers narrow it); enterprises, dispatchers and officials nothing. Only an admin may rebuild the read models or freeze a month's ranking.
 */
@Component
class OversightAuthorizationPolicy implements AuthorizationPolicy {

    static final List<String> READS = List.of(
            "/api/oversight/appeals/{id}",
            "/api/oversight/appeals/{id}/timeline",
            "/api/oversight/appeals/{id}/timeline.csv",
            "/api/oversight/appeals/{id}/chain",
            "/api/oversight/kpis",
            "/api/oversight/kpis.csv",
            "/api/oversight/rankings",
            "/api/oversight/rankings/{month}",
            "/api/oversight/overdue",
            "/api/oversight/overdue.csv",
            "/api/oversight/liaison/appeals",
            "/api/oversight/liaison/appeals.csv",
            "/api/oversight/meetings/follow-up",
            "/api/oversight/meetings/follow-up.csv");

    @Override
    public List<EndpointRule> rules() {
        return Stream.concat(
                        READS.stream().map(path -> allow(GET, path, SUPERVISOR, ADMIN, LEADER)),
                        Stream.of(
                                // issue 22: an appeal as another actor saw it, and who read what: supervision only
                                allow(GET, "/api/oversight/appeals/{id}/as-seen", SUPERVISOR, ADMIN),
                                allow(GET, "/api/oversight/read-log", SUPERVISOR, ADMIN),
                                allow(GET, "/api/oversight/admin/replay", ADMIN),
                                allow(POST, "/api/oversight/admin/replay", ADMIN),
                                allow(POST, "/api/oversight/admin/rankings/{month}/freeze", ADMIN),
                                // what-if replay (issue #22): supervisors and admins; a leader's chain is not enough
                                allow(POST, "/api/oversight/what-if", SUPERVISOR, ADMIN),
                                allow(GET, "/api/oversight/what-if/{job}", SUPERVISOR, ADMIN)))
                .toList();
    }
}
