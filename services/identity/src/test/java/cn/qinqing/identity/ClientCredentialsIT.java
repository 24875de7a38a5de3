package cn.qinqing.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientCredentialsIT extends RunningIdentityServer {

    private final Browser browser = new Browser();

    private HttpResponse<String> token(String clientId, String secret) {
        return browser.postForm(
                BASE + "/oauth2/token", Map.of("grant_type", "client_credentials"), basic(clientId, secret));
    }

    @Test
    void enterpriseClientGetsASignedTokenNamingItsEnterprise() throws Exception {
        HttpResponse<String> response = token("enterprise-a-client", DEMO_PASSWORD);

        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> body = json(response);
        assertThat(body).containsEntry("token_type", "Bearer");
        JWTClaimsSet claims = verified((String) body.get("access_token"));
        assertThat(claims.getIssuer()).isEqualTo(BASE);
        assertThat(claims.getSubject()).isEqualTo("enterprise-a-client");
        assertThat(claims.getStringListClaim("roles")).containsExactly("ENTERPRISE");
        assertThat(claims.getStringClaim("enterprise_id")).isEqualTo("91150200MA0QA0001T");
        assertThat(claims.getClaim("department_id")).isNull();
        assertThat(claims.getStringClaim("name")).contains("包头青山光伏材料有限公司");
        assertThat(Duration.between(
                        claims.getIssueTime().toInstant(),
                        claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void eachEnterpriseClientActsForItsOwnEnterprise() throws Exception {
        JWTClaimsSet claims = verified(
                (String) json(token("enterprise-b-client", DEMO_PASSWORD)).get("access_token"));

        assertThat(claims.getStringListClaim("roles")).containsExactly("ENTERPRISE");
        assertThat(claims.getStringClaim("enterprise_id")).isEqualTo("91150200MA0QB0002M");
    }

    @Test
    void supervisorClientGetsTheSupervisorRoleAndNoEnterprise() throws Exception {
        JWTClaimsSet claims = verified(
                (String) json(token("supervisor-client", DEMO_PASSWORD)).get("access_token"));

        assertThat(claims.getStringListClaim("roles")).containsExactly("SUPERVISOR");
        assertThat(claims.getClaim("enterprise_id")).isNull();
    }

    @Test
    void wrongSecretIsRefusedAndGetsNoToken() {
        HttpResponse<String> response = token("enterprise-a-client", "not-the-secret");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response)).containsEntry("error", "invalid_client").doesNotContainKey("access_token");
    }

    @Test
    void aClientWithoutTheGrantGetsNoToken() {
        // the portal signs people in; it may not get tokens for itself
        HttpResponse<String> response = token("qinqing-portal", DEMO_PASSWORD);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response)).containsEntry("error", "unauthorized_client");
    }
}
