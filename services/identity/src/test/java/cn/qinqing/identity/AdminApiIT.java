package cn.qinqing.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qinqing.testsupport.ContractSamples;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Administration of users and clients over {@code /api/identity}: only an admin's token is let in; each change is an
 * audit record with its actor; bad input is refused field by field and changes nothing; a client's secret is shown
 * once and works.
 */
class AdminApiIT extends RunningIdentityServer {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static String tokenOf(String username) {
        return tokenOf(username, DEMO_PASSWORD);
    }

    private static String tokenOf(String username, String password) {
        Browser browser = new Browser();
        Pkce pkce = Pkce.create();
        URI callback = signInThroughAuthorize(
                browser, authorizeUrl("qinqing-cli", CLI_REDIRECT, "admin-api", pkce), username, password);
        HttpResponse<String> tokens = browser.postForm(
                BASE + "/oauth2/token",
                Map.of(
                        "grant_type",
                        "authorization_code",
                        "code",
                        queryParameter(callback, "code"),
                        "redirect_uri",
                        CLI_REDIRECT,
                        "client_id",
                        "qinqing-cli",
                        "code_verifier",
                        pkce.verifier()));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        return (String) json(tokens).get("access_token");
    }

    private static HttpResponse<String> call(String method, String path, String token, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path))
                    .header("Accept", "application/json")
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private int users() {
        return jdbc.queryForObject("SELECT count(*) FROM users", Integer.class);
    }

    @Test
    void anAdminCreatesChangesDisablesAndResetsAUserAndEveryChangeIsAuditedWithTheActor() {
        String admin = tokenOf("admin");
        Map<String, Object> official = Map.of(
                "username", "official-sci",
                "displayName", "赵敏",
                "role", "OFFICIAL",
                "departmentId", "science-tech",
                "password", "a-long-first-password");

        var created = call("POST", "/api/identity/users", admin, official);
        var twice = call("POST", "/api/identity/users", admin, official);
        int before = users();
        var noDepartment = call(
                "POST",
                "/api/identity/users",
                admin,
                Map.of(
                        "username",
                        "official-x",
                        "displayName",
                        "x",
                        "role",
                        "OFFICIAL",
                        "password",
                        "a-long-password-1"));
        var shortPassword = call(
                "POST",
                "/api/identity/users",
                admin,
                Map.of("username", "official-y", "displayName", "y", "role", "DISPATCHER", "password", "short"));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(noDepartment.statusCode()).isEqualTo(400);
        assertThat(noDepartment.body()).contains("\"field\":\"departmentId\"");
        assertThat(shortPassword.statusCode()).isEqualTo(400);
        assertThat(shortPassword.body()).contains("\"field\":\"password\"");
        assertThat(users()).isEqualTo(before);

        // the new official signs in; moved to a leader's role, disabled, their refresh tokens are gone
        assertThat(tokenOf("official-sci", "a-long-first-password")).isNotBlank();
        var moved = call(
                "PUT",
                "/api/identity/users/official-sci",
                admin,
                Map.of("displayName", "赵敏", "role", "DISPATCHER", "enabled", false));
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM oauth2_authorization WHERE principal_name = 'official-sci'",
                        Integer.class))
                .isZero();
        var reset = call(
                "POST", "/api/identity/users/official-sci/password", admin, Map.of("password", "a-new-long-password"));
        assertThat(reset.statusCode()).isEqualTo(204);

        var user = call("GET", "/api/identity/users/official-sci", admin, null);
        assertThat(user.statusCode()).isEqualTo(200);
        assertThat(user.body())
                .contains("\"enabled\":false")
                .contains("PASSWORD_RESET")
                .contains("USER_DISABLED")
                .contains("USER_CREATED")
                .contains("\"actor\":\"admin\"")
                .doesNotContain("a-new-long-password")
                .doesNotContain("password_hash");
    }

    @Test
    void anEnterprisesIntegrationClientGetsItsSecretOnceAndActsForThatEnterprise() {
        String admin = tokenOf("admin");
        var created = call(
                "POST",
                "/api/identity/clients",
                admin,
                Map.of("clientId", "enterprise-a-erp", "name", "青山光伏 ERP", "enterpriseId", "91150200MA0QA0001T"));
        var badCode = call(
                "POST",
                "/api/identity/clients",
                admin,
                Map.of("clientId", "enterprise-x-erp", "name", "x", "enterpriseId", "91150200MA0QA0001X"));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String secret = (String) json(created).get("clientSecret");
        assertThat(secret).hasSizeGreaterThan(30);
        assertThat(badCode.statusCode()).isEqualTo(400);
        assertThat(badCode.body()).contains("\"field\":\"enterpriseId\"");
        var token = new Browser()
                .postForm(
                        BASE + "/oauth2/token",
                        Map.of("grant_type", "client_credentials"),
                        basic("enterprise-a-erp", secret));
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        assertThat(verified((String) json(token).get("access_token")).getClaim("enterprise_id"))
                .isEqualTo("91150200MA0QA0001T");
        var list = call("GET", "/api/identity/clients", admin, null);
        assertThat(list.body()).contains("enterprise-a-erp").doesNotContain(secret);

        var renewed = call("POST", "/api/identity/clients/enterprise-a-erp/secret", admin, null);
        assertThat(renewed.statusCode()).isEqualTo(200);
        assertThat(new Browser()
                        .postForm(
                                BASE + "/oauth2/token",
                                Map.of("grant_type", "client_credentials"),
                                basic("enterprise-a-erp", secret))
                        .statusCode())
                .as("the old secret stops working")
                .isEqualTo(401);
    }

    @Test
    void aDisabledClientGetsNoTokenUntilItIsEnabledAgainAndBothChangesAreAudited() {
        String admin = tokenOf("admin");
        var created = call(
                "POST",
                "/api/identity/clients",
                admin,
                Map.of("clientId", "enterprise-b-mes", "name", "新能多晶硅 MES", "enterpriseId", "91150200MA0QB0002M"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String secret = (String) json(created).get("clientSecret");
        assertThat(clientCredentials("enterprise-b-mes", secret)).as("before").isEqualTo(200);

        var disabled = call("PUT", "/api/identity/clients/enterprise-b-mes/enabled", admin, Map.of("enabled", false));

        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
        assertThat(json(disabled).get("enabled")).isEqualTo(false);
        assertThat(clientCredentials("enterprise-b-mes", secret))
                .as("a disabled client gets no token")
                .isEqualTo(401);
        var list = call("GET", "/api/identity/clients", admin, null);
        assertThat(list.body()).contains("\"clientId\":\"enterprise-b-mes\"");
        // the portal's admin page reads this list: its sample stays true to it
        ContractSamples.verify("identity", "clients", readTree(list.body()));

        var enabled = call("PUT", "/api/identity/clients/enterprise-b-mes/enabled", admin, Map.of("enabled", true));

        assertThat(enabled.statusCode()).as(enabled.body()).isEqualTo(200);
        assertThat(json(enabled).get("enabled")).isEqualTo(true);
        assertThat(clientCredentials("enterprise-b-mes", secret))
                .as("enabled again")
                .isEqualTo(200);
        assertThat(jdbc.queryForList(
                        "SELECT action FROM admin_audit WHERE subject_type = 'CLIENT' AND subject_id = ?"
                                + " AND actor = 'admin' ORDER BY id",
                        String.class,
                        "enterprise-b-mes"))
                .containsExactly("CLIENT_CREATED", "CLIENT_DISABLED", "CLIENT_ENABLED");
    }

    @Test
    void aClientsStateRefusesBadInputAndChangesNothing() {
        String admin = tokenOf("admin");
        long before = jdbc.queryForObject("SELECT count(*) FROM admin_audit", Long.class);

        var missing = call("PUT", "/api/identity/clients/enterprise-a-client/enabled", admin, Map.of());
        var unknown = call("PUT", "/api/identity/clients/no-such-client/enabled", admin, Map.of("enabled", false));
        var ownClient = call("PUT", "/api/identity/clients/qinqing-cli/enabled", admin, Map.of("enabled", false));

        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(missing.body()).contains("\"field\":\"enabled\"");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(ownClient.statusCode())
                .as("the client the admin is signed in through is not theirs to disable")
                .isEqualTo(400);
        assertThat(ownClient.body()).contains("\"field\":\"enabled\"");
        assertThat(clientCredentials("enterprise-a-client", DEMO_PASSWORD)).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM admin_audit", Long.class))
                .isEqualTo(before);
    }

    private static JsonNode readTree(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private static int clientCredentials(String clientId, String secret) {
        return new Browser()
                .postForm(BASE + "/oauth2/token", Map.of("grant_type", "client_credentials"), basic(clientId, secret))
                .statusCode();
    }

    @Test
    void nobodyButAnAdminReachesTheAdministrationApi() {
        for (String username : List.of("enterprise-a", "dispatcher", "official", "leader", "supervisor")) {
            String token = tokenOf(username);
            assertThat(call("GET", "/api/identity/users", token, null).statusCode())
                    .as(username)
                    .isEqualTo(403);
            assertThat(call("POST", "/api/identity/clients", token, Map.of("clientId", "x"))
                            .statusCode())
                    .as(username)
                    .isEqualTo(403);
            assertThat(call("PUT", "/api/identity/clients/enterprise-a-client/enabled", token, Map.of("enabled", false))
                            .statusCode())
                    .as(username)
                    .isEqualTo(403);
        }
        assertThat(clientCredentials("enterprise-a-client", DEMO_PASSWORD))
                .as("still enabled")
                .isEqualTo(200);
        assertThat(call("GET", "/api/identity/users", null, null).statusCode()).isEqualTo(401);
        assertThat(call("PUT", "/api/identity/users/admin", "not-a-token", Map.of())
                        .statusCode())
                .isEqualTo(401);
    }
}
