package cn.qinqing.appeals.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qinqing.appeals.AppealsApiTestBase;
import cn.qinqing.language.Ids;
import cn.qinqing.language.MetadataKeys;
import cn.qinqing.language.assignment.AppealSignedForEvent;
import cn.qinqing.language.resolution.CaseFileClosedEvent;
import cn.qinqing.language.resolution.Outcome;
import cn.qinqing.language.resolution.ProgressNotedEvent;
import cn.qinqing.language.resolution.ResolutionSubmittedEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The city's answer reaches the enterprise, which rates it or reopens it; the close-out closes the appeal. The
 * resolution and assignment services' events are appended to the shared store as those services would.
 */
class AppealFeedbackIT extends AppealsApiTestBase {

    @Autowired
    EventStore eventStore;

    @Test
    void theEnterpriseFollowsProgressRatesTheAnswerAndSeesTheAppealClosed() {
        UUID id = fileAndWait(userA, "变电站增容审批");
        String caseFile = Ids.derive("case-file", id.toString()).toString();
        publish(
                "Assignment",
                Ids.derive("assignment", id.toString()).toString(),
                0,
                new AppealSignedForEvent(id, "industry-it", "official-zhang", Instant.now(), true),
                "official-zhang");
        publish(
                "CaseFile",
                caseFile,
                0,
                new ProgressNotedEvent(id, UUID.randomUUID(), "official-zhang", "已联系供电公司", true, true, Instant.now()),
                "official-zhang");
        publish(
                "CaseFile",
                caseFile,
                1,
                new ProgressNotedEvent(id, UUID.randomUUID(), "official-zhang", "内部会商纪要", false, false, Instant.now()),
                "official-zhang");
        await().until(() -> status(id).equals("IN_PROGRESS"));

        publish("CaseFile", caseFile, 2, submitted(id), "official-zhang");
        await().until(() -> status(id).equals("ANSWERED"));

        var timeline = api.get("/api/appeals/" + id + "/timeline").token(userA).send();
        assertThat(timeline.json().findValuesAsText("type")).containsSubsequence("PROGRESS", "ANSWERED");
        assertThat(timeline.text()).contains("已联系供电公司").doesNotContain("内部会商纪要").doesNotContain("official-zhang");
        JsonNode answered = timeline.json().get(timeline.json().size() - 1).get("details");
        assertThat(answered.get("answer").asText()).isEqualTo("已协调供电公司完成增容");
        assertThat(answered.get("ratingDueAt").asText()).isNotBlank();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM appeals.scheduled_tasks WHERE position(convert_to(?, 'UTF8') in task_data) > 0",
                        Long.class,
                        id.toString()))
                .as("the rating window's deadline is persistent")
                .isEqualTo(1);

        long version = api.get("/api/appeals/" + id)
                .token(userA)
                .send()
                .json()
                .get("version")
                .asLong();
        assertThat(api.post("/api/appeals/" + id + "/rating")
                        .token(userB)
                        .header("If-Match", "\"" + version + "\"")
                        .body(Map.of("rating", 5))
                        .send()
                        .status())
                .as("another enterprise learns nothing")
                .isEqualTo(404);
        var outOfRange = api.post("/api/appeals/" + id + "/rating")
                .token(userA)
                .header("If-Match", "\"" + version + "\"")
                .body(Map.of("rating", 6))
                .send();
        assertThat(outOfRange.status()).isEqualTo(400);
        assertThat(outOfRange.json().get("errors").findValuesAsText("field")).contains("rating");
        assertThat(api.post("/api/appeals/" + id + "/rating")
                        .token(userA)
                        .body(Map.of("rating", 5))
                        .send()
                        .status())
                .isEqualTo(428);

        var rated = api.post("/api/appeals/" + id + "/rating")
                .token(userA)
                .header("If-Match", "\"" + version + "\"")
                .body(Map.of("rating", 5, "comment", "服务周到"))
                .send();
        assertThat(rated.status()).isEqualTo(200);
        assertThat(rated.header("ETag")).isEqualTo("\"" + (version + 1) + "\"");
        await().until(() -> status(id).equals("RATED"));
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM appeals.scheduled_tasks WHERE position(convert_to(?, 'UTF8') in task_data) > 0",
                        Long.class,
                        id.toString()))
                .as("rated: nothing left to expire")
                .isZero();

        var reopen = api.post("/api/appeals/" + id + "/reopening")
                .token(userA)
                .header("If-Match", "\"" + (version + 1) + "\"")
                .body(Map.of("reason", "再看看"))
                .send();
        assertThat(reopen.status()).as("rated satisfied: no reopening").isEqualTo(409);

        publish(
                "CaseFile",
                caseFile,
                3,
                new CaseFileClosedEvent(id, "industry-it", "RATED", Instant.now()),
                "head-industry-it");
        await().until(() -> status(id).equals("CLOSED"));
        assertThat(api.get("/api/appeals/" + id + "/timeline")
                        .token(userA)
                        .send()
                        .json()
                        .findValuesAsText("type"))
                .endsWith("RATED", "CLOSED");
    }

    @Test
    void aDissatisfiedEnterpriseReopensTheAnswer() {
        UUID id = fileAndWait(userA, "土地证办理");
        String caseFile = Ids.derive("case-file", id.toString()).toString();
        publish("CaseFile", caseFile, 0, submitted(id), "official-zhang");
        await().until(() -> status(id).equals("ANSWERED"));

        var reopened = api.post("/api/appeals/" + id + "/reopening")
                .token(userA)
                .header("If-Match", "\"1\"")
                .body(Map.of("reason", "变压器仍未到位"))
                .send();

        assertThat(reopened.status()).isEqualTo(200);
        await().until(() -> status(id).equals("REOPENED"));
        String payload = jdbc.queryForObject(
                "SELECT convert_from(payload, 'UTF8') FROM event_store.domain_event_entry"
                        + " WHERE aggregate_identifier = ? AND payload_type = ?",
                String.class,
                id.toString(),
                "cn.qinqing.language.appeal.AppealReopenedEvent");
        assertThat(payload).contains("\"round\":1").contains("变压器仍未到位");
        assertThat(api.post("/api/appeals/" + id + "/withdrawal")
                        .token(userA)
                        .header("If-Match", "\"2\"")
                        .body(Map.of("reason", "不办了"))
                        .send()
                        .status())
                .as("a reopened appeal can still be withdrawn")
                .isEqualTo(200);
    }

    @Test
    void nothingToRateBeforeTheAnswer() {
        UUID id = fileAndWait(userA, "未答复");

        var rating = api.post("/api/appeals/" + id + "/rating")
                .token(userA)
                .header("If-Match", "\"0\"")
                .body(Map.of("rating", 3))
                .send();

        assertThat(rating.status()).isEqualTo(409);
        assertThat(api.get("/api/appeals/" + id)
                        .token(userA)
                        .send()
                        .json()
                        .get("version")
                        .asLong())
                .isZero();
    }

    private static ResolutionSubmittedEvent submitted(UUID id) {
        return new ResolutionSubmittedEvent(
                id, "industry-it", "official-zhang", 1, "已协调供电公司完成增容", Outcome.SOLVED, null, null, Instant.now(), true);
    }

    private String status(UUID id) {
        return api.get("/api/appeals/" + id)
                .token(userA)
                .send()
                .json()
                .get("status")
                .asText();
    }

    private void publish(String type, String aggregate, long sequence, Object payload, String actor) {
        eventStore.publish(new GenericDomainEventMessage<>(
                type, aggregate, sequence, payload, Map.of(MetadataKeys.ACTOR, actor, MetadataKeys.ROLE, "OFFICIAL")));
    }
}
