package cn.qinqing.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiscoveryIT extends RunningIdentityServer {

    private final Browser browser = new Browser();

    @Test
    @SuppressWarnings("unchecked")
    void discoveryDocumentNamesThisIssuerAndItsEndpoints() {
        HttpResponse<String> response = browser.getJson(BASE + "/.well-known/openid-configuration", null);

        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> discovery = json(response);
        assertThat(discovery.get("issuer")).isEqualTo(BASE);
        assertThat(discovery.get("authorization_endpoint")).isEqualTo(BASE + "/oauth2/authorize");
        assertThat(discovery.get("token_endpoint")).isEqualTo(BASE + "/oauth2/token");
        assertThat(discovery.get("jwks_uri")).isEqualTo(BASE + "/oauth2/jwks");
        assertThat(discovery.get("userinfo_endpoint")).isEqualTo(BASE + "/userinfo");
        assertThat(discovery.get("end_session_endpoint")).isEqualTo(BASE + "/connect/logout");
        assertThat((List<Object>) discovery.get("code_challenge_methods_supported"))
                .contains("S256");
        assertThat((List<Object>) discovery.get("ui_locales_supported")).containsExactly("zh-CN", "en");
        assertThat((List<Object>) discovery.get("id_token_signing_alg_values_supported"))
                .contains("RS256");
    }

    @Test
    void jwkSetPublishesOneRsaSigningKeyWithoutItsPrivatePart() {
        HttpResponse<String> response = browser.getJson(BASE + "/oauth2/jwks", null);

        assertThat(response.statusCode()).isEqualTo(200);
        List<?> keys = (List<?>) json(response).get("keys");
        assertThat(keys).hasSize(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> key = (Map<String, Object>) keys.get(0);
        assertThat(key.get("kty")).isEqualTo("RSA");
        assertThat(key.get("alg")).isEqualTo("RS256");
        assertThat(key.get("use")).isEqualTo("sig");
        assertThat((String) key.get("kid")).isNotBlank();
        assertThat(key.keySet()).doesNotContain("d", "p", "q", "dp", "dq", "qi");
        // 2048 bits: the modulus is 256 bytes, 342 base64url characters
        assertThat((String) key.get("n")).hasSize(342);
    }

    @Test
    void healthIsPublicAndNoOtherActuatorEndpointIs() {
        HttpResponse<String> health = browser.getJson(BASE + "/actuator/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json(health)).containsEntry("status", "UP").doesNotContainKey("components");

        for (String endpoint : List.of("/actuator", "/actuator/env", "/actuator/beans", "/actuator/configprops")) {
            assertThat(browser.getJson(BASE + endpoint, null).statusCode())
                    .as(endpoint)
                    .isNotEqualTo(200);
        }
    }

    @Test
    void aScraperOnTheSameMachineReadsTheMetricsWithoutSigningInAndNotThroughAProxy() throws Exception {
        HttpResponse<String> scrape = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(BASE + "/actuator/prometheus"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("jvm_memory_used_bytes{application=\"identity\"");

        HttpResponse<String> forwarded = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(BASE + "/actuator/prometheus"))
                                .header("X-Forwarded-For", "203.0.113.9")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(forwarded.statusCode()).isNotEqualTo(200);
        assertThat(forwarded.body()).doesNotContain("jvm_memory_used_bytes");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        for (String path : List.of("/login", "/oauth2/jwks", "/.well-known/openid-configuration", "/actuator/health")) {
            assertSecurityHeaders(path, browser.get(BASE + path));
        }
    }

    /** Requests Tomcat refuses before any filter runs: the answer is still this service's, with its headers. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "a header over Tomcat's 8 KB limit, /login, 20000",
        "an encoded NUL, /login%00, 0",
        "an encoded slash, /css/a%2Fb.css, 0"
    })
    void requestsTomcatRefusesAreAnsweredWithTheSecurityHeaders(String kind, String path, int headerBytes)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path));
        if (headerBytes > 0) {
            request.header("X-Padding", "a".repeat(headerBytes));
        }
        HttpResponse<String> response =
                HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(kind).isEqualTo(400);
        assertSecurityHeaders(kind, response);
        assertThat(response.headers().firstValue("Content-Type")).as(kind).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/html"));
        assertThat(response.body()).as(kind).contains("(400)").doesNotContain("Apache Tomcat", "Exception");
    }

    private static void assertSecurityHeaders(String what, HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .as(what)
                .hasValueSatisfying(csp -> assertThat(csp)
                        .contains("default-src 'self'")
                        .contains("frame-ancestors 'none'")
                        .doesNotContain("unsafe-inline"));
        assertThat(response.headers().firstValue("X-Frame-Options")).as(what).contains("DENY");
        assertThat(response.headers().firstValue("X-Content-Type-Options"))
                .as(what)
                .contains("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).as(what).contains("no-referrer");
    }
}
