package cn.qinqing.assignment.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qinqing.assignment.AssignmentApiTestBase;
import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.IndustryChainPosition;
import cn.qinqing.language.Urgency;
import cn.qinqing.language.calendar.WorkingCalendar;
import cn.qinqing.language.resolution.CaseFileClosedEvent;
import cn.qinqing.language.resolution.CaseFileReopenedEvent;
import cn.qinqing.language.resolution.DeadlineBreachedEvent;
import cn.qinqing.language.resolution.DeadlineKind;
import cn.qinqing.language.resolution.Outcome;
import cn.qinqing.language.resolution.ResolutionSubmittedEvent;
import cn.qinqing.testsupport.ContractSamples;
import cn.qinqing.testsupport.RetryStorm;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** One appeal's way through the city: routed, signed for, returned, transferred, taken charge of, escalated, closed. */
class AssignmentFlowIT extends AssignmentApiTestBase {

    @Test
    void aFiledAppealIsRoutedByTheRulesAndTheDepartmentHasOneWorkingDayToSignForIt() {
        UUID appeal = file(AppealCategory.POWER);

        JsonNode assignment =
                awaitAssignment(appeal, a -> a.path("status").asText().equals("DISPATCHED"));
        assertThat(assignment.get("departmentId").asText()).isEqualTo("industry-it");
        assertThat(assignment.get("departmentName").asText()).isEqualTo("工业和信息化局");
        assertThat(assignment.get("routingMode").asText()).isEqualTo("AUTOMATIC");
        assertThat(assignment.get("ruleId").asText()).isNotBlank();
        assertThat(assignment.get("keyEnterprise").asBoolean()).isTrue();
        Instant dispatched = Instant.parse(assignment.get("dispatchedAt").asText());
        assertThat(Instant.parse(assignment.get("signForDueAt").asText()))
                .isEqualTo(WorkingCalendar.bundled().addWorkingDays(dispatched, 1));

        var signed = api.post("/api/assignment/appeals/" + appeal + "/sign-for")
                .token(official)
                .header("If-Match", ifMatch(assignment.get("version").asLong()))
                .send();

        assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
        assertThat(signed.header("ETag"))
                .isEqualTo(ifMatch(assignment.get("version").asLong() + 1));
        JsonNode after = awaitAssignment(appeal, a -> a.path("status").asText().equals("SIGNED_FOR"));
        assertThat(after.get("signedBy").asText()).isEqualTo("official");
        assertThat(after.get("signedWithinLimit").asBoolean()).isTrue();
        // the portal's record of an assignment
        ContractSamples.verify("assignment", "assignment", after);
    }

    @Test
    void theAutomaticDispatchIsTheServicesOwnActInTheAuditTrail() {
        UUID appeal = file(AppealCategory.LAND);

        String metadata = jdbc.queryForObject(
                "SELECT convert_from(meta_data, 'UTF8') FROM event_store.domain_event_entry"
                        + " WHERE aggregate_identifier = ? AND payload_type LIKE '%AppealDispatchedEvent'",
                String.class,
                cn.qinqing.language.Ids.derive("assignment", appeal.toString()).toString());
        assertThat(metadata).contains("\"actor\":\"system:assignment\"").contains("\"role\":\"SYSTEM\"");
    }

    @Test
    void theHolderRecordShowsEveryPeriodAcrossDispatchSignForTransferSignForAndTakingCharge() {
        UUID appeal = file(AppealCategory.POWER);
        signFor(appeal, official);
        var transferred = api.post("/api/assignment/appeals/" + appeal + "/transfer")
                .token(official)
                .header("If-Match", ifMatch(version(appeal)))
                .body(Map.of("toDepartmentId", "natural-resources", "reason", "涉及变电站选址用地"))
                .send();
        assertThat(transferred.status()).as(transferred.toString()).isEqualTo(200);
        awaitAssignment(appeal, a -> a.path("departmentId").asText().equals("natural-resources"));
        signFor(appeal, officialLand);
        var tookCharge = api.post("/api/assignment/appeals/" + appeal + "/take-charge")
                .token(leader)
                .header("If-Match", ifMatch(version(appeal)))
                .send();
        assertThat(tookCharge.status()).as(tookCharge.toString()).isEqualTo(200);

        JsonNode holders = awaitHolders(appeal, 3);

        assertThat(holders.get(0).get("holderKind").asText()).isEqualTo("DEPARTMENT");
        assertThat(holders.get(0).get("holderId").asText()).isEqualTo("industry-it");
        assertThat(holders.get(0).get("holderName").asText()).isEqualTo("工业和信息化局");
        assertThat(holders.get(0).get("signedForAt").isNull()).isFalse();
        assertThat(holders.get(0).get("endReason").asText()).isEqualTo("TRANSFERRED");
        assertThat(holders.get(1).get("holderId").asText()).isEqualTo("natural-resources");
        assertThat(holders.get(1).get("startedAt").asText())
                .isEqualTo(holders.get(0).get("endedAt").asText());
        assertThat(holders.get(1).get("signedForAt").isNull()).isFalse();
        assertThat(holders.get(1).get("endedAt").isNull()).isTrue();
        assertThat(holders.get(2).get("holderKind").asText()).isEqualTo("LEADER");
        assertThat(holders.get(2).get("holderId").asText()).isEqualTo("leader");
        assertThat(holders.get(2).get("holderName").asText()).isEqualTo("吴副市长");
        assertThat(holders.get(2).get("endedAt").isNull()).isTrue();
        ContractSamples.verify("assignment", "holders", holders);

        await().until(() -> api.get("/api/assignment/leaders/leader/cases")
                .token(leader)
                .send()
                .json()
                .findValuesAsText("appealId")
                .contains(appeal.toString()));
    }

    @Test
    void aReturnedAppealWaitsInTheQueueUntilTheDispatcherRoutesItElsewhere() {
        UUID appeal = file(AppealCategory.MARKETS_AND_ORDERS);

        var returned = api.post("/api/assignment/appeals/" + appeal + "/return")
                .token(official)
                .header("If-Match", ifMatch(version(appeal)))
                .body(Map.of("reason", "属于发改委职责"))
                .send();
        assertThat(returned.status()).as(returned.toString()).isEqualTo(200);
        JsonNode queued = awaitAssignment(appeal, a -> a.path("status").asText().equals("QUEUED"));
        assertThat(queued.get("queueReason").asText()).isEqualTo("RETURNED_BY_DEPARTMENT");
        assertThat(Duration.between(
                        Instant.parse(queued.get("queuedAt").asText()),
                        Instant.parse(queued.get("dispatchDueAt").asText())))
                .isEqualTo(Duration.ofHours(2));
        assertThat(api.get("/api/assignment/queue")
                        .token(dispatcher)
                        .send()
                        .json()
                        .findValuesAsText("appealId"))
                .contains(appeal.toString());

        var dispatched = api.post("/api/assignment/appeals/" + appeal + "/dispatch")
                .token(dispatcher)
                .header("If-Match", ifMatch(queued.get("version").asLong()))
                .body(Map.of("departmentId", "dev-reform"))
                .send();

        assertThat(dispatched.status()).as(dispatched.toString()).isEqualTo(200);
        JsonNode manual =
                awaitAssignment(appeal, a -> a.path("departmentId").asText().equals("dev-reform"));
        assertThat(manual.get("routingMode").asText()).isEqualTo("MANUAL");
        assertThat(api.get("/api/assignment/queue")
                        .token(dispatcher)
                        .send()
                        .json()
                        .findValuesAsText("appealId"))
                .doesNotContain(appeal.toString());
        JsonNode holders = awaitHolders(appeal, 2);
        assertThat(holders.get(0).get("endReason").asText()).isEqualTo("RETURNED");
        assertThat(holders.get(1).get("holderId").asText()).isEqualTo("dev-reform");
    }

    @Test
    void anAppealFiledForManualDispatchGoesToTheQueueDueWithinAnHourIfItIsAnEmergency() {
        UUID appeal = file(ENTERPRISE_A, AppealCategory.POWER, Urgency.EMERGENCY, true);

        JsonNode queued = awaitAssignment(appeal, a -> a.path("status").asText().equals("QUEUED"));
        assertThat(queued.get("queueReason").asText()).isEqualTo("MANUAL_DISPATCH_REQUESTED");
        assertThat(Duration.between(
                        Instant.parse(queued.get("queuedAt").asText()),
                        Instant.parse(queued.get("dispatchDueAt").asText())))
                .isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aDispatcherOverridesTheAutomaticRouteBeforeItIsSignedFor() {
        UUID appeal = file(AppealCategory.TALENT);

        var override = api.post("/api/assignment/appeals/" + appeal + "/dispatch")
                .token(dispatcher)
                .header("If-Match", ifMatch(version(appeal)))
                .body(Map.of("departmentId", "dev-reform"))
                .send();

        assertThat(override.status()).as(override.toString()).isEqualTo(200);
        JsonNode after =
                awaitAssignment(appeal, a -> a.path("departmentId").asText().equals("dev-reform"));
        assertThat(after.get("routingMode").asText()).isEqualTo("OVERRIDE");
        JsonNode holders = awaitHolders(appeal, 2);
        assertThat(holders.get(0).get("holderId").asText()).isEqualTo("human-resources");
        assertThat(holders.get(0).get("endReason").asText()).isEqualTo("REDISPATCHED");
    }

    @Test
    void theEnterprisesChainPositionAndDistrictChooseTheMostSpecificRule() {
        String enterpriseC = "91150200MA0QC0003G";
        registerEnterprise(enterpriseC, "九原电池片有限公司", IndustryChainPosition.CELL, "九原区");
        var rule = api.post("/api/assignment/routing-rules")
                .token(admin)
                .body(Map.of(
                        "category",
                        "FINANCE",
                        "chainPosition",
                        "CELL",
                        "district",
                        "九原区",
                        "departmentId",
                        "dev-reform"))
                .send();
        assertThat(rule.status()).as(rule.toString()).isIn(201, 409);
        await().until(() -> api.get(
                        "/api/assignment/routing-rules/route?category=FINANCE&chainPosition=CELL&district=九原区")
                .token(admin)
                .send()
                .json()
                .path("departmentId")
                .asText()
                .equals("dev-reform"));

        UUID narrow = file(enterpriseC, AppealCategory.FINANCE, Urgency.NORMAL, false);
        UUID broad = file(ENTERPRISE_A, AppealCategory.FINANCE, Urgency.NORMAL, false);

        assertThat(awaitAssignment(narrow, a -> true).get("departmentId").asText())
                .isEqualTo("dev-reform");
        assertThat(awaitAssignment(narrow, a -> true).get("district").asText()).isEqualTo("九原区");
        assertThat(awaitAssignment(broad, a -> true).get("departmentId").asText())
                .isEqualTo("finance-office");
    }

    @Test
    void aLeaderTakesChargeOnceAndPressesTheDepartmentWithASupervisionNotice() {
        UUID appeal = file(AppealCategory.POWER);
        var first = api.post("/api/assignment/appeals/" + appeal + "/take-charge")
                .token(leader)
                .header("If-Match", ifMatch(version(appeal)))
                .send();
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        awaitAssignment(appeal, a -> a.path("leaderId").asText().equals("leader"));

        var again = api.post("/api/assignment/appeals/" + appeal + "/take-charge")
                .token(headIndustryIt)
                .header("If-Match", ifMatch(version(appeal)))
                .send();
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asText()).endsWith("/leader-already-in-charge");

        String key = "notice-" + UUID.randomUUID();
        Map<String, Object> notice = Map.of(
                "instructions",
                "请三个工作日内反馈供电方案",
                "dueAt",
                Instant.now().plus(Duration.ofDays(3)).toString());
        var issued = api.post("/api/assignment/appeals/" + appeal + "/supervision-notices")
                .token(leader)
                .header("Idempotency-Key", key)
                .body(notice)
                .send();
        var retried = api.post("/api/assignment/appeals/" + appeal + "/supervision-notices")
                .token(leader)
                .header("Idempotency-Key", key)
                .body(notice)
                .send();

        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.json().get("noticeId")).isEqualTo(issued.json().get("noticeId"));
        assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
        JsonNode assignment =
                awaitAssignment(appeal, a -> a.path("supervisionNotices").size() == 1);
        assertThat(assignment
                        .get("supervisionNotices")
                        .get(0)
                        .get("departmentId")
                        .asText())
                .isEqualTo("industry-it");
        var officialView =
                api.get("/api/assignment/appeals/" + appeal).token(official).send();
        assertThat(officialView.json().get("supervisionNotices")).hasSize(1);
        JsonNode notices = await().until(
                        () -> api.get("/api/assignment/leaders/leader/supervision-notices")
                                .token(leader)
                                .send()
                                .json(),
                        list -> list.findValuesAsText("appealId").contains(appeal.toString()));
        ContractSamples.verify("assignment", "supervision-notices", notices);
    }

    @Test
    void aThousandConcurrentRetriesWithOneKeyIssueExactlyOneSupervisionNotice() {
        UUID appeal = file(AppealCategory.POWER);

        var answers = RetryStorm.send(
                "supervision notice",
                api.post("/api/assignment/appeals/" + appeal + "/supervision-notices")
                        .token(leader)
                        .header("Idempotency-Key", "notice-storm-" + UUID.randomUUID())
                        .body(Map.of(
                                "instructions",
                                "请三个工作日内反馈供电方案",
                                "dueAt",
                                Instant.now().plus(Duration.ofDays(3)).toString())));

        String notice = RetryStorm.createdOnce(answers, "noticeId");
        assertThat(jdbc.queryForList(
                        "SELECT convert_from(payload, 'UTF8') FROM event_store.domain_event_entry"
                                + " WHERE aggregate_identifier = ? AND payload_type LIKE '%.SupervisionNoticeIssuedEvent'",
                        String.class,
                        cn.qinqing.language.Ids.derive("assignment", appeal.toString())
                                .toString()))
                .singleElement()
                .asString()
                .contains(notice);
    }

    @Test
    void escalationOnRequestClimbsTheChainOfCommandToTheTopAndNoFurther() {
        UUID appeal = file(AppealCategory.POWER);
        List<String> reached = new ArrayList<>();
        for (int step = 0; step < 3; step++) {
            var escalated = api.post("/api/assignment/appeals/" + appeal + "/escalation")
                    .token(dispatcher)
                    .header("If-Match", ifMatch(version(appeal)))
                    .body(Map.of("reason", "企业多次催办"))
                    .send();
            assertThat(escalated.status()).as(escalated.toString()).isEqualTo(200);
            long expected = escalated.json().get("version").asLong();
            reached.add(awaitAssignment(appeal, a -> a.path("version").asLong() == expected)
                    .get("leaderId")
                    .asText());
        }
        assertThat(reached).containsExactly("head-industry-it", "leader", "mayor");

        long before = eventCount();
        var pastTheTop = api.post("/api/assignment/appeals/" + appeal + "/escalation")
                .token(dispatcher)
                .header("If-Match", ifMatch(version(appeal)))
                .body(Map.of("reason", "再次升级"))
                .send();
        assertThat(pastTheTop.status()).isEqualTo(409);
        assertThat(pastTheTop.json().get("type").asText()).endsWith("/already-at-the-top");
        assertThat(eventCount()).isEqualTo(before);

        JsonNode holders = awaitHolders(appeal, 4);
        List<String> leaders = new ArrayList<>();
        List<String> endReasons = new ArrayList<>();
        holders.forEach(period -> {
            if (period.get("holderKind").asText().equals("LEADER")) {
                leaders.add(period.get("holderId").asText());
                endReasons.add(
                        period.get("endReason").isNull()
                                ? "open"
                                : period.get("endReason").asText());
            }
        });
        assertThat(leaders).containsExactly("head-industry-it", "leader", "mayor");
        assertThat(endReasons).containsExactly("ESCALATED", "ESCALATED", "open");
    }

    @Test
    void aBreachedDeadlineEscalatesOnceHoweverOftenItIsReported() {
        UUID appeal = file(AppealCategory.POWER);
        long before = assignmentEvents(appeal);
        Instant due = Instant.now().minus(Duration.ofHours(1));
        DeadlineBreachedEvent breach =
                new DeadlineBreachedEvent(appeal, DeadlineKind.SIGN_FOR, "industry-it", due, Instant.now());

        publish(breach, "system:resolution", "SYSTEM");
        publish(breach, "system:resolution", "SYSTEM");

        JsonNode escalated =
                awaitAssignment(appeal, a -> a.path("leaderId").asText().equals("head-industry-it"));
        await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
        assertThat(assignmentEvents(appeal)).isEqualTo(before + 1);
        assertThat(escalated.get("version").asLong()).isEqualTo(before);
    }

    @Test
    void resolvingEndsTheHoldingPeriodsReopeningRestartsThemAndClosingEndsThemForGood() {
        UUID appeal = file(AppealCategory.POWER);
        signFor(appeal, official);
        publish(
                new ResolutionSubmittedEvent(
                        appeal,
                        "industry-it",
                        "official",
                        1,
                        "已协调供电公司",
                        Outcome.SOLVED,
                        null,
                        null,
                        Instant.now(),
                        true),
                "official",
                "OFFICIAL");
        awaitHolders(appeal, 1, holders -> "RESOLVED"
                .equals(holders.get(0).path("endReason").asText()));
        publish(
                new CaseFileReopenedEvent(appeal, 2, Instant.now(), Instant.now(), Instant.now()),
                "enterprise-a",
                "ENTERPRISE");
        awaitHolders(appeal, 2);
        publish(new CaseFileClosedEvent(appeal, "industry-it", "RATED", Instant.now()), "head-industry-it", "LEADER");

        JsonNode holders = awaitHolders(
                appeal, 2, h -> "CLOSED".equals(h.get(1).path("endReason").asText()));
        assertThat(holders.get(1).get("holderId").asText()).isEqualTo("industry-it");
        JsonNode closed = awaitAssignment(appeal, a -> a.path("status").asText().equals("CLOSED"));
        assertThat(closed.get("closedReason").asText()).isEqualTo("CASE_CLOSED");

        long before = eventCount();
        var transfer = api.post("/api/assignment/appeals/" + appeal + "/transfer")
                .token(official)
                .header("If-Match", ifMatch(closed.get("version").asLong()))
                .body(Map.of("toDepartmentId", "natural-resources", "reason", "结案后转办"))
                .send();
        assertThat(transfer.status()).isIn(404, 409);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aStaleIfMatchIsAConflictAndAMissingOneIsRequired() {
        UUID appeal = file(AppealCategory.POWER);
        long version = version(appeal);
        long before = eventCount();

        var stale = api.post("/api/assignment/appeals/" + appeal + "/sign-for")
                .token(official)
                .header("If-Match", ifMatch(version - 1))
                .send();
        var missing = api.post("/api/assignment/appeals/" + appeal + "/sign-for")
                .token(official)
                .send();

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.header("Content-Type")).startsWith("application/problem+json");
        assertThat(missing.status()).isEqualTo(428);
        assertThat(eventCount()).isEqualTo(before);
    }

    private void signFor(UUID appeal, String token) {
        var signed = api.post("/api/assignment/appeals/" + appeal + "/sign-for")
                .token(token)
                .header("If-Match", ifMatch(version(appeal)))
                .send();
        assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
        awaitAssignment(appeal, a -> a.path("status").asText().equals("SIGNED_FOR"));
    }

    private JsonNode awaitHolders(UUID appeal, int periods) {
        return awaitHolders(appeal, periods, holders -> true);
    }

    private JsonNode awaitHolders(UUID appeal, int periods, java.util.function.Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> api.get("/api/assignment/appeals/" + appeal + "/holders")
                                .token(supervisor)
                                .send()
                                .json(),
                        holders -> holders.size() == periods && condition.test(holders));
    }
}
