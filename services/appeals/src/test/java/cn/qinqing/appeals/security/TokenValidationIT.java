package cn.qinqing.appeals.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qinqing.appeals.AppealsApiTestBase;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TokenValidationIT extends AppealsApiTestBase {

    static Stream<Arguments> badTokens() {
        return Stream.<Map.Entry<String, BiFunction<String, String, String>>>of(
                        Map.entry("expired", tokens::expired),
                        Map.entry("from another issuer", tokens::fromAnotherIssuer),
                        Map.entry("signed by an unpublished key", tokens::signedByStranger),
                        Map.entry("tampered after signing", tokens::tampered),
                        Map.entry("unsigned (alg none)", tokens::unsigned))
                .map(entry -> Arguments.of(entry.getKey(), entry.getValue().apply("user-a", "ENTERPRISE")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void aTokenThatIsNotValidIsUnauthorized(String kind, String token) {
        long before = eventCount();
        var read = api.get("/api/appeals").token(token).send();
        var write = api.post("/api/appeals").token(token).body(appeal("不应被接受")).send();

        assertThat(read.status()).isEqualTo(401);
        assertThat(write.status()).isEqualTo(401);
        assertThat(read.header("Content-Type")).startsWith("application/problem+json");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void noTokenIsUnauthorized() {
        var response = api.get("/api/appeals").send();
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void anEndpointNobodyDeclaredIsRefused() {
        assertThat(api.get("/api/appeals/" + java.util.UUID.randomUUID() + "/secrets")
                        .token(admin)
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/actuator/env").token(admin).send().status()).isEqualTo(403);
    }

    @Test
    void theOpenApiDocumentIsServed() {
        var doc = api.get("/v3/api-docs").send();
        assertThat(doc.status()).isEqualTo(200);
        assertThat(doc.json().get("paths").has("/api/appeals")).isTrue();
        assertThat(doc.json().get("paths").has("/api/appeals/{id}/withdrawal")).isTrue();
    }

    @Test
    void everyAnswerCarriesSecurityHeaders() {
        var response = api.get("/api/appeals").token(userA).send();
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Content-Security-Policy")).contains("default-src 'none'");
    }

    /**
     * Found by the fuzzer (seed 20261128): a PUT or DELETE whose body claims to be a form but does not decode was a 500
     * from Spring's form-content filter, before security; the APIs read JSON only, so the filter is off.
     */
    @Test
    void aBodyThatClaimsToBeAFormButDoesNotDecodeIsNoServerError() {
        var response = api.delete("/api/appeals/admin/dead-letters/appeals-timelines/1")
                .token(admin)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body("reason=%zz%")
                .send();

        assertThat(response.status()).as(response.toString()).isBetween(400, 499);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("a body over the limit", "/api/appeals", "x".repeat(300_000), 413),
                Arguments.of("a URL the firewall rejects", "/api/appeals;jsessionid=x/1", null, 400),
                Arguments.of("a URL Tomcat rejects before any filter", "/api/appeals/a%2Fb", null, 400),
                Arguments.of("a blank path id", "/api/appeals/%20/timeline", null, 400),
                Arguments.of("an endpoint nobody declared", "/api/nothing-here", null, 403));
    }

    /**
     * Answers that never reach the security filter chain's header writer, nor the controllers' error handling: each is a
     * problem detail whose status is the answer's, with the security headers.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusalsBeforeTheApiAreProblemDetailsWithTheSecurityHeaders(
            String kind, String path, String body, int status) {
        var call = body == null ? api.get(path) : api.post(path).body(body);
        var response = call.token(userA).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
        assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
    }
}
