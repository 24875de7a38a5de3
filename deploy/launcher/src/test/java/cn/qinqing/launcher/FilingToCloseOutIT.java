package cn.qinqing.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import cn.qinqing.language.calendar.WorkingCalendar;
import cn.qinqing.launcher.browser.BrowserPlatform;
import cn.qinqing.testsupport.HttpApi;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole loop of an appeal across the service processes, through their APIs with tokens from the identity service:
 * filed (appeals) → routed (assignment) → signed for (assignment) → case file with due dates (resolution) → progress
 * → answer (resolution, shown by appeals) → rating (appeals) → sign-off → closed (resolution, then appeals); and a
 * reopened appeal's new clock. On the platform the browser tests share (every service, the durations of a real run).
 */
class FilingToCloseOutIT {

    static final WorkingCalendar CALENDAR = WorkingCalendar.bundled();
    static final Duration FIRST_CONTACT = WorkingCalendar.WORKING_DAY;
    static final Duration NORMAL_RESOLUTION = WorkingCalendar.WORKING_DAY.multipliedBy(15);

    static ServiceApis apis;
    static StoredEvents store;
    static String enterprise;
    static String otherEnterprise;
    static String official;
    static String head;
    static String leader;

    @BeforeAll
    static void signIn() {
        BrowserPlatform shared = BrowserPlatform.get();
        assertThat(shared.runs("assignment") && shared.runs("resolution"))
                .as("assignment and resolution are built and running")
                .isTrue();
        apis = new ServiceApis(shared.platform());
        store = new StoredEvents(shared.platform().database());
        enterprise = apis.signIn("enterprise-a");
        otherEnterprise = apis.signIn("enterprise-b");
        official = apis.signIn("official");
        head = apis.signIn("head-industry-it");
        leader = apis.signIn("leader");
    }

    @AfterAll
    static void closeStore() throws Exception {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void anAppealIsFiledRoutedSignedForWorkedAnsweredRatedAndClosedOutWithTheEnterpriseSeeingEachStep() {
        List<String> seen = new ArrayList<>();
        UUID appeal = apis.file(enterprise, "端到端：从提交到销号", "NORMAL");
        seen.add("FILED");
        seen.add(apis.awaitAppealStatus(enterprise, appeal, "DISPATCHED")
                .path("status")
                .asText());
        assertThat(apis.appeals
                        .get("/api/appeals/" + appeal)
                        .token(otherEnterprise)
                        .send()
                        .status())
                .as("another enterprise does not learn that the appeal exists")
                .isEqualTo(404);

        apis.signFor(official, appeal);
        seen.add(apis.awaitAppealStatus(enterprise, appeal, "SIGNED_FOR")
                .path("status")
                .asText());

        // the case file opened at the sign-for, due dates on the working calendar (NORMAL: 15 working days)
        var opened = apis.awaitCaseFile(official, appeal);
        JsonNode caseFile = opened.json();
        assertThat(caseFile.get("status").asText()).isEqualTo("OPEN");
        assertThat(caseFile.get("round").asInt()).isEqualTo(1);
        assertThat(caseFile.get("departmentId").asText()).isEqualTo("industry-it");
        Instant openedAt = instant(caseFile, "openedAt");
        assertThat(instant(caseFile, "firstContactDueAt"))
                .isCloseTo(CALENDAR.addWorkingTime(openedAt, FIRST_CONTACT), within(1, ChronoUnit.MILLIS));
        assertThat(instant(caseFile, "resolutionDueAt"))
                .isCloseTo(CALENDAR.addWorkingTime(openedAt, NORMAL_RESOLUTION), within(1, ChronoUnit.MILLIS));

        // an internal note, then one for the enterprise: it sees the second only, and the appeal is in progress
        String etag = note(appeal, opened.header("ETag"), "内部：已与供电公司营销部电话沟通，对方称需排期。", false);
        etag = note(appeal, etag, "已联系供电公司，将于三个工作日内安排送电验收。", true);
        seen.add(apis.awaitAppealStatus(enterprise, appeal, "IN_PROGRESS")
                .path("status")
                .asText());
        String timeline = timeline(enterprise, appeal);
        assertThat(timeline).contains("已联系供电公司").doesNotContain("内部：");
        await().atMost(ServiceApis.EVENTS)
                .alias("the department sees both notes")
                .until(() -> {
                    String notes = apis.resolution
                            .get("/api/resolution/case-files/" + appeal + "/notes")
                            .token(official)
                            .send()
                            .text();
                    return notes.contains("已联系供电公司") && notes.contains("内部：");
                });

        var answered = apis.resolution
                .post("/api/resolution/case-files/" + appeal + "/answer")
                .token(official)
                .header("If-Match", etag)
                .body(Map.of("answer", "供电公司已完成送电验收，专线已送电。", "outcome", "SOLVED"))
                .send();
        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
        JsonNode shown = apis.awaitAppealStatus(enterprise, appeal, "ANSWERED");
        seen.add(shown.path("status").asText());
        assertThat(timeline(enterprise, appeal)).contains("供电公司已完成送电验收", "SOLVED", "ratingDueAt");
        assertThat(apis.appeals
                        .post("/api/appeals/" + appeal + "/rating")
                        .token(otherEnterprise)
                        .header("If-Match", "\"" + shown.path("version").asLong() + "\"")
                        .body(Map.of("rating", 1, "comment", "不是我们的诉求"))
                        .send()
                        .status())
                .as("nor can it rate the answer")
                .isEqualTo(404);

        var rated = apis.appeals
                .post("/api/appeals/" + appeal + "/rating")
                .token(enterprise)
                .header("If-Match", "\"" + shown.path("version").asLong() + "\"")
                .body(Map.of("rating", 5, "comment", "办理及时，非常满意。"))
                .send();
        assertThat(rated.status()).as(rated.toString()).isEqualTo(200);
        seen.add(apis.awaitAppealStatus(enterprise, appeal, "RATED")
                .path("status")
                .asText());

        // the feedback reached the case file; the department head signs off (销号); another leader may not
        await().atMost(ServiceApis.EVENTS)
                .until(() -> apis.caseFile(head, appeal).json().path("rating").asInt() == 5);
        String feedbackVersion = apis.caseFile(head, appeal).header("ETag");
        assertThat(apis.resolution
                        .post("/api/resolution/case-files/" + appeal + "/sign-off")
                        .token(leader)
                        .header("If-Match", feedbackVersion)
                        .send()
                        .status())
                .as("a leader neither in charge nor head of the department")
                .isEqualTo(404);
        var signedOff = apis.resolution
                .post("/api/resolution/case-files/" + appeal + "/sign-off")
                .token(head)
                .header("If-Match", feedbackVersion)
                .send();
        assertThat(signedOff.status()).as(signedOff.toString()).isEqualTo(200);
        await().atMost(ServiceApis.EVENTS).until(() -> "CLOSED"
                .equals(apis.caseFile(head, appeal).json().path("status").asText()));
        assertThat(apis.caseFile(head, appeal).json().path("signedOffBy").asText())
                .isEqualTo("head-industry-it");
        seen.add(apis.awaitAppealStatus(enterprise, appeal, "CLOSED")
                .path("status")
                .asText());

        assertThat(seen)
                .containsExactly("FILED", "DISPATCHED", "SIGNED_FOR", "IN_PROGRESS", "ANSWERED", "RATED", "CLOSED");
        List<String> steps = new ArrayList<>();
        apis.appeals
                .get("/api/appeals/" + appeal + "/timeline")
                .token(enterprise)
                .send()
                .json()
                .forEach(entry -> steps.add(entry.get("type").asText()));
        assertThat(steps)
                .containsSubsequence("FILED", "DISPATCHED", "SIGNED_FOR", "PROGRESS", "ANSWERED", "RATED", "CLOSED")
                .containsOnlyOnce("PROGRESS");
        assertThat(store.about(appeal, "resolution.CaseFileClosedEvent")).hasSize(1);
        assertThat(store.about(appeal, "appeal.AppealClosedEvent")).hasSize(1);
        assertThat(apis.appeals
                        .get("/api/appeals/" + appeal + "/timeline")
                        .token(otherEnterprise)
                        .send()
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aDissatisfiedEnterpriseReopensItsAnsweredAppealAndTheCaseFileStartsANewClockFromTheReopening() {
        UUID appeal = apis.file(enterprise, "端到端：不满意，重新办理", "NORMAL");
        apis.signFor(official, appeal);
        var opened = apis.awaitCaseFile(official, appeal);
        JsonNode firstRound = opened.json();
        String etag = note(appeal, opened.header("ETag"), "已电话联系企业，了解送电卡点。", true);
        var answered = apis.resolution
                .post("/api/resolution/case-files/" + appeal + "/answer")
                .token(official)
                .header("If-Match", etag)
                .body(Map.of(
                        "answer", "已督促供电公司排期，但验收时间尚未确定。",
                        "outcome", "PARTLY_SOLVED",
                        "reason", "供电公司验收排期在下月"))
                .send();
        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);

        JsonNode shown = apis.awaitAppealStatus(enterprise, appeal, "ANSWERED");
        var rated = apis.appeals
                .post("/api/appeals/" + appeal + "/rating")
                .token(enterprise)
                .header("If-Match", "\"" + shown.path("version").asLong() + "\"")
                .body(Map.of("rating", 2, "comment", "仍未送电。"))
                .send();
        assertThat(rated.status()).as(rated.toString()).isEqualTo(200);
        assertThat(apis.appeals
                        .post("/api/appeals/" + appeal + "/reopening")
                        .token(otherEnterprise)
                        .header("If-Match", rated.header("ETag"))
                        .body(Map.of("reason", "不是我们的诉求"))
                        .send()
                        .status())
                .as("another enterprise cannot reopen it")
                .isEqualTo(404);
        var reopened = apis.appeals
                .post("/api/appeals/" + appeal + "/reopening")
                .token(enterprise)
                .header("If-Match", rated.header("ETag"))
                .body(Map.of("reason", "答复未解决问题，专线仍未送电，请重新办理。"))
                .send();
        assertThat(reopened.status()).as(reopened.toString()).isEqualTo(200);
        apis.awaitAppealStatus(enterprise, appeal, "REOPENED");

        // round 2: open again, first contact not made yet, both clocks counted anew from the reopening
        await().atMost(ServiceApis.EVENTS)
                .until(() ->
                        apis.caseFile(official, appeal).json().path("round").asInt() == 2);
        JsonNode secondRound = apis.caseFile(official, appeal).json();
        assertThat(secondRound.get("status").asText()).isEqualTo("OPEN");
        assertThat(secondRound.get("firstContactAt").isNull()).isTrue();
        assertThat(firstRound.get("round").asInt()).isEqualTo(1);
        JsonNode reopening =
                store.about(appeal, "resolution.CaseFileReopenedEvent").get(0);
        Instant reopenedAt = instant(reopening, "reopenedAt");
        assertThat(reopenedAt).isAfter(instant(firstRound, "openedAt"));
        assertThat(instant(secondRound, "firstContactDueAt"))
                .isCloseTo(CALENDAR.addWorkingTime(reopenedAt, FIRST_CONTACT), within(1, ChronoUnit.MILLIS));
        assertThat(instant(secondRound, "resolutionDueAt"))
                .isCloseTo(CALENDAR.addWorkingTime(reopenedAt, NORMAL_RESOLUTION), within(1, ChronoUnit.MILLIS))
                .isAfterOrEqualTo(instant(firstRound, "resolutionDueAt"));
        assertThat(store.about(appeal, "resolution.CaseFileReopenedEvent")).hasSize(1);

        // the department works it again: the enterprise sees it in progress once more
        note(appeal, apis.caseFile(official, appeal).header("ETag"), "重新办理：已约供电公司现场会商。", true);
        apis.awaitAppealStatus(enterprise, appeal, "IN_PROGRESS");
    }

    /** Notes progress as the official; returns the case file's new ETag. */
    private static String note(UUID appeal, String ifMatch, String text, boolean visibleToEnterprise) {
        HttpApi.Response noted = apis.resolution
                .post("/api/resolution/case-files/" + appeal + "/notes")
                .token(official)
                .header("If-Match", ifMatch)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of(
                        "text", text,
                        "visibleToEnterprise", visibleToEnterprise,
                        "contactWithEnterprise", visibleToEnterprise))
                .send();
        assertThat(noted.status()).as(noted.toString()).isEqualTo(201);
        return noted.header("ETag");
    }

    private static String timeline(String token, UUID appeal) {
        var read = apis.appeals
                .get("/api/appeals/" + appeal + "/timeline")
                .token(token)
                .send();
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        return read.text();
    }

    private static Instant instant(JsonNode node, String field) {
        return Instant.parse(node.get(field).asText());
    }
}
