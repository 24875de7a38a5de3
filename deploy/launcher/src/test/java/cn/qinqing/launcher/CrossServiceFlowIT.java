package cn.qinqing.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qinqing.testsupport.HttpApi;
import cn.qinqing.testsupport.OidcLogin;
import cn.qinqing.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The platform as separate processes on one database, driven as its users drive it: tokens from the real identity
 * service, an appeal filed in the appeals process, routed by the assignment process, signed for and transferred by
 * officials, taken charge of by a leader, and every step visible where it should be.
 */
class CrossServiceFlowIT {

    static Platform platform;
    static HttpApi appeals;
    static HttpApi assignment;
    static OidcLogin identity;

    @BeforeAll
    static void start() {
        platform = EndToEnd.builder("identity", "appeals", "assignment")
                .timeout(Duration.ofSeconds(240))
                .start();
        appeals = new HttpApi(base(platform.service("appeals")));
        assignment = new HttpApi(base(platform.service("assignment")));
        identity = new OidcLogin(platform.issuer().toString());
    }

    static String base(RunningService service) {
        String url = service.baseUrl().toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.stop();
        }
    }

    static Map<String, Object> powerAppeal(String title) {
        return Map.of(
                "title", title,
                "description", "10kV 专线已完工两个月仍未送电。",
                "category", "POWER",
                "urgency", "URGENT");
    }

    @Test
    void anIntegrationClientFilesAnAppealWithATokenFromTheIdentityServiceAndReadsItBack() {
        String token = identity.clientToken("enterprise-a-client", "qinqing-demo");

        var filed = appeals.post("/api/appeals")
                .token(token)
                .header("Idempotency-Key", "e2e-" + System.nanoTime())
                .body(powerAppeal("端到端：客户端凭证提交"))
                .send();

        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        String id = filed.json().get("id").asText();
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        appeals.get("/api/appeals/" + id).token(token).send().status() == 200);
        var timeline = appeals.get("/api/appeals/" + id + "/timeline")
                .token(token)
                .send()
                .json();
        assertThat(timeline.get(0).get("type").asText()).isEqualTo("FILED");
        assertThat(timeline.get(0).get("actor").asText()).isEqualTo("enterprise-a-client");
    }

    @Test
    void aFiledAppealIsRoutedSignedForTransferredAndTakenChargeOfWithEveryHolderPeriodRecorded() {
        String enterprise = identity.userToken("enterprise-a", "qinqing-demo");
        String official = identity.userToken("official", "qinqing-demo");
        String officialLand = identity.userToken("official-land", "qinqing-demo");
        String officialOther = identity.userToken("official-finance", "qinqing-demo");
        String leader = identity.userToken("leader", "qinqing-demo");

        String id = appeals.post("/api/appeals")
                .token(enterprise)
                .body(powerAppeal("端到端：派单、签收、转办、领办"))
                .send()
                .json()
                .get("id")
                .asText();

        // routed automatically, in another process, by the demo rules: POWER → industry-it
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var read = assignment
                    .get("/api/assignment/appeals/" + id)
                    .token(official)
                    .send();
            return read.status() == 200
                    && "industry-it".equals(read.json().path("departmentId").asText());
        });
        assertThat(assignment
                        .get("/api/assignment/appeals/" + id)
                        .token(officialOther)
                        .send()
                        .status())
                .as("an official of another department does not see it")
                .isEqualTo(404);
        assertThat(assignment
                        .post("/api/assignment/appeals/" + id + "/sign-for")
                        .token(officialOther)
                        .header("If-Match", etag(official, id))
                        .send()
                        .status())
                .as("nor can sign for it")
                .isEqualTo(404);

        String dispatched = etag(official, id);
        assertThat(assignment
                        .post("/api/assignment/appeals/" + id + "/sign-for")
                        .token(official)
                        .header("If-Match", dispatched)
                        .send()
                        .status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var seen =
                    appeals.get("/api/appeals/" + id).token(enterprise).send().json();
            return "SIGNED_FOR".equals(seen.path("status").asText())
                    && "industry-it".equals(seen.path("holdingDepartment").asText());
        });

        assertThat(assignment
                        .post("/api/assignment/appeals/" + id + "/transfer")
                        .token(official)
                        .header("If-Match", etagAfter(official, id, dispatched))
                        .body(Map.of("toDepartmentId", "natural-resources", "reason", "涉及变电站选址用地"))
                        .send()
                        .status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> assignment
                                .get("/api/assignment/appeals/" + id)
                                .token(officialLand)
                                .send()
                                .status()
                        == 200);
        String transferred = etag(officialLand, id);
        assertThat(assignment
                        .post("/api/assignment/appeals/" + id + "/sign-for")
                        .token(officialLand)
                        .header("If-Match", transferred)
                        .send()
                        .status())
                .isEqualTo(200);
        assertThat(assignment
                        .post("/api/assignment/appeals/" + id + "/take-charge")
                        .token(leader)
                        .header("If-Match", etagAfter(leader, id, transferred))
                        .send()
                        .status())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var holders = assignment
                    .get("/api/assignment/appeals/" + id + "/holders")
                    .token(leader)
                    .send();
            assertThat(holders.status()).isEqualTo(200);
            assertThat(holders.text()).contains("industry-it", "natural-resources", "leader", "TRANSFERRED");
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> "natural-resources"
                .equals(appeals.get("/api/appeals/" + id)
                        .token(enterprise)
                        .send()
                        .json()
                        .path("holdingDepartment")
                        .asText()));
        String enterpriseTimeline = appeals.get("/api/appeals/" + id + "/timeline")
                .token(enterprise)
                .send()
                .text();
        assertThat(enterpriseTimeline).contains("SIGNED_FOR", "TRANSFERRED").doesNotContain("\"official\"");
    }

    /**
     * The cross-process latency of the event store: the appeals process commits AppealFiledEvent, the assignment
     * process is woken by PostgreSQL NOTIFY, routes it and commits AppealDispatchedEvent. Both times come from the
     * stored events (one machine, one clock). Printed for the docs, not asserted as a time: a slow machine must not
     * fail the build, but a missing dispatch does.
     */
    @Test
    void eventsCommittedByOneProcessReachAnotherPromptly() throws Exception {
        String token = identity.clientToken("enterprise-a-client", "qinqing-demo");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add(appeals.post("/api/appeals")
                    .token(token)
                    .body(powerAppeal("端到端：跨进程延迟 " + i))
                    .send()
                    .json()
                    .get("id")
                    .asText());
            Thread.sleep(50);
        }
        List<Long> latencies = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            latencies.clear();
            latencies.addAll(dispatchLatenciesMillis(ids));
            assertThat(latencies).hasSize(ids.size());
        });
        Collections.sort(latencies);
        System.out.printf(
                "[cross-process latency] appeals commit -> assignment dispatch, %d appeals: p50 %d ms, p95 %d ms, max %d ms%n",
                latencies.size(),
                latencies.get(latencies.size() / 2),
                latencies.get((int) Math.ceil(latencies.size() * 0.95) - 1),
                latencies.get(latencies.size() - 1));
    }

    private static List<Long> dispatchLatenciesMillis(List<String> ids) throws Exception {
        TestDatabase database = TestDatabase.get();
        String sql = "SELECT f.time_stamp AS filed, d.time_stamp AS dispatched"
                + " FROM event_store.domain_event_entry f JOIN event_store.domain_event_entry d"
                + " ON convert_from(d.payload, 'UTF8')::jsonb->>'appealId' = f.aggregate_identifier"
                + " WHERE f.aggregate_identifier = ANY (?)"
                + " AND f.payload_type = 'cn.qinqing.language.appeal.AppealFiledEvent'"
                + " AND d.payload_type = 'cn.qinqing.language.assignment.AppealDispatchedEvent'";
        List<Long> latencies = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), "");
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("varchar", ids.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Instant filed = Instant.parse(rows.getString("filed"));
                    Instant dispatched = Instant.parse(rows.getString("dispatched"));
                    latencies.add(Duration.between(filed, dispatched).toMillis());
                }
            }
        }
        return latencies;
    }

    /** The ETag once the read model shows a newer version than the one given (it follows the writes closely). */
    private static String etagAfter(String token, String id, String previous) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !previous.equals(etag(token, id)));
        return etag(token, id);
    }

    private static String etag(String token, String id) {
        return assignment
                .get("/api/assignment/appeals/" + id)
                .token(token)
                .send()
                .header("ETag");
    }
}
