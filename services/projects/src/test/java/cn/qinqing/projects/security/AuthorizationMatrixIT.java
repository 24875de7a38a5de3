package cn.qinqing.projects.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qinqing.platform.security.AuthorizationPolicy;
import cn.qinqing.projects.ProjectsApiTestBase;
import cn.qinqing.testsupport.AuthorizationMatrix;
import cn.qinqing.testsupport.AuthorizationMatrix.Endpoint;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every endpoint of the declared policy, every role and no token, answer as the policy says. */
class AuthorizationMatrixIT extends ProjectsApiTestBase {

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

        assertThat(endpoints).hasSizeGreaterThanOrEqualTo(8);
        assertThat(AuthorizationMatrix.violations(api, tokens, endpoints)).isEmpty();
    }
}
