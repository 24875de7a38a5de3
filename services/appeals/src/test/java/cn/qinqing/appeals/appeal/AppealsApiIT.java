package cn.qinqing.appeals.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qinqing.appeals.AppealsApiTestBase;
import cn.qinqing.language.UnifiedSocialCreditCode;
import cn.qinqing.testsupport.RetryStorm;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AppealsApiIT extends AppealsApiTestBase {

    @Test
    void anEnterpriseFilesAnAppealAndReadsItBack() {
        var filed =
                api.post("/api/appeals").token(userA).body(appeal("变电站增容审批")).send();

        assertThat(filed.status()).isEqualTo(201);
        assertThat(filed.header("ETag")).isEqualTo("\"0\"");
        UUID id = UUID.fromString(filed.json().get("id").asText());
        assertThat(filed.header("Location")).isEqualTo("/api/appeals/" + id);
        awaitVersion(userA, id, 0);

        var read = api.get("/api/appeals/" + id).token(userA).send();
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"0\"");
        assertThat(read.header("X-Read-Model-Position")).matches("\\d+/\\d+");
        JsonNode appeal = read.json();
        assertThat(appeal.get("title").asText()).isEqualTo("变电站增容审批");
        assertThat(appeal.get("category").asText()).isEqualTo("POWER");
        assertThat(appeal.get("urgency").asText()).isEqualTo("URGENT");
        assertThat(appeal.get("status").asText()).isEqualTo("FILED");
        assertThat(appeal.get("enterpriseId").asText()).isEqualTo(ENTERPRISE_A);
    }

    @Test
    void theTimelineShowsEveryStepWithItsActor() {
        UUID id = fileAndWait(userA, "土地证办理");
        var supplemented = api.post("/api/appeals/" + id + "/supplements")
                .token(userA)
                .header("If-Match", "\"0\"")
                .body(Map.of("text", "补充宗地图"))
                .send();
        assertThat(supplemented.status()).isEqualTo(200);
        assertThat(supplemented.header("ETag")).isEqualTo("\"1\"");
        awaitVersion(userA, id, 1);

        var timeline = api.get("/api/appeals/" + id + "/timeline").token(userA).send();

        assertThat(timeline.status()).isEqualTo(200);
        assertThat(timeline.json()).hasSize(2);
        assertThat(timeline.json().get(0).get("type").asText()).isEqualTo("FILED");
        assertThat(timeline.json().get(0).get("actor").asText()).isEqualTo("user-a");
        assertThat(timeline.json().get(0).get("role").asText()).isEqualTo("ENTERPRISE");
        assertThat(timeline.json().get(1).get("type").asText()).isEqualTo("SUPPLEMENTED");
        assertThat(timeline.json().get(1).get("details").get("text").asText()).isEqualTo("补充宗地图");
    }

    @Test
    void everyEventCarriesWhoCausedItAndTheRequestItCameFrom() {
        var filed = api.post("/api/appeals")
                .token(userA)
                .header("X-Correlation-Id", "req-audit-1")
                .body(appeal("审计元数据"))
                .send();
        String id = filed.json().get("id").asText();

        String metadata = jdbc.queryForObject(
                "SELECT convert_from(meta_data, 'UTF8') FROM event_store.domain_event_entry WHERE aggregate_identifier = ?",
                String.class,
                id);

        assertThat(metadata)
                .contains("\"actor\":\"user-a\"")
                .contains("\"role\":\"ENTERPRISE\"")
                .contains("\"enterpriseId\":\"" + ENTERPRISE_A + "\"")
                .contains("\"correlationId\":\"req-audit-1\"")
                .contains("\"causationId\"");
    }

    @Test
    void anEnterpriseListsOnlyItsOwnAppealsInPages() {
        Set<String> mine = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            mine.add(fileAndWait(userA, "列表测试 " + i).toString());
        }
        UUID theirs = fileAndWait(userB, "别家的诉求");

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var page = api.get("/api/appeals?limit=2" + (cursor == null ? "" : "&cursor=" + cursor))
                    .token(userA)
                    .send();
            assertThat(page.status()).isEqualTo(200);
            page.json().get("items").forEach(item -> {
                assertThat(item.get("enterpriseId").asText()).isEqualTo(ENTERPRISE_A);
                seen.add(item.get("id").asText());
            });
            JsonNode next = page.json().get("next");
            cursor = next == null || next.isNull() ? null : next.asText();
        } while (cursor != null);

        assertThat(seen).containsAll(mine).doesNotContain(theirs.toString()).doesNotHaveDuplicates();
    }

    @Test
    void theListFiltersByCategoryAndStatus() {
        UUID power = fileAndWait(userA, "按类别筛选");
        var land = api.get("/api/appeals?category=LAND&limit=100").token(userA).send();
        var filedPower = api.get("/api/appeals?category=POWER&status=FILED&limit=100")
                .token(userA)
                .send();

        assertThat(land.status()).isEqualTo(200);
        assertThat(land.json().get("items").findValuesAsText("id")).doesNotContain(power.toString());
        assertThat(filedPower.json().get("items").findValuesAsText("id")).contains(power.toString());
    }

    @Test
    void withdrawingNeedsTheCurrentVersionAndThenRefusesFurtherChanges() {
        UUID id = fileAndWait(userA, "撤回测试");

        var withdrawn = api.post("/api/appeals/" + id + "/withdrawal")
                .token(userA)
                .header("If-Match", "\"0\"")
                .body(Map.of("reason", "已自行解决"))
                .send();
        assertThat(withdrawn.status()).isEqualTo(200);
        awaitVersion(userA, id, 1);
        assertThat(api.get("/api/appeals/" + id)
                        .token(userA)
                        .send()
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("WITHDRAWN");

        var again = api.post("/api/appeals/" + id + "/supplements")
                .token(userA)
                .header("If-Match", "\"1\"")
                .body(Map.of("text", "撤回后补充"))
                .send();
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asText()).endsWith("/appeal-withdrawn");
    }

    @Test
    void aStaleIfMatchIsAConflictAndChangesNothing() {
        UUID id = fileAndWait(userA, "并发修改");
        assertThat(api.post("/api/appeals/" + id + "/supplements")
                        .token(userA)
                        .header("If-Match", "\"0\"")
                        .body(Map.of("text", "第一位"))
                        .send()
                        .status())
                .isEqualTo(200);
        long before = eventCount();

        var stale = api.post("/api/appeals/" + id + "/supplements")
                .token(userA)
                .header("If-Match", "\"0\"")
                .body(Map.of("text", "第二位，基于旧版本"))
                .send();

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.header("Content-Type")).startsWith("application/problem+json");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void twoWritersWithTheSameIfMatchOneWinsTheOtherGetsAConflict() throws Exception {
        UUID id = fileAndWait(userA, "两个写者");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> write = () -> api.post("/api/appeals/" + id + "/supplements")
                    .token(userA)
                    .header("If-Match", "\"0\"")
                    .body(Map.of("text", "同时写入 " + UUID.randomUUID()))
                    .send()
                    .status();
            Future<Integer> first = pool.submit(write);
            Future<Integer> second = pool.submit(write);
            assertThat(List.of(first.get(), second.get())).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM event_store.domain_event_entry WHERE aggregate_identifier = ?",
                        Long.class,
                        id.toString()))
                .isEqualTo(2);
    }

    @Test
    void anUpdateWithoutIfMatchIsRefusedWith428() {
        UUID id = fileAndWait(userA, "缺少 If-Match");
        var response = api.post("/api/appeals/" + id + "/supplements")
                .token(userA)
                .body(Map.of("text", "没有版本"))
                .send();
        assertThat(response.status()).isEqualTo(428);
    }

    @Test
    void theSameIdempotencyKeyAndBodyGiveTheSameAppealOnce() {
        String key = "file-" + UUID.randomUUID();
        var first = api.post("/api/appeals")
                .token(userA)
                .header("Idempotency-Key", key)
                .body(appeal("幂等"))
                .send();
        var retry = api.post("/api/appeals")
                .token(userA)
                .header("Idempotency-Key", key)
                .body(appeal("幂等"))
                .send();

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("id")).isEqualTo(first.json().get("id"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM event_store.domain_event_entry WHERE aggregate_identifier = ?",
                        Long.class,
                        first.json().get("id").asText()))
                .isEqualTo(1);
    }

    @Test
    void theIdempotencyKeyCommitsInTheTransactionOfTheFiledEvent() {
        String key = "one-commit-" + UUID.randomUUID();
        var filed = api.post("/api/appeals")
                .token(userA)
                .header("Idempotency-Key", key)
                .body(appeal("一次提交"))
                .send();

        assertThat(filed.status()).isEqualTo(201);
        // xmin is the id of the transaction that wrote the row
        String keyTransaction = jdbc.queryForObject(
                "SELECT xmin::text FROM appeals.idempotency_key WHERE idem_key = ?", String.class, key);
        String eventTransaction = jdbc.queryForObject(
                "SELECT xmin::text FROM event_store.domain_event_entry WHERE aggregate_identifier = ?",
                String.class,
                filed.json().get("id").asText());
        assertThat(keyTransaction).isEqualTo(eventTransaction);
    }

    @Test
    void theSameIdempotencyKeyWithAnotherBodyIsRefused() {
        String key = "file-" + UUID.randomUUID();
        api.post("/api/appeals")
                .token(userA)
                .header("Idempotency-Key", key)
                .body(appeal("原始请求"))
                .send();
        long before = eventCount();

        var other = api.post("/api/appeals")
                .token(userA)
                .header("Idempotency-Key", key)
                .body(appeal("不同的请求"))
                .send();

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().get("type").asText()).endsWith("/idempotency-key-reused");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aThousandConcurrentRetriesWithOneKeyGiveExactlyOneAppeal() {
        String key = "storm-" + UUID.randomUUID();

        var answers = RetryStorm.send(
                "appeal filing",
                api.post("/api/appeals")
                        .token(userA)
                        .header("Idempotency-Key", key)
                        .body(appeal("重试风暴")));

        String id = RetryStorm.createdOnce(answers, "id");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM event_store.domain_event_entry WHERE aggregate_identifier = ?",
                        Long.class,
                        id))
                .isEqualTo(1);
    }

    @Test
    void anEnterpriseThatFilesTooFastIsToldWhenToTryAgainAndItsRetriesAreNotCounted() {
        String first17 = "91150200MA0QL" + String.format("%04d", (int) (System.nanoTime() % 10_000));
        String uscc = first17 + UnifiedSocialCreditCode.checkCharacter(first17);
        register(uscc, "限流测试企业");
        String user = tokens.enterprise("user-limit-" + uscc, uscc);
        String key = "limit-" + UUID.randomUUID();
        var first = api.post("/api/appeals")
                .token(user)
                .header("Idempotency-Key", key)
                .body(appeal("限流 0"))
                .send();
        assertThat(first.status()).isEqualTo(201);
        for (int i = 1; i < 100; i++) {
            var filed =
                    api.post("/api/appeals").token(user).body(appeal("限流 " + i)).send();
            assertThat(filed.status()).as("filing %d: %s", i, filed).isEqualTo(201);
        }
        long before = eventCount();

        var refused =
                api.post("/api/appeals").token(user).body(appeal("限流 100")).send();

        assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 36L);
        assertThat(refused.json().get("type").asText()).endsWith("/too-many-requests");
        assertThat(eventCount()).isEqualTo(before);
        var retry = api.post("/api/appeals")
                .token(user)
                .header("Idempotency-Key", key)
                .body(appeal("限流 0"))
                .send();
        assertThat(retry.status())
                .as("a retry of an acknowledged filing is not a new one")
                .isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        var refusedWithKey = api.post("/api/appeals")
                .token(user)
                .header("Idempotency-Key", "limit-refused-" + UUID.randomUUID())
                .body(appeal("限流 101"))
                .send();
        assertThat(refusedWithKey.status()).isEqualTo(429);
        assertThat(api.post("/api/appeals")
                        .token(userB)
                        .body(appeal("另一家企业不受影响"))
                        .send()
                        .status())
                .as("another enterprise files on")
                .isEqualTo(201);
    }

    static Stream<Arguments> badFilings() {
        Map<String, Object> good = appeal("好的标题");
        return Stream.of(
                Arguments.of("blank title", with(good, "title", "  "), "title"),
                Arguments.of("missing title", without(good, "title"), "title"),
                Arguments.of("oversized title", with(good, "title", "长".repeat(201)), "title"),
                Arguments.of("oversized description", with(good, "description", "x".repeat(5001)), "description"),
                Arguments.of("unknown category", with(good, "category", "WEATHER"), "category"),
                Arguments.of("wrong type for urgency", with(good, "urgency", 42), "urgency"),
                Arguments.of("control characters", with(good, "title", "bad\u0000title"), "title"),
                Arguments.of(
                        "attachment without hash",
                        with(good, "attachments", List.of(Map.of("name", "a.pdf", "mediaType", "application/pdf"))),
                        "attachments[0].sha256"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFilings")
    void badInputIsAProblemNamingTheFieldAndStoresNothing(String caseName, Map<String, Object> body, String field) {
        long before = eventCount();
        var response = api.post("/api/appeals").token(userA).body(body).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsText("field")).contains(field);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void malformedJsonIsAProblemAndStoresNothing() {
        long before = eventCount();
        var response = api.post("/api/appeals")
                .token(userA)
                .body("{\"title\": \"unterminated")
                .send();
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("title").asText()).isEqualTo("Malformed request body");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aWrongContentTypeIsRefused() {
        long before = eventCount();
        var response = api.post("/api/appeals")
                .token(userA)
                .header("Content-Type", "text/plain")
                .body("title=hello")
                .send();
        assertThat(response.status()).isEqualTo(415);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void anOversizedBodyIsRefusedBeforeItIsRead() {
        var response = api.post("/api/appeals")
                .token(userA)
                .body(with(appeal("巨大的请求"), "description", "x".repeat(300_000)))
                .send();
        assertThat(response.status()).isEqualTo(413);
    }

    @Test
    void aPathIdThatIsNotAUuidIsABadRequest() {
        var response = api.get("/api/appeals/not-a-uuid").token(userA).send();
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsText("field")).contains("id");
    }

    @Test
    void badQueryAndPathParametersAreProblemsNamingTheParameter() {
        var status = api.get("/api/appeals?status=filed;drop").token(userA).send();
        var limit = api.get("/api/appeals?limit=0").token(userA).send();
        var uscc = api.get("/api/appeals/enterprises/NOT-A-CODE").token(admin).send();

        assertThat(status.status()).isEqualTo(400);
        assertThat(status.json().get("errors").findValuesAsText("field")).contains("status");
        assertThat(limit.status()).isEqualTo(400);
        assertThat(limit.json().get("errors").findValuesAsText("field")).contains("limit");
        assertThat(uscc.status()).isEqualTo(400);
        assertThat(uscc.json().get("errors").findValuesAsText("field")).contains("uscc");
    }

    @Test
    void anUnknownStatusIsABadRequestNamingTheStatusesThereAre() {
        var bogus = api.get("/api/appeals?status=BOGUS").token(userA).send();

        assertThat(bogus.status()).as("not an empty page").isEqualTo(400);
        var error = bogus.json().get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("status");
        assertThat(error.get("message").asText())
                .isEqualTo("must be one of FILED, DISPATCHED, SIGNED_FOR, IN_PROGRESS, ANSWERED, RATED, REOPENED,"
                        + " CLOSED, WITHDRAWN");
        assertThat(api.get("/api/appeals?status=WITHDRAWN").token(userA).send().status())
                .isEqualTo(200);
    }

    @Test
    void anUnknownAppealIsNotFound() {
        assertThat(api.get("/api/appeals/" + UUID.randomUUID())
                        .token(userA)
                        .send()
                        .status())
                .isEqualTo(404);
    }

    @Test
    void anEnterpriseCanNeitherReadNorChangeAnotherEnterprisesAppeal() {
        UUID theirs = fileAndWait(userA, "A 企业的诉求");
        long before = eventCount();

        assertThat(api.get("/api/appeals/" + theirs).token(userB).send().status())
                .isEqualTo(404);
        assertThat(api.get("/api/appeals/" + theirs + "/timeline")
                        .token(userB)
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.post("/api/appeals/" + theirs + "/supplements")
                        .token(userB)
                        .header("If-Match", "\"0\"")
                        .body(Map.of("text", "冒名补充"))
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.post("/api/appeals/" + theirs + "/withdrawal")
                        .token(userB)
                        .header("If-Match", "\"0\"")
                        .body(Map.of("reason", "冒名撤回"))
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void anOfficialSeesOnlyWhatTheirDepartmentHolds() {
        UUID id = fileAndWait(userA, "尚未派单");
        String official = tokens.official("official", "industry-it");
        assertThat(api.get("/api/appeals/" + id).token(official).send().status())
                .isEqualTo(404);
        var listed =
                api.get("/api/appeals?limit=100").token(official).send().json().get("items");
        assertThat(listed.findValuesAsText("id")).doesNotContain(id.toString());
        listed.forEach(
                item -> assertThat(item.get("holdingDepartment").asText()).isEqualTo("industry-it"));
    }

    @Test
    void onlyEnterprisesFileAppeals() {
        for (String role : List.of("DISPATCHER", "OFFICIAL", "LEADER", "SUPERVISOR", "ADMIN")) {
            var response = api.post("/api/appeals")
                    .token(tokens.withRole("someone", role))
                    .body(appeal("不该由我提交"))
                    .send();
            assertThat(response.status()).as(role).isEqualTo(403);
        }
    }

    @Test
    void anUnregisteredEnterpriseMustRegisterFirst() {
        String stranger = tokens.enterprise("stranger", "91150200MA0QC0003G");
        var response =
                api.post("/api/appeals").token(stranger).body(appeal("未注册")).send();
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("type").asText()).endsWith("/enterprise-not-registered");
    }

    static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    static Map<String, Object> without(Map<String, Object> body, String field) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(body);
        copy.remove(field);
        return copy;
    }
}
