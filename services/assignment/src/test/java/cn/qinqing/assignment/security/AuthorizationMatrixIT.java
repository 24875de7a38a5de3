package cn.qinqing.assignment.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qinqing.assignment.AssignmentApiTestBase;
import cn.qinqing.platform.security.AuthorizationPolicy;
import cn.qinqing.testsupport.AuthorizationMatrix;
import cn.qinqing.testsupport.AuthorizationMatrix.Endpoint;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** R6: every endpoint of the declared policy, every role and no token, answer as the policy says. */
class AuthorizationMatrixIT extends AssignmentApiTestBase {

    @Autowired
    List<AuthorizationPolicy> policies;

    @Test
    void everyEndpointAnswersEveryRoleAsThePolicySays() {
        List<Endpoint> endpoints = policies.stream()
                .flatMap(policy -> policy.rules().stream())
                .map(rule -> new Endpoint(
                        rule.method().name(),
                        ownResource(rule.pattern()),
                        rule.roles().stream().map(Enum::name).collect(Collectors.toSet())))
                .toList();

        assertThat(endpoints).hasSizeGreaterThan(30);
        assertThat(AuthorizationMatrix.violations(api, tokens, endpoints)).isEmpty();
    }

    /**
     * An official reads only their own department's inbox and a leader only their own cases (403 for anyone else's,
     * tested in AssignmentAuthorizationIT); here each role asks for its own, as the matrix's tokens name them.
     */
    private static String ownResource(String pattern) {
        return pattern.replace("/departments/{departmentId}/inbox", "/departments/industry-it/inbox")
                .replace("/leaders/{leaderId}/cases", "/leaders/matrix-leader/cases")
                .replace("/leaders/{leaderId}/supervision-notices", "/leaders/matrix-leader/supervision-notices");
    }
}
