package cn.qinqing.resolution.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qinqing.platform.security.AuthorizationPolicy;
import cn.qinqing.resolution.ResolutionApiTestBase;
import cn.qinqing.testsupport.AuthorizationMatrix;
import cn.qinqing.testsupport.AuthorizationMatrix.Endpoint;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every endpoint of the declared policy, every role and no token, answer as the policy says. */
class AuthorizationMatrixIT extends ResolutionApiTestBase {

    @Autowired
    List<AuthorizationPolicy> policies;

    @Test
    void everyEndpointAnswersEveryRoleAsThePolicySays() {
        List<Endpoint> endpoints = policies.stream()
                .flatMap(policy -> policy.rules().stream())
                .map(rule -> new Endpoint(
                        rule.method().name(),
                        rule.pattern(),
                        rule.roles().stream().map(Enum::name).collect(Collectors.toSet())))
                .toList();

        assertThat(endpoints).hasSizeGreaterThan(10);
        assertThat(endpoints)
                .as("SLA tiers: admin writes, supervisors and leaders read")
                .contains(
                        new Endpoint("GET", "/api/resolution/sla-tiers", Set.of("ADMIN", "SUPERVISOR", "LEADER")),
                        new Endpoint(
                                "GET", "/api/resolution/sla-tiers/history", Set.of("ADMIN", "SUPERVISOR", "LEADER")),
                        new Endpoint("PUT", "/api/resolution/sla-tiers/{category}/{urgency}", Set.of("ADMIN")));
        assertThat(AuthorizationMatrix.violations(api, tokens, endpoints)).isEmpty();
    }
}
