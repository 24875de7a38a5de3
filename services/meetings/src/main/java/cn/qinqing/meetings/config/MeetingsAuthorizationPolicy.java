package cn.qinqing.meetings.config;

import static cn.qinqing.language.Role.ADMIN;
import static cn.qinqing.language.Role.ENTERPRISE;
import static cn.qinqing.language.Role.LEADER;
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
 * Who may call what in the meetings API. Leaders (and admins) run meetings, and only the host of a meeting (or an
 * admin) changes it; an enterprise sees only the meetings it is invited to and proposes topics only there; supervisors
 * read everything; dispatchers and officials have no business here. The controllers and the meeting narrow further.
 */
@Component
class MeetingsAuthorizationPolicy implements AuthorizationPolicy {

    @Override
    public List<EndpointRule> rules() {
        return List.of(
                // literal paths before the {id} patterns that would also match them
                allow(GET, "/api/meetings/invitations", ENTERPRISE),
                allow(POST, "/api/meetings", LEADER, ADMIN),
                allow(GET, "/api/meetings", ENTERPRISE, LEADER, SUPERVISOR, ADMIN),
                allow(GET, "/api/meetings/{id}", ENTERPRISE, LEADER, SUPERVISOR, ADMIN),
                allow(POST, "/api/meetings/{id}/invitations", LEADER, ADMIN),
                allow(POST, "/api/meetings/{id}/invitations/{enterpriseId}/acceptance", ENTERPRISE),
                allow(POST, "/api/meetings/{id}/invitations/{enterpriseId}/refusal", ENTERPRISE),
                allow(GET, "/api/meetings/{id}/invitations/{enterpriseId}.ics", ENTERPRISE, LEADER, SUPERVISOR, ADMIN),
                allow(GET, "/api/meetings/{id}/calendar.ics", ENTERPRISE),
                allow(GET, "/api/meetings/{id}/topics", ENTERPRISE, LEADER, SUPERVISOR, ADMIN),
                allow(POST, "/api/meetings/{id}/topics", ENTERPRISE),
                allow(POST, "/api/meetings/{id}/topics/{topicId}/acceptance", LEADER, ADMIN),
                allow(POST, "/api/meetings/{id}/topics/{topicId}/refusal", LEADER, ADMIN),
                allow(GET, "/api/meetings/{id}/agenda", ENTERPRISE, LEADER, SUPERVISOR, ADMIN),
                allow(PUT, "/api/meetings/{id}/agenda", LEADER, ADMIN),
                allow(GET, "/api/meetings/{id}/minutes", ENTERPRISE, LEADER, SUPERVISOR, ADMIN),
                allow(GET, "/api/meetings/{id}/minutes/documents", ENTERPRISE, LEADER, SUPERVISOR, ADMIN),
                allow(GET, "/api/meetings/{id}/minutes/documents/{documentId}", ENTERPRISE, LEADER, SUPERVISOR, ADMIN),
                allow(PUT, "/api/meetings/{id}/minutes", LEADER, ADMIN),
                allow(POST, "/api/meetings/{id}/minutes/publication", LEADER, ADMIN),
                allow(POST, "/api/meetings/{id}/minutes/corrections", LEADER, ADMIN),
                allow(GET, "/api/meetings/{id}/action-items", ENTERPRISE, LEADER, SUPERVISOR, ADMIN),
                allow(POST, "/api/meetings/{id}/action-items", LEADER, ADMIN),
                allow(GET, "/api/meetings/{id}/follow-up", LEADER, SUPERVISOR, ADMIN),
                allow(POST, "/api/meetings/{id}/closure", LEADER, ADMIN));
    }
}
