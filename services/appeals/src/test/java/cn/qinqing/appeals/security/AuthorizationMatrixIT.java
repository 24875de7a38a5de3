package cn.qinqing.appeals.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qinqing.appeals.AppealsApiTestBase;
import cn.qinqing.platform.security.AuthorizationPolicy;
import cn.qinqing.testsupport.AuthorizationMatrix;
import cn.qinqing.testsupport.AuthorizationMatrix.Endpoint;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** R6: every endpoint of the declared policy, every role and no token, answer as the policy says. */
class AuthorizationMatrixIT extends AppealsApiTestBase {

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

        assertThat(endpoints).hasSizeGreaterThan(8);
        assertThat(AuthorizationMatrix.violations(api, tokens, endpoints)).isEmpty();
    }

    /**
     * Issue 22: the Open311 facade is the only part of the service open without a token, and only its reads and its
     * one POST (whose api_key the facade itself checks: Open311SpecificationIT); everything else there stays denied.
     */
    @Test
    void onlyTheOpen311ReadsAndItsPostOfARequestAreOpenWithoutAToken() {
        var open = policies.stream()
                .flatMap(policy -> policy.rules().stream())
                .filter(rule -> rule.isPublic())
                .map(rule -> rule.method().name() + " " + rule.pattern())
                .toList();
        assertThat(open)
                .allMatch(rule ->
                        rule.startsWith("GET /open311/v2/") || rule.equals("POST /open311/v2/requests.{format}"))
                .contains("GET /open311/v2/requests.{format}", "GET /open311/v2/tokens/{token}.{format}");

        assertThat(api.post("/open311/v2/services.json").body("{}").send().status())
                .isEqualTo(401);
        assertThat(api.delete("/open311/v2/requests/" + java.util.UUID.randomUUID() + ".json")
                        .send()
                        .status())
                .isEqualTo(401);
        assertThat(api.put("/open311/v2/requests.json").body("{}").send().status())
                .isEqualTo(401);
        assertThat(api.get("/open311/v3/services.json").send().status()).isEqualTo(401);
        assertThat(api.get("/open311/v2/admin.json").send().status()).isEqualTo(401);
        assertThat(api.get("/api/appeals").send().status())
                .as("the appeals API still wants a token")
                .isEqualTo(401);
        assertThat(api.get("/open311/v2/services.json").send().status()).isEqualTo(200);
    }
}
