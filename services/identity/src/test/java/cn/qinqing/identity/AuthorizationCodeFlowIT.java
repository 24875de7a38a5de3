package cn.qinqing.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.util.UriComponentsBuilder;

class AuthorizationCodeFlowIT extends RunningIdentityServer {

    private final Browser browser = new Browser();

    private HttpResponse<String> exchangeForCli(String code, String verifier) {
        return browser.postForm(
                BASE + "/oauth2/token",
                Map.of(
                        "grant_type", "authorization_code",
                        "code", code,
                        "redirect_uri", CLI_REDIRECT,
                        "client_id", "qinqing-cli",
                        "code_verifier", verifier));
    }

    /** The portal's exchange of its code, at the instance {@code base}. */
    private HttpResponse<String> exchangeForPortal(String base, URI callback, Pkce pkce) {
        return browser.postForm(
                base + "/oauth2/token",
                Map.of(
                        "grant_type",
                        "authorization_code",
                        "code",
                        queryParameter(callback, "code"),
                        "redirect_uri",
                        PORTAL_REDIRECT,
                        "code_verifier",
                        pkce.verifier()),
                basic("qinqing-portal", DEMO_PASSWORD));
    }

    /** RP-initiated logout, as the portal sends the browser there, back to the portal's registered address. */
    private HttpResponse<String> signOut(String idToken) {
        return browser.get(UriComponentsBuilder.fromUriString(BASE + "/connect/logout")
                .queryParam("id_token_hint", idToken)
                .queryParam("post_logout_redirect_uri", "http://localhost:8080/")
                .queryParam("state", "bye")
                .build()
                .toUriString());
    }

    @Test
    void cliSignsAnEnterpriseUserInWithPkceAndGetsTokensNamingTheirEnterprise() throws Exception {
        Pkce pkce = Pkce.create();

        URI callback = signInThroughAuthorize(
                browser, authorizeUrl("qinqing-cli", CLI_REDIRECT, "state-1", pkce), "enterprise-a", DEMO_PASSWORD);

        assertThat(callback.toString()).startsWith(CLI_REDIRECT + "?");
        assertThat(queryParameter(callback, "state")).isEqualTo("state-1");
        String code = queryParameter(callback, "code");
        assertThat(code).isNotBlank();

        HttpResponse<String> response = exchangeForCli(code, pkce.verifier());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, Object> tokens = json(response);

        JWTClaimsSet access = verified((String) tokens.get("access_token"));
        assertThat(access.getIssuer()).isEqualTo(BASE);
        assertThat(access.getSubject()).isEqualTo("enterprise-a");
        assertThat(access.getStringListClaim("roles")).containsExactly("ENTERPRISE");
        assertThat(access.getStringClaim("enterprise_id")).isEqualTo("91150200MA0QA0001T");
        assertThat(access.getClaim("department_id")).isNull();
        assertThat(access.getStringClaim("name")).contains("包头青山光伏材料有限公司");

        JWTClaimsSet id = verified((String) tokens.get("id_token"));
        assertThat(id.getSubject()).isEqualTo("enterprise-a");
        assertThat(id.getAudience()).containsExactly("qinqing-cli");
        assertThat(id.getStringListClaim("roles")).containsExactly("ENTERPRISE");
        assertThat(id.getStringClaim("enterprise_id")).isEqualTo("91150200MA0QA0001T");
        assertThat(id.getStringClaim("preferred_username")).isEqualTo("enterprise-a");

        // Spring Authorization Server gives public clients no refresh token: the CLI signs in again
        assertThat(tokens).doesNotContainKey("refresh_token");
    }

    @Test
    void aCodeIsWorthNothingWithoutItsVerifierAndServesOnlyOnce() {
        Pkce pkce = Pkce.create();
        URI callback = signInThroughAuthorize(
                browser, authorizeUrl("qinqing-cli", CLI_REDIRECT, "state-2", pkce), "enterprise-b", DEMO_PASSWORD);
        String code = queryParameter(callback, "code");

        HttpResponse<String> wrongVerifier = exchangeForCli(code, Pkce.create().verifier());
        assertThat(wrongVerifier.statusCode()).isEqualTo(400);
        assertThat(json(wrongVerifier)).containsEntry("error", "invalid_grant").doesNotContainKey("access_token");

        HttpResponse<String> rightVerifier = exchangeForCli(code, pkce.verifier());
        assertThat(rightVerifier.statusCode()).as(rightVerifier.body()).isEqualTo(200);

        HttpResponse<String> replayed = exchangeForCli(code, pkce.verifier());
        assertThat(replayed.statusCode()).isEqualTo(400);
        assertThat(json(replayed)).containsEntry("error", "invalid_grant").doesNotContainKey("access_token");
    }

    @Test
    void theCliMustUsePkce() {
        // signed in already, so the authorize endpoint answers at once
        signInThroughAuthorize(
                browser,
                authorizeUrl("qinqing-cli", CLI_REDIRECT, "state-3", Pkce.create()),
                "dispatcher",
                DEMO_PASSWORD);

        HttpResponse<String> withoutChallenge = browser.get(authorizeUrl("qinqing-cli", CLI_REDIRECT, "state-4", null));

        URI answer = URI.create(Browser.location(withoutChallenge));
        assertThat(queryParameter(answer, "error")).isEqualTo("invalid_request");
        assertThat(queryParameter(answer, "code")).isNull();
    }

    @Test
    void aRedirectUriThatIsNotRegisteredGetsNoCodeButAnErrorPage() {
        HttpResponse<String> response =
                browser.get(authorizeUrl("qinqing-cli", "http://127.0.0.1:9999/evil", "state-5", Pkce.create()));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        // the person sees the service's own page, in Chinese, not a framework's
        assertThat(response.body()).contains("请求未能完成").contains("(400)").doesNotContain("Whitelabel");
    }

    @Test
    void portalSignsAnOfficialInRefreshesReadsUserInfoAndSignsOut() throws Exception {
        Pkce pkce = Pkce.create();
        URI callback = signInThroughAuthorize(
                browser, authorizeUrl("qinqing-portal", PORTAL_REDIRECT, "state-6", pkce), "official", DEMO_PASSWORD);
        assertThat(callback.toString()).startsWith(PORTAL_REDIRECT + "?");

        HttpResponse<String> response = exchangeForPortal(BASE, callback, pkce);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, Object> tokens = json(response);
        JWTClaimsSet access = verified((String) tokens.get("access_token"));
        assertThat(access.getSubject()).isEqualTo("official");
        assertThat(access.getStringListClaim("roles")).containsExactly("OFFICIAL");
        assertThat(access.getStringClaim("department_id")).isEqualTo("industry-it");
        assertThat(access.getClaim("enterprise_id")).isNull();
        assertThat((String) tokens.get("refresh_token")).isNotBlank();

        HttpResponse<String> refreshed = browser.postForm(
                BASE + "/oauth2/token",
                Map.of("grant_type", "refresh_token", "refresh_token", (String) tokens.get("refresh_token")),
                basic("qinqing-portal", DEMO_PASSWORD));
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        Map<String, Object> renewedTokens = json(refreshed);
        String newAccessToken = (String) renewedTokens.get("access_token");
        assertThat(newAccessToken).isNotEqualTo(tokens.get("access_token"));
        JWTClaimsSet renewed = verified(newAccessToken);
        assertThat(renewed.getSubject()).isEqualTo("official");
        assertThat(renewed.getStringListClaim("roles")).containsExactly("OFFICIAL");
        assertThat(renewed.getStringClaim("department_id")).isEqualTo("industry-it");

        HttpResponse<String> userInfo = browser.getJson(BASE + "/userinfo", newAccessToken);
        assertThat(userInfo.statusCode()).as(userInfo.body()).isEqualTo(200);
        assertThat(json(userInfo))
                .containsEntry("sub", "official")
                .containsEntry("roles", List.of("OFFICIAL"))
                .containsEntry("department_id", "industry-it");
        assertThat(json(userInfo).get("name")).asString().contains("工业和信息化局");

        // RP-initiated logout with the latest ID token (a refresh replaces it): the portal sends the browser here and
        // gets it back at its registered address
        HttpResponse<String> logout = signOut((String) renewedTokens.get("id_token"));
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(Browser.location(logout)).isEqualTo("http://localhost:8080/?state=bye");
        HttpResponse<String> afterLogout =
                browser.get(authorizeUrl("qinqing-portal", PORTAL_REDIRECT, "state-7", Pkce.create()));
        assertThat(Browser.location(afterLogout))
                .as("signed out: asked to log in again")
                .endsWith("/login");
    }

    /**
     * Two instances behind a load balancer (issue 18, {@code --replicas=2}): the person signs in on one, the portal
     * exchanges the code on the other, and the sign-out lands on the first. The instance issuing the ID token names
     * the person's sign-in session in it ({@code sid}) only if it knows that session, and the instance that knows it
     * refuses a token without it (400) — so both must read the sessions from PostgreSQL, not their own memory.
     */
    @Test
    void aSignOutIsAcceptedWhicheverInstanceIssuedTheIdToken() {
        Pkce pkce = Pkce.create();
        URI callback = signInThroughAuthorize(
                browser, authorizeUrl("qinqing-portal", PORTAL_REDIRECT, "state-r", pkce), "official", DEMO_PASSWORD);
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(IdentityApplication.class)
                .profiles("local")
                .properties("server.port=0", "qinqing.identity.issuer=" + BASE)
                .run()) {
            String other = "http://127.0.0.1:"
                    + ((WebServerApplicationContext) second).getWebServer().getPort();
            HttpResponse<String> token = exchangeForPortal(other, callback, pkce);
            assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
            String idToken = (String) json(token).get("id_token");

            HttpResponse<String> logout = signOut(idToken);
            assertThat(logout.statusCode())
                    .as("signed out on the instance that signed in")
                    .isEqualTo(302);
            assertThat(Browser.location(logout)).isEqualTo("http://localhost:8080/?state=bye");
        }
    }

    @Test
    void aDisabledUserCanNeitherSignInNorRefresh() {
        Pkce pkce = Pkce.create();
        URI callback = signInThroughAuthorize(
                browser,
                authorizeUrl("qinqing-portal", PORTAL_REDIRECT, "state-d", pkce),
                "official-dev-reform",
                DEMO_PASSWORD);
        Map<String, Object> tokens = json(exchangeForPortal(BASE, callback, pkce));
        assertThat((String) tokens.get("refresh_token")).isNotBlank();

        jdbc.update("UPDATE users SET enabled = false WHERE username = 'official-dev-reform'");
        try {
            HttpResponse<String> refreshed = browser.postForm(
                    BASE + "/oauth2/token",
                    Map.of("grant_type", "refresh_token", "refresh_token", (String) tokens.get("refresh_token")),
                    basic("qinqing-portal", DEMO_PASSWORD));
            assertThat(refreshed.statusCode()).isEqualTo(400);
            assertThat(json(refreshed)).containsEntry("error", "invalid_grant").doesNotContainKey("access_token");

            Browser another = new Browser();
            HttpResponse<String> page = another.follow(
                    another.get(authorizeUrl("qinqing-portal", PORTAL_REDIRECT, "state-e", Pkce.create())));
            HttpResponse<String> login = another.postForm(
                    BASE + "/login",
                    Map.of(
                            "username",
                            "official-dev-reform",
                            "password",
                            DEMO_PASSWORD,
                            "_csrf",
                            Browser.csrfToken(page.body())));
            assertThat(Browser.location(login)).endsWith("/login?error");
        } finally {
            jdbc.update("UPDATE users SET enabled = true WHERE username = 'official-dev-reform'");
        }
    }

    @Test
    void aDepartmentHeadIsALeaderOfThatDepartmentAndTheDeputyMayorOfNone() throws Exception {
        JWTClaimsSet head = accessTokenOf("head-industry-it");
        assertThat(head.getStringListClaim("roles")).containsExactly("LEADER");
        assertThat(head.getStringClaim("department_id")).isEqualTo("industry-it");

        JWTClaimsSet deputyMayor = accessTokenOf("leader");
        assertThat(deputyMayor.getStringListClaim("roles")).containsExactly("LEADER");
        assertThat(deputyMayor.getClaim("department_id")).isNull();
    }

    private JWTClaimsSet accessTokenOf(String username) {
        Browser own = new Browser();
        Pkce pkce = Pkce.create();
        URI callback = signInThroughAuthorize(
                own, authorizeUrl("qinqing-cli", CLI_REDIRECT, "s", pkce), username, DEMO_PASSWORD);
        HttpResponse<String> response = own.postForm(
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
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return verified((String) json(response).get("access_token"));
    }
}
