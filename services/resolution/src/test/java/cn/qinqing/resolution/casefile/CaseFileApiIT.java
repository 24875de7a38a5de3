package cn.qinqing.resolution.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.qinqing.language.Role;
import cn.qinqing.language.Urgency;
import cn.qinqing.language.appeal.AppealRatedEvent;
import cn.qinqing.language.appeal.AppealReopenedEvent;
import cn.qinqing.language.appeal.AppealSupplementedEvent;
import cn.qinqing.language.appeal.AppealWithdrawnEvent;
import cn.qinqing.language.assignment.LeaderTookChargeEvent;
import cn.qinqing.language.calendar.WorkingCalendar;
import cn.qinqing.platform.idempotency.IdempotencyKeys;
import cn.qinqing.resolution.ResolutionApiTestBase;
import cn.qinqing.resolution.casefile.command.Caller;
import cn.qinqing.resolution.casefile.command.CaseFile;
import cn.qinqing.resolution.casefile.command.NoteProgressCommand;
import cn.qinqing.testsupport.ContractSamples;
import cn.qinqing.testsupport.HttpApi;
import cn.qinqing.testsupport.RetryStorm;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CaseFileApiIT extends ResolutionApiTestBase {

    @Autowired
    IdempotencyKeys idempotencyKeys;

    @Autowired
    CommandGateway commands;

    static Instant shanghai(String local) {
        return LocalDateTime.parse(local).atZone(WorkingCalendar.ZONE).toInstant();
    }

    @Test
    void aSignForOpensACaseFileWithItsDueDatesOnTheWorkingCalendar() {
        // signed Friday 13 Feb 2026 10:00 (before the Spring Festival), urgent
        UUID appeal = signedForAppeal(Urgency.URGENT, shanghai("2026-02-13T10:00"));

        var read =
                api.get("/api/resolution/case-files/" + appeal).token(official).send();

        assertThat(read.status()).isEqualTo(200);
        // both due dates lie in the past: their breaches may already be recorded, each moving the version on
        assertThat(read.header("ETag")).matches("\"\\d+\"");
        assertThat(read.header("X-Read-Model-Position")).matches("\\d+/\\d+");
        JsonNode caseFile = read.json();
        ContractSamples.verify("resolution", "case-file", caseFile);
        assertThat(caseFile.get("status").asText()).isEqualTo("OPEN");
        assertThat(caseFile.get("urgency").asText()).isEqualTo("URGENT");
        assertThat(Instant.parse(caseFile.get("firstContactDueAt").asText()))
                .as("the make-up Saturday counts")
                .isEqualTo(shanghai("2026-02-14T10:00"));
        assertThat(Instant.parse(caseFile.get("resolutionDueAt").asText())).isEqualTo(shanghai("2026-02-27T10:00"));
        assertThat(caseFile.get("caseFileId").asText())
                .isEqualTo(CaseFile.idOf(appeal).toString());
    }

    @Test
    void theHoldingDepartmentWorksTheCaseFromNotesThroughAPauseToTheAnswer() {
        UUID appeal = signedForAppeal(Urgency.NORMAL, Instant.now());
        String path = "/api/resolution/case-files/" + appeal;

        var note = api.post(path + "/notes")
                .token(official)
                .header("If-Match", etag(0))
                .body(Map.of("text", "已电话联系企业王经理", "visibleToEnterprise", true, "contactWithEnterprise", true))
                .send();
        assertThat(note.status()).isEqualTo(201);
        assertThat(note.header("ETag")).isEqualTo("\"1\"");
        var internal = api.post(path + "/notes")
                .token(official)
                .header("If-Match", etag(1))
                .body(Map.of("text", "内部：需与供电公司会商", "visibleToEnterprise", false))
                .send();
        assertThat(internal.status()).isEqualTo(201);

        var paused = api.post(path + "/pause")
                .token(official)
                .header("If-Match", etag(2))
                .body(Map.of("reason", "等待企业补充用电负荷表"))
                .send();
        assertThat(paused.status()).isEqualTo(200);
        awaitVersion(appeal, 3);
        assertThat(api.get(path).token(official).send().json().get("status").asText())
                .isEqualTo("PAUSED");

        // the enterprise supplements its appeal: the clock runs again by itself
        publish(
                "Appeal",
                appeal.toString(),
                1,
                new AppealSupplementedEvent(appeal, ENTERPRISE_A, "负荷表见附件", List.of(), Instant.now()),
                "user-a",
                "ENTERPRISE");
        awaitVersion(appeal, 4);
        JsonNode resumed = api.get(path).token(official).send().json();
        assertThat(resumed.get("status").asText()).isEqualTo("OPEN");
        assertThat(resumed.get("firstContactAt").isNull()).isFalse();

        var answered = api.post(path + "/answer")
                .token(official)
                .header("If-Match", etag(4))
                .body(Map.of("answer", "已协调供电公司完成增容", "outcome", "SOLVED"))
                .send();
        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.header("ETag")).isEqualTo("\"5\"");
        awaitVersion(appeal, 5);
        JsonNode done = api.get(path).token(official).send().json();
        assertThat(done.get("status").asText()).isEqualTo("ANSWERED");
        assertThat(done.get("answeredOnTime").asBoolean()).isTrue();
        assertThat(eventTypes(CaseFile.idOf(appeal)))
                .extracting(type -> type.substring(type.lastIndexOf('.') + 1))
                .containsExactly(
                        "CaseFileOpenedEvent",
                        "ProgressNotedEvent",
                        "ProgressNotedEvent",
                        "CaseFilePausedEvent",
                        "CaseFileResumedEvent",
                        "ResolutionSubmittedEvent");

        var notes = api.get(path + "/notes").token(official).send();
        assertThat(notes.json().findValuesAsText("text")).containsExactly("已电话联系企业王经理", "内部：需与供电公司会商");
    }

    @Test
    void aNoteRefusedForAStaleVersionLeavesItsKeySoThatTheRetryReallyAddsIt() {
        UUID appeal = signedForAppeal(Urgency.NORMAL, Instant.now());
        String path = "/api/resolution/case-files/" + appeal;
        String key = "note-" + appeal;
        Map<String, Object> body = Map.of("text", "第一次尝试", "visibleToEnterprise", true);

        var stale = api.post(path + "/notes")
                .token(official)
                .header("If-Match", etag(7))
                .header("Idempotency-Key", key)
                .body(body)
                .send();
        var retry = api.post(path + "/notes")
                .token(official)
                .header("If-Match", etag(0))
                .header("Idempotency-Key", key)
                .body(body)
                .send();

        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed"))
                .as("the refused request created nothing")
                .isEqualTo("false");
        await().until(() ->
                api.get(path + "/notes").token(official).send().json().size() == 1);
        assertThat(api.get(path + "/notes").token(official).send().json().findValuesAsText("text"))
                .containsExactly("第一次尝试");
    }

    @Test
    void aThousandConcurrentRetriesWithOneKeyAddExactlyOneNote() {
        UUID appeal = signedForAppeal(Urgency.NORMAL, Instant.now());
        String path = "/api/resolution/case-files/" + appeal;

        var answers = RetryStorm.send(
                "progress note",
                api.post(path + "/notes")
                        .token(official)
                        .header("If-Match", etag(0))
                        .header("Idempotency-Key", "storm-" + appeal)
                        .body(Map.of("text", "已电话联系企业", "visibleToEnterprise", true, "contactWithEnterprise", true)));

        String noteId = createdOnce(answers);
        assertThat(ids(appeal, "ProgressNotedEvent", "noteId"))
                .as("one ProgressNotedEvent, for that note")
                .containsExactly(noteId);
        await().until(() ->
                api.get(path + "/notes").token(official).send().json().size() == 1);
    }

    @Test
    void aThousandConcurrentRetriesWithOneKeyRequestExactlyOneExtension() {
        UUID appeal = signedForAppeal(Urgency.URGENT, Instant.now());
        String path = "/api/resolution/case-files/" + appeal;
        Instant resolutionDue = resolutionDue(path);

        var answers = RetryStorm.send(
                "extension request",
                api.post(path + "/extension-requests")
                        .token(official)
                        .header("If-Match", etag(0))
                        .header("Idempotency-Key", "storm-" + appeal)
                        .body(Map.of(
                                "requestedDueAt",
                                resolutionDue.plusSeconds(7 * 86400).toString(),
                                "reason",
                                "需要现场勘查")));

        String requestId = createdOnce(answers);
        assertThat(ids(appeal, "ExtensionRequestedEvent", "requestId"))
                .as("one ExtensionRequestedEvent, for that request")
                .containsExactly(requestId);
    }

    @Test
    void aNoteSentInTheTransactionOfItsKeyIsRolledBackWithIt() {
        UUID appeal = signedForAppeal(Urgency.NORMAL, Instant.now());
        UUID note = UUID.randomUUID();
        String scope = "note:" + appeal + ":official";

        assertThatThrownBy(() -> idempotencyKeys.reserveAndCreate(
                        scope, "rolled-back", IdempotencyKeys.bytes("x"), note.toString(), id -> {
                            commands.sendAndWait(new NoteProgressCommand(
                                    CaseFile.idOf(appeal),
                                    0L,
                                    new Caller("official", Role.OFFICIAL, DEPARTMENT, false),
                                    note,
                                    "回滚",
                                    false,
                                    false,
                                    Instant.now()));
                            throw new IllegalStateException("the key's transaction fails after the command");
                        }))
                .hasMessageContaining("after the command");

        assertThat(eventTypes(CaseFile.idOf(appeal)))
                .as("the command's unit of work joined the key's transaction")
                .hasSize(1);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM resolution.idempotency_key WHERE scope = ?", Long.class, scope))
                .isZero();
    }

    /** Sends the same create 1,000 times at once; every answer must be 201 for the same resource. */
    /** The one id all answers name (R2's checks), each answer with the version after it. */
    private static String createdOnce(List<HttpApi.Response> answers) {
        String id = RetryStorm.createdOnce(answers, "id");
        assertThat(answers)
                .as("a retry answers once the create it acknowledges is committed")
                .allSatisfy(answer -> assertThat(answer.header("ETag")).isEqualTo(etag(1)));
        return id;
    }

    /** The resolution due time in force, as the official reads it. */
    private Instant resolutionDue(String path) {
        return Instant.parse(api.get(path)
                .token(official)
                .send()
                .json()
                .get("resolutionDueAt")
                .asText());
    }

    /** The given field of each event of the type on the appeal's case file. */
    private List<String> ids(UUID appeal, String eventType, String field) {
        return jdbc.queryForList(
                "SELECT convert_from(payload, 'UTF8')::jsonb ->> ? FROM event_store.domain_event_entry"
                        + " WHERE aggregate_identifier = ? AND payload_type LIKE ?",
                String.class,
                field,
                CaseFile.idOf(appeal).toString(),
                "%" + eventType);
    }

    @Test
    void anExtensionIsRequestedOnceWhateverTheRetriesAndTheDepartmentHeadGrantsIt() {
        UUID appeal = signedForAppeal(Urgency.URGENT, Instant.now());
        String path = "/api/resolution/case-files/" + appeal;
        Instant resolutionDue = resolutionDue(path);
        Map<String, Object> body =
                Map.of("requestedDueAt", resolutionDue.plusSeconds(7 * 86400).toString(), "reason", "需要现场勘查");

        var first = api.post(path + "/extension-requests")
                .token(official)
                .header("If-Match", etag(0))
                .header("Idempotency-Key", "ext-" + appeal)
                .body(body)
                .send();
        var retry = api.post(path + "/extension-requests")
                .token(official)
                .header("If-Match", etag(0))
                .header("Idempotency-Key", "ext-" + appeal)
                .body(body)
                .send();

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        String requestId = first.json().get("id").asText();
        assertThat(retry.json().get("id").asText()).isEqualTo(requestId);
        await().until(() ->
                api.get(path + "/extension-requests").token(head).send().json().size() == 1);

        var byAnotherLeader = api.post(path + "/extension-requests/" + requestId + "/decision")
                .token(leader)
                .header("If-Match", etag(1))
                .body(Map.of("grant", true))
                .send();
        assertThat(byAnotherLeader.status())
                .as("a leader neither heading the department nor in charge")
                .isEqualTo(404);
        var byAnOfficial = api.post(path + "/extension-requests/" + requestId + "/decision")
                .token(official)
                .header("If-Match", etag(1))
                .body(Map.of("grant", true))
                .send();
        assertThat(byAnOfficial.status()).isEqualTo(403);

        var granted = api.post(path + "/extension-requests/" + requestId + "/decision")
                .token(head)
                .header("If-Match", etag(1))
                .body(Map.of("grant", true))
                .send();
        assertThat(granted.status()).isEqualTo(200);
        awaitVersion(appeal, 2);
        assertThat(Instant.parse(api.get(path)
                        .token(official)
                        .send()
                        .json()
                        .get("resolutionDueAt")
                        .asText()))
                .isEqualTo(resolutionDue.plusSeconds(7 * 86400));
        assertThat(api.get(path + "/extension-requests")
                        .token(head)
                        .send()
                        .json()
                        .get(0)
                        .get("decision")
                        .asText())
                .isEqualTo("GRANTED");
    }

    @Test
    void anExtensionAskedUntilASaturdayEndsAtTheNextWorkingInstantAndTheAnswerSaysSo() {
        UUID appeal = signedForAppeal(Urgency.URGENT, Instant.now());
        String path = "/api/resolution/case-files/" + appeal;
        WorkingCalendar calendar = WorkingCalendar.bundled();
        LocalDate saturday = LocalDate.ofInstant(resolutionDue(path), WorkingCalendar.ZONE)
                .plusWeeks(2)
                .with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
        while (calendar.isWorkingDay(saturday)) { // a make-up working Saturday (调休) would not do
            saturday = saturday.plusWeeks(1);
        }
        LocalDate nextWorkingDay = saturday.plusDays(1);
        while (!calendar.isWorkingDay(nextWorkingDay)) {
            nextWorkingDay = nextWorkingDay.plusDays(1);
        }
        Instant asked = saturday.atTime(10, 0).atZone(WorkingCalendar.ZONE).toInstant();
        Instant nextWorkingInstant = nextWorkingDay
                .atTime(WorkingCalendar.MORNING_START)
                .atZone(WorkingCalendar.ZONE)
                .toInstant();

        var requested = api.post(path + "/extension-requests")
                .token(official)
                .header("If-Match", etag(0))
                .body(Map.of("requestedDueAt", asked.toString(), "reason", "需要现场勘查"))
                .send();

        assertThat(requested.status()).isEqualTo(201);
        JsonNode moved = requested.json().get("dueAtMoved");
        assertThat(Instant.parse(moved.get("asked").asText())).isEqualTo(asked);
        assertThat(Instant.parse(moved.get("dueAt").asText())).isEqualTo(nextWorkingInstant);
        assertThat(moved.get("note").asText()).contains("next working instant");
        await().until(() ->
                api.get(path + "/extension-requests").token(head).send().json().size() == 1);
        assertThat(Instant.parse(api.get(path + "/extension-requests")
                        .token(head)
                        .send()
                        .json()
                        .get(0)
                        .get("requestedDueAt")
                        .asText()))
                .isEqualTo(nextWorkingInstant);

        var granted = api.post(path + "/extension-requests/"
                        + requested.json().get("id").asText() + "/decision")
                .token(head)
                .header("If-Match", etag(1))
                .body(Map.of("grant", true, "newDueAt", asked.plusSeconds(3600).toString()))
                .send();
        assertThat(granted.status()).isEqualTo(200);
        assertThat(Instant.parse(granted.json().get("dueAtMoved").get("dueAt").asText()))
                .as("granted until Saturday 11:00: the same next working instant")
                .isEqualTo(nextWorkingInstant);
        awaitVersion(appeal, 2);
        assertThat(Instant.parse(api.get(path)
                        .token(official)
                        .send()
                        .json()
                        .get("resolutionDueAt")
                        .asText()))
                .isEqualTo(nextWorkingInstant);
    }

    @Test
    void theLeaderInChargeDeniesAnExtensionWithAReason() {
        UUID appeal = signedForAppeal(Urgency.URGENT, Instant.now());
        publish(
                "Assignment",
                "charge-" + appeal,
                0,
                new LeaderTookChargeEvent(appeal, "leader", Instant.now()),
                "leader",
                "LEADER");
        String path = "/api/resolution/case-files/" + appeal;
        await().until(() -> "leader"
                .equals(api.get(path)
                        .token(official)
                        .send()
                        .json()
                        .get("leaderInCharge")
                        .asText()));
        var requested = api.post(path + "/extension-requests")
                .token(official)
                .header("If-Match", etag(0))
                .body(Map.of(
                        "requestedDueAt", Instant.now().plusSeconds(60 * 86400).toString(), "reason", "需要会商"))
                .send();
        String requestId = requested.json().get("id").asText();

        var noReason = api.post(path + "/extension-requests/" + requestId + "/decision")
                .token(leader)
                .header("If-Match", etag(1))
                .body(Map.of("grant", false))
                .send();
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.text()).contains("reason");

        var denied = api.post(path + "/extension-requests/" + requestId + "/decision")
                .token(leader)
                .header("If-Match", etag(1))
                .body(Map.of("grant", false, "reason", "时限内可以办结"))
                .send();
        assertThat(denied.status()).isEqualTo(200);
        assertThat(eventTypes(CaseFile.idOf(appeal))).last().asString().endsWith("ExtensionDeniedEvent");
    }

    @Test
    void closeOutNeedsTheEnterprisesRatingAndTheHeadsSignOff() {
        UUID appeal = signedForAppeal(Urgency.URGENT, Instant.now());
        String path = "/api/resolution/case-files/" + appeal;
        assertThat(api.post(path + "/answer")
                        .token(official)
                        .header("If-Match", etag(0))
                        .body(Map.of(
                                "answer", "经核查，该地块不符合规划",
                                "outcome", "CANNOT_BE_SOLVED",
                                "reason", "用地性质不符",
                                "policyBasis", "《城乡规划法》第四十三条"))
                        .send()
                        .status())
                .isEqualTo(200);

        var signedOff = api.post(path + "/sign-off")
                .token(head)
                .header("If-Match", etag(1))
                .send();
        assertThat(signedOff.status()).isEqualTo(200);
        awaitVersion(appeal, 2);
        assertThat(api.get(path).token(official).send().json().get("status").asText())
                .as("no feedback yet")
                .isEqualTo("ANSWERED");

        publish(
                "Appeal",
                appeal.toString(),
                1,
                new AppealRatedEvent(appeal, ENTERPRISE_A, 1, 4, "解释清楚", Instant.now()),
                "user-a",
                "ENTERPRISE");

        await().until(() -> "CLOSED"
                .equals(api.get(path)
                        .token(official)
                        .send()
                        .json()
                        .get("status")
                        .asText()));
        JsonNode closed = api.get(path).token(official).send().json();
        assertThat(closed.get("feedback").asText()).isEqualTo("RATED");
        assertThat(closed.get("rating").asInt()).isEqualTo(4);
        assertThat(closed.get("signedOffBy").asText()).isEqualTo("head-industry-it");
        assertThat(eventTypes(CaseFile.idOf(appeal))).last().asString().endsWith("CaseFileClosedEvent");
    }

    @Test
    void aReopenedAppealGetsANewRoundWithANewClockAndAWithdrawalStopsIt() {
        UUID appeal = signedForAppeal(Urgency.URGENT, Instant.now());
        String path = "/api/resolution/case-files/" + appeal;
        api.post(path + "/answer")
                .token(official)
                .header("If-Match", etag(0))
                .body(Map.of("answer", "已答复", "outcome", "SOLVED"))
                .send();
        Instant reopenedAt = Instant.now();
        publish(
                "Appeal",
                appeal.toString(),
                1,
                new AppealReopenedEvent(appeal, ENTERPRISE_A, 1, "问题仍未解决", reopenedAt),
                "user-a",
                "ENTERPRISE");

        await().until(() ->
                api.get(path).token(official).send().json().get("round").asInt() == 2);
        JsonNode reopened = api.get(path).token(official).send().json();
        assertThat(reopened.get("status").asText()).isEqualTo("OPEN");
        assertThat(Instant.parse(reopened.get("resolutionDueAt").asText())).isAfter(reopenedAt);
        assertThat(reopened.get("answer").asText())
                .as("the first round's answer stays on file")
                .isEqualTo("已答复");

        publish(
                "Appeal",
                appeal.toString(),
                2,
                new AppealWithdrawnEvent(appeal, ENTERPRISE_A, "已自行解决", Instant.now()),
                "user-a",
                "ENTERPRISE");
        await().until(() -> "CANCELLED"
                .equals(api.get(path)
                        .token(official)
                        .send()
                        .json()
                        .get("status")
                        .asText()));
    }

    @Test
    void onlyTheHoldingDepartmentSeesAndWorksItsCase() {
        UUID appeal = signedForAppeal(Urgency.URGENT, Instant.now());
        String path = "/api/resolution/case-files/" + appeal;

        assertThat(api.get(path).send().status()).as("no token").isEqualTo(401);
        assertThat(api.get(path).token(enterprise).send().status())
                .as("the enterprise follows its appeal in the appeals service")
                .isEqualTo(403);
        assertThat(api.get(path).token(officialLand).send().status()).isEqualTo(404);
        assertThat(api.get(path).token(supervisor).send().status()).isEqualTo(200);
        assertThat(api.get("/api/resolution/case-files")
                        .token(officialLand)
                        .send()
                        .json()
                        .findValuesAsText("appealId"))
                .doesNotContain(appeal.toString());
        assertThat(api.get("/api/resolution/case-files")
                        .token(official)
                        .send()
                        .json()
                        .findValuesAsText("appealId"))
                .contains(appeal.toString());

        var foreignNote = api.post(path + "/notes")
                .token(officialLand)
                .header("If-Match", etag(0))
                .body(Map.of("text", "越权", "visibleToEnterprise", true))
                .send();
        assertThat(foreignNote.status()).isEqualTo(404);
        assertThat(api.post(path + "/answer")
                        .token(supervisor)
                        .header("If-Match", etag(0))
                        .body(Map.of("answer", "x", "outcome", "SOLVED"))
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(eventTypes(CaseFile.idOf(appeal))).hasSize(1);
    }

    @Test
    void writesNeedTheCurrentVersionAndValidInputAndChangeNothingOtherwise() {
        UUID appeal = signedForAppeal(Urgency.URGENT, Instant.now());
        String path = "/api/resolution/case-files/" + appeal;

        var withoutIfMatch = api.post(path + "/pause")
                .token(official)
                .body(Map.of("reason", "等待"))
                .send();
        var stale = api.post(path + "/pause")
                .token(official)
                .header("If-Match", etag(7))
                .body(Map.of("reason", "等待"))
                .send();
        var blank = api.post(path + "/answer")
                .token(official)
                .header("If-Match", etag(0))
                .body(Map.of("answer", " ", "outcome", "PARTLY_SOLVED"))
                .send();
        var notJson = api.post(path + "/notes")
                .token(official)
                .header("If-Match", etag(0))
                .body("{not json")
                .send();

        assertThat(withoutIfMatch.status()).isEqualTo(428);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().get("errors").findValuesAsText("field")).contains("answer");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(api.get(path + "/nope").token(official).send().status()).isIn(403, 404);
        assertThat(api.get("/api/resolution/case-files/" + UUID.randomUUID())
                        .token(official)
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(eventTypes(CaseFile.idOf(appeal))).hasSize(1);
    }

    @Test
    void theOpenApiDocumentListsTheCaseFileApi() {
        var docs = api.get("/v3/api-docs").send();

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/resolution/case-files/{appealId}/answer"))
                .isTrue();
        assertThat(docs.json().get("paths").has("/api/resolution/calendar/{year}"))
                .isTrue();
    }
}
