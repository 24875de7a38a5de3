package cn.qinqing.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qinqing.testsupport.HttpApi;
import cn.qinqing.testsupport.OidcLogin;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * The services of a running platform as their users call them, with tokens from its identity service, and the steps
 * the end-to-end tests share: an enterprise files, the rules route it, the department signs for it, the case file
 * opens. Each step waits for the other processes to catch up, as a user refreshing the page would.
 */
final class ServiceApis {

    /** How long another process may take to react to an event on a busy two-core machine. */
    static final Duration EVENTS = Duration.ofSeconds(45);

    final HttpApi appeals;
    final HttpApi assignment;
    final HttpApi resolution;
    private final OidcLogin identity;

    ServiceApis(Platform platform) {
        this.appeals = api(platform, "appeals");
        this.assignment = api(platform, "assignment");
        this.resolution = api(platform, "resolution");
        this.identity = new OidcLogin(platform.issuer().toString());
    }

    private static HttpApi api(Platform platform, String service) {
        String url = platform.service(service).baseUrl().toString();
        return new HttpApi(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    /** A demo user's access token, signed in through the identity service's login form (password qinqing-demo). */
    String signIn(String username) {
        return identity.userToken(username, "qinqing-demo");
    }

    /** Files a power appeal (routed to industry-it by the demo rules) and returns its id. */
    UUID file(String enterprise, String title, String urgency) {
        var filed = appeals.post("/api/appeals")
                .token(enterprise)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of(
                        "title",
                        title,
                        "description",
                        "10kV 专线已完工两个月仍未送电，请协调供电公司验收送电。",
                        "category",
                        "POWER",
                        "urgency",
                        urgency))
                .send();
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        assertThat(filed.json().path("status").asText()).isEqualTo("FILED");
        return UUID.fromString(filed.json().get("id").asText());
    }

    /** The appeal as its enterprise sees it, once the appeals service shows it with the given status. */
    JsonNode awaitAppealStatus(String enterprise, UUID appeal, String status) {
        await().atMost(EVENTS).pollInterval(Duration.ofMillis(200)).until(() -> {
            var read = appeals.get("/api/appeals/" + appeal).token(enterprise).send();
            return read.status() == 200
                    && status.equals(read.json().path("status").asText());
        });
        return appeals.get("/api/appeals/" + appeal).token(enterprise).send().json();
    }

    /**
     * Waits until the rules routed the appeal to industry-it, then has {@code official} sign for it (签收).
     *
     * @return the assignment's ETag after the sign-for
     */
    String signFor(String official, UUID appeal) {
        await().atMost(EVENTS).pollInterval(Duration.ofMillis(200)).until(() -> {
            var read = assignment
                    .get("/api/assignment/appeals/" + appeal)
                    .token(official)
                    .send();
            return read.status() == 200
                    && "DISPATCHED".equals(read.json().path("status").asText())
                    && "industry-it".equals(read.json().path("departmentId").asText());
        });
        String dispatched = assignment
                .get("/api/assignment/appeals/" + appeal)
                .token(official)
                .send()
                .header("ETag");
        var signed = assignment
                .post("/api/assignment/appeals/" + appeal + "/sign-for")
                .token(official)
                .header("If-Match", dispatched)
                .send();
        assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
        return signed.header("ETag");
    }

    /** The case file, once the resolution service opened it and shows it to {@code reader}. */
    HttpApi.Response awaitCaseFile(String reader, UUID appeal) {
        await().atMost(EVENTS)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> caseFile(reader, appeal).status() == 200);
        return caseFile(reader, appeal);
    }

    HttpApi.Response caseFile(String reader, UUID appeal) {
        return resolution
                .get("/api/resolution/case-files/" + appeal)
                .token(reader)
                .send();
    }
}
