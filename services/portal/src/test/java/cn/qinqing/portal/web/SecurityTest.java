package cn.qinqing.portal.web;

import static cn.qinqing.portal.Users.dispatcher;
import static cn.qinqing.portal.Users.enterpriseA;
import static cn.qinqing.portal.Users.leader;
import static cn.qinqing.portal.Users.official;
import static cn.qinqing.portal.Users.supervisor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.qinqing.portal.PortalTestBase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;

/** Who may open which pages, sign-in, CSRF and the security headers every page carries. */
class SecurityTest extends PortalTestBase {

    @LocalServerPort
    private int port;

    @Test
    void aScraperOnTheSameMachineReadsTheMetricsWithoutSigningInAndNobodyElseDoes() throws Exception {
        mvc.perform(get("/actuator/prometheus"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("jvm_memory_used_bytes{application=\"portal\"")));
        mvc.perform(get("/actuator/prometheus").with(request -> {
                    request.setRemoteAddr("198.51.100.7");
                    return request;
                }))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/actuator/prometheus").header("X-Forwarded-For", "203.0.113.9"))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void aVisitorWhoIsNotSignedInIsSentToTheIdentityProvidersSignIn() throws Exception {
        mvc.perform(get("/enterprise/appeals/new"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("http://localhost/oauth2/authorization/qinqing"));
    }

    @Test
    void signingInAsksTheProviderForACodeWithPkceAndThePagesLanguage() throws Exception {
        mvc.perform(get("/oauth2/authorization/qinqing")
                        .cookie(new jakarta.servlet.http.Cookie("QINQING_PORTAL_LANG", "en")))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", startsWith("http://localhost:9000/oauth2/authorize?")))
                .andExpect(header().string("Location", containsString("code_challenge_method=S256")))
                .andExpect(header().string("Location", containsString("client_id=qinqing-portal")))
                .andExpect(header().string("Location", containsString("ui_locales=en")));
    }

    @Test
    void anHtmxRequestWithoutASessionIsAnswered401SoThatThePageReloads() throws Exception {
        mvc.perform(get("/enterprise/appeals").header("HX-Request", "true")).andExpect(status().isUnauthorized());
    }

    @Test
    void theStartPageIsOpenToEveryoneAndOffersSignIn() throws Exception {
        mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("/oauth2/authorization/qinqing")));
    }

    @Test
    void theIconIsOpenToEveryoneUnderBothNamesABrowserAsksFor() throws Exception {
        mvc.perform(get("/favicon.svg")).andExpect(status().isOk());
        mvc.perform(get("/favicon.ico"))
                .andExpect(status().isMovedPermanently())
                .andExpect(redirectedUrl("/favicon.svg"));
    }

    @Test
    void aSignedInUserIsSentFromTheStartPageToTheirRolesPages() throws Exception {
        mvc.perform(get("/").with(official())).andExpect(redirectedUrl("/official"));
        mvc.perform(get("/").with(enterpriseA())).andExpect(redirectedUrl("/enterprise"));
        mvc.perform(get("/").with(supervisor())).andExpect(redirectedUrl("/supervisor"));
    }

    @Test
    void anEnterpriseUserMayNotOpenAnotherRolesPages() throws Exception {
        forbidden(enterpriseA(), "/official", "/dispatcher", "/leader", "/supervisor");
    }

    @Test
    void cityStaffMayNotOpenTheEnterprisePages() throws Exception {
        forbidden(official(), "/enterprise", "/enterprise/appeals/new", "/dispatcher", "/supervisor");
        forbidden(dispatcher(), "/enterprise", "/official", "/leader");
        forbidden(leader(), "/enterprise/appeals", "/official", "/supervisor");
        forbidden(supervisor(), "/enterprise", "/official", "/dispatcher", "/leader");
    }

    @Test
    void theForbiddenPageIsTheUsersLanguage() throws Exception {
        mvc.perform(get("/official").with(enterpriseA()))
                .andExpect(status().isForbidden())
                .andExpect(
                        org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl("/error/403"));
        mvc.perform(get("/error/403").with(enterpriseA()))
                .andExpect(status().isForbidden())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("无权访问")));
        mvc.perform(get("/error/403?lang=en").with(enterpriseA()))
                .andExpect(status().isForbidden())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("Not allowed")));
    }

    @Test
    void aFormSentWithoutItsCsrfTokenIsRefusedAndNothingIsCalled() throws Exception {
        mvc.perform(post("/enterprise/appeals/new").with(enterpriseA()).param("title", "x"))
                .andExpect(status().isForbidden());
        org.mockito.Mockito.verifyNoInteractions(appeals);
        mvc.perform(post("/enterprise/registration").with(enterpriseA()).with(csrf().useInvalidToken()))
                .andExpect(status().isForbidden());
        org.mockito.Mockito.verifyNoInteractions(appeals);
    }

    @Test
    void signingOutIsAFormWithCsrfThatEndsAtTheProvidersLogout() throws Exception {
        mvc.perform(post("/logout").with(enterpriseA())).andExpect(status().isForbidden());
        mvc.perform(post("/logout").with(enterpriseA()).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", startsWith("http://localhost:9000/connect/logout?")))
                .andExpect(header().string("Location", containsString("post_logout_redirect_uri=http://localhost/")));
    }

    @Test
    void everyPageCarriesAStrictContentSecurityPolicyAndFrameProtection() throws Exception {
        mvc.perform(get("/"))
                .andExpect(header().string(
                                "Content-Security-Policy", containsString("default-src 'self'; script-src 'self'")))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                .andExpect(header().string(
                                "Content-Security-Policy", containsString("form-action 'self' http://localhost:9000")))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    /** Requests Tomcat refuses before any filter runs: the answer is still the portal's, with its headers. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "a header over Tomcat's 8 KB limit, /, 20000",
        "an encoded NUL, /%00, 0",
        "an encoded slash, /css/a%2Fb.css, 0"
    })
    void requestsTomcatRefusesAreAnsweredWithTheSecurityHeaders(String kind, String path, int headerBytes)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (headerBytes > 0) {
            request.header("X-Padding", "a".repeat(headerBytes));
        }
        HttpResponse<String> response =
                HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(kind).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .as(kind)
                .hasValueSatisfying(csp -> assertThat(csp)
                        .contains("default-src 'self'; script-src 'self'")
                        .contains("form-action 'self' http://localhost:9000")
                        .contains("frame-ancestors 'none'"));
        assertThat(response.headers().firstValue("X-Frame-Options")).as(kind).contains("DENY");
        assertThat(response.headers().firstValue("X-Content-Type-Options"))
                .as(kind)
                .contains("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).as(kind).contains("same-origin");
        assertThat(response.headers().firstValue("Content-Type")).as(kind).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/html"));
        assertThat(response.body()).as(kind).contains("(400)").doesNotContain("Apache Tomcat", "Exception");
    }

    @Test
    void theLanguageChoiceIsRememberedInASecureHttpOnlyCookie() throws Exception {
        mvc.perform(get("/?lang=en"))
                .andExpect(cookie().value("QINQING_PORTAL_LANG", "en"))
                .andExpect(cookie().httpOnly("QINQING_PORTAL_LANG", true))
                .andExpect(cookie().secure("QINQING_PORTAL_LANG", true))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("Sign in")));
    }

    @Test
    void htmxIsServedFromThePortalItself() throws Exception {
        mvc.perform(get("/webjars/htmx.org/2.0.4/dist/htmx.min.js")).andExpect(status().isOk());
        mvc.perform(get("/css/portal.css")).andExpect(status().isOk());
    }

    private void forbidden(OidcLoginRequestPostProcessor user, String... paths) throws Exception {
        for (String path : paths) {
            mvc.perform(get(path).with(user)).andExpect(status().isForbidden());
        }
    }
}
