package cn.qinqing.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qinqing.language.UnifiedSocialCreditCode;
import com.nimbusds.jwt.JWTClaimsSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

class StorageIT extends RunningIdentityServer {

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    cn.qinqing.identity.client.ClientRegistry clients;

    @Autowired
    cn.qinqing.identity.token.ExpiredAuthorizations expiredAuthorizations;

    /** R12: an authorization whose every token expired a day ago is deleted; a live one and a young one stay. */
    @Test
    void authorizationsExpiredLongerThanTheirRetentionAreDeleted() {
        String client = jdbc.queryForObject(
                "SELECT id FROM oauth2_registered_client WHERE client_id = 'admin-client'", String.class);
        authorization("retention-expired-long-ago", client, "2 days");
        authorization("retention-expired-lately", client, "1 hour");
        authorization("retention-live", client, "-1 hour");

        expiredAuthorizations.enforce();

        assertThat(jdbc.queryForList(
                        "SELECT id FROM oauth2_authorization WHERE id LIKE 'retention-%' ORDER BY id", String.class))
                .containsExactly("retention-expired-lately", "retention-live");
        jdbc.update("DELETE FROM oauth2_authorization WHERE id LIKE 'retention-%'");
    }

    /** A client-credentials authorization whose access token expired {@code ago} (negative: expires in the future). */
    private void authorization(String id, String client, String ago) {
        jdbc.update(
                "INSERT INTO oauth2_authorization (id, registered_client_id, principal_name, authorization_grant_type,"
                        + " access_token_value, access_token_issued_at, access_token_expires_at)"
                        + " VALUES (?, ?, 'admin-client', 'client_credentials', 'token-' || ?,"
                        + " now() - CAST(? AS interval) - interval '30 minutes', now() - CAST(? AS interval))",
                id,
                client,
                id,
                ago,
                ago);
    }

    @Test
    void passwordsAreStoredAsBcryptHashesOnly() {
        List<Map<String, Object>> users = jdbc.queryForList("SELECT username, password_hash FROM users");

        assertThat(users).hasSize(15);
        for (Map<String, Object> user : users) {
            String hash = (String) user.get("password_hash");
            assertThat(hash).as((String) user.get("username")).startsWith("{bcrypt}$2");
            assertThat(hash).doesNotContain(DEMO_PASSWORD);
            assertThat(passwordEncoder.matches(DEMO_PASSWORD, hash)).isTrue();
        }
    }

    @Test
    void clientSecretsAreStoredHashedAndThePublicClientHasNone() {
        Map<String, String> secrets = new java.util.HashMap<>();
        jdbc.query("SELECT client_id, client_secret FROM oauth2_registered_client", rs -> {
            secrets.put(rs.getString("client_id"), rs.getString("client_secret"));
        });

        assertThat(secrets)
                .containsOnlyKeys(
                        "qinqing-cli",
                        "qinqing-portal",
                        "enterprise-a-client",
                        "enterprise-b-client",
                        "supervisor-client",
                        "admin-client");
        assertThat(secrets.get("qinqing-cli")).isNull();
        secrets.forEach((client, secret) -> {
            if (secret != null) {
                assertThat(secret).as(client).startsWith("{bcrypt}$2").doesNotContain(DEMO_PASSWORD);
                assertThat(passwordEncoder.matches(DEMO_PASSWORD, secret)).isTrue();
            }
        });
    }

    @Test
    void theClientBindingIsStoredInTheClientSettings() {
        String settings = jdbc.queryForObject(
                "SELECT client_settings FROM oauth2_registered_client WHERE client_id = 'enterprise-a-client'",
                String.class);

        assertThat(settings)
                .contains("\"settings.qinqing.role\":\"ENTERPRISE\"")
                .contains("\"settings.qinqing.enterprise-id\":\"91150200MA0QA0001T\"");
    }

    @Test
    void anotherInstanceOnTheSameDatabaseSignsWithTheSameKeyAndSeedsNothingTwice() throws Exception {
        String token = (String) json(new Browser()
                        .postForm(
                                BASE + "/oauth2/token",
                                Map.of("grant_type", "client_credentials"),
                                basic("enterprise-a-client", DEMO_PASSWORD)))
                .get("access_token");
        String kid = (String) ((Map<?, ?>) ((List<?>) json(new Browser().getJson(BASE + "/oauth2/jwks", null))
                                .get("keys"))
                        .get(0))
                .get("kid");

        // a restart, or a second instance: a new application on the same database (the test support points it there)
        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(IdentityApplication.class)
                .profiles("local")
                .properties("server.port=0", "qinqing.identity.issuer=" + BASE)
                .run()) {
            int port = ((WebServerApplicationContext) restarted).getWebServer().getPort();
            String restartedJwks = "http://127.0.0.1:" + port + "/oauth2/jwks";

            Map<?, ?> key = (Map<?, ?>)
                    ((List<?>) json(new Browser().getJson(restartedJwks, null)).get("keys")).get(0);
            assertThat(key.get("kid")).isEqualTo(kid);
            JWTClaimsSet claims = verified(token, restartedJwks);
            assertThat(claims.getSubject()).isEqualTo("enterprise-a-client");
        }

        assertThat(jdbc.queryForObject("SELECT count(*) FROM signing_key", Integer.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM users", Integer.class))
                .isEqualTo(15);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM oauth2_registered_client", Integer.class))
                .isEqualTo(6);
    }

    @Test
    void aRestartWithThePortalElsewhereMovesTheDemoPortalClientsRedirects() {
        String query = "SELECT redirect_uris || ' ' || post_logout_redirect_uris FROM oauth2_registered_client"
                + " WHERE client_id = 'qinqing-portal'";
        String before = jdbc.queryForObject(query, String.class);
        assertThat(before).isEqualTo(PORTAL_REDIRECT + " http://localhost:8080/");
        try {
            // the launcher with --port-offset=100 tells identity where the portal is
            try (ConfigurableApplicationContext ignored = new SpringApplicationBuilder(IdentityApplication.class)
                    .profiles("local")
                    .properties("server.port=0", "qinqing.identity.issuer=" + BASE)
                    .run("--qinqing.demo.portal-url=http://localhost:8180")) {
                assertThat(jdbc.queryForObject(query, String.class))
                        .isEqualTo("http://localhost:8180/login/oauth2/code/qinqing http://localhost:8180/");
            }
        } finally {
            clients.alignRedirectUris(new cn.qinqing.identity.client.NewClient(
                    "qinqing-portal",
                    null,
                    DEMO_PASSWORD,
                    List.of("authorization_code"),
                    List.of(PORTAL_REDIRECT),
                    List.of("http://localhost:8080/"),
                    List.of("openid"),
                    null));
        }
        assertThat(jdbc.queryForObject(query, String.class)).isEqualTo(before);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM oauth2_registered_client WHERE client_id = 'qinqing-portal'",
                        Integer.class))
                .isEqualTo(1);
    }

    @Test
    void extraClientsFromTheCommandLineAreSeededBesideTheDemoClients() throws Exception {
        String code = "91150200MABN00001" + UnifiedSocialCreditCode.checkCharacter("91150200MABN00001");
        try {
            // as ./deploy/bench.sh starts identity for its enterprises
            try (ConfigurableApplicationContext withExtra = new SpringApplicationBuilder(IdentityApplication.class)
                    .profiles("local")
                    .properties("server.port=0", "qinqing.identity.issuer=" + BASE)
                    .run(
                            "--qinqing.demo.extra-clients[0].client-id=bench-enterprise-01",
                            "--qinqing.demo.extra-clients[0].name=Benchmark enterprise 01",
                            "--qinqing.demo.extra-clients[0].secret=" + DEMO_PASSWORD,
                            "--qinqing.demo.extra-clients[0].grant-types=client_credentials",
                            "--qinqing.demo.extra-clients[0].role=ENTERPRISE",
                            "--qinqing.demo.extra-clients[0].enterprise-id=" + code)) {
                int port =
                        ((WebServerApplicationContext) withExtra).getWebServer().getPort();
                String tokens = "http://127.0.0.1:" + port + "/oauth2/token";
                String jwks = "http://127.0.0.1:" + port + "/oauth2/jwks";

                JWTClaimsSet extra = verified(
                        (String) json(new Browser()
                                        .postForm(
                                                tokens,
                                                Map.of("grant_type", "client_credentials"),
                                                basic("bench-enterprise-01", DEMO_PASSWORD)))
                                .get("access_token"),
                        jwks);
                assertThat(extra.getStringListClaim("roles")).containsExactly("ENTERPRISE");
                assertThat(extra.getStringClaim("enterprise_id")).isEqualTo(code);
                JWTClaimsSet demo = verified(
                        (String) json(new Browser()
                                        .postForm(
                                                tokens,
                                                Map.of("grant_type", "client_credentials"),
                                                basic("enterprise-a-client", DEMO_PASSWORD)))
                                .get("access_token"),
                        jwks);
                assertThat(demo.getStringClaim("enterprise_id")).isEqualTo("91150200MA0QA0001T");
                assertThat(jdbc.queryForObject("SELECT count(*) FROM oauth2_registered_client", Integer.class))
                        .isEqualTo(7);
            }
        } finally {
            // the other tests count the demo clients
            jdbc.update("DELETE FROM oauth2_registered_client WHERE client_id = 'bench-enterprise-01'");
        }
    }
}
