package cn.qinqing.launcher.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qinqing.launcher.RunningService;
import cn.qinqing.testsupport.HttpApi;
import cn.qinqing.testsupport.OidcLogin;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A breakfast meeting's decision followed across every process, through the HTTP APIs as its users drive them with
 * tokens from the real identity service: {@code leader} schedules the meeting and invites enterprise A, which accepts
 * and proposes a topic; the agenda and the minutes are published; a decision raises an action item; the appeals service
 * files it as an appeal, the assignment service dispatches it to the owner department the meeting named (not where the
 * rules send its category), {@code official} signs for it and answers, the enterprise rates, the responsible leader
 * signs off, and the close-out flows back: the item is closed on time and the meeting closes. Runs on the browser
 * tests' platform (every service, normal durations), started once per test JVM.
 */
class MeetingActionItemChainIT {

    static final String ENTERPRISE_A = "91150200MA0QA0001T";
    static final String PASSWORD = "qinqing-demo";
    static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    static final Duration EVENTS = Duration.ofSeconds(60);

    @Test
    void aMeetingsDecisionBecomesAnAppealOfTheOwnerDepartmentAndItsCloseOutClosesTheMeeting() {
        BrowserPlatform platform = BrowserPlatform.get();
        for (String service : List.of("assignment", "resolution", "meetings")) {
            assertThat(platform.runs(service))
                    .as(service + " is built and running")
                    .isTrue();
        }
        HttpApi meetings = api(platform, "meetings");
        HttpApi appeals = api(platform, "appeals");
        HttpApi assignment = api(platform, "assignment");
        HttpApi resolution = api(platform, "resolution");
        OidcLogin identity = new OidcLogin(platform.platform().issuer().toString());
        String leader = identity.userToken("leader", PASSWORD);
        String enterpriseA = identity.userToken("enterprise-a", PASSWORD);
        String enterpriseB = identity.userToken("enterprise-b", PASSWORD);
        String official = identity.userToken("official", PASSWORD);

        // leader schedules: topics until 25 s from now, the meeting 35 s from now, for an hour
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant startsAt = now.plusSeconds(35);
        var scheduled = meetings.post("/api/meetings")
                .token(leader)
                .header("Idempotency-Key", "chain-" + UUID.randomUUID())
                .body(Map.of(
                        "theme", "光伏产业链：硅片与电池片（端到端）",
                        "venue", "市政府第一会议室",
                        "startsAt", startsAt.toString(),
                        "endsAt", startsAt.plus(Duration.ofHours(1)).toString(),
                        "capacity", 10,
                        "departmentIds", List.of("industry-it", "natural-resources"),
                        "topicCutOffAt", now.plusSeconds(25).toString()))
                .send();
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(201);
        String meeting = scheduled.json().get("id").asText();
        String path = "/api/meetings/" + meeting;
        var invited = meetings.post(path + "/invitations")
                .token(leader)
                .header("If-Match", scheduled.header("ETag"))
                .body(Map.of("enterpriseIds", List.of(ENTERPRISE_A)))
                .send();
        assertThat(invited.status()).as(invited.toString()).isEqualTo(200);

        // enterprise A sees its invitation, accepts it and brings a topic; enterprise B learns nothing of the meeting
        await().atMost(EVENTS)
                .until(() -> meetings.get(path).token(enterpriseA).send().status() == 200);
        assertThat(meetings.get(path).token(enterpriseB).send().status())
                .as("an enterprise that is not invited")
                .isEqualTo(404);
        var accepted = meetings.post(path + "/invitations/" + ENTERPRISE_A + "/acceptance")
                .token(enterpriseA)
                .header("If-Match", invited.header("ETag"))
                .send();
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        var proposed = meetings.post(path + "/topics")
                .token(enterpriseA)
                .header("Idempotency-Key", "chain-topic-" + UUID.randomUUID())
                .body(Map.of("title", "电池片项目用地与供电", "description", "新建电池片项目需要 200 亩用地和 10 MVA 增容。"))
                .send();
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        String topic = proposed.json().get("id").asText();

        // leader accepts the topic and publishes the agenda
        var topicAccepted = meetings.post(path + "/topics/" + topic + "/acceptance")
                .token(leader)
                .header("If-Match", proposed.header("ETag"))
                .send();
        assertThat(topicAccepted.status()).as(topicAccepted.toString()).isEqualTo(200);
        var agenda = meetings.put(path + "/agenda")
                .token(leader)
                .header("If-Match", topicAccepted.header("ETag"))
                .body(Map.of(
                        "items",
                        List.of(Map.of(
                                "title",
                                "电池片项目用地与供电",
                                "startsAt",
                                startsAt.toString(),
                                "endsAt",
                                startsAt.plus(Duration.ofMinutes(30)).toString(),
                                "departmentId",
                                "industry-it",
                                "topicId",
                                topic))))
                .send();
        assertThat(agenda.status()).as(agenda.toString()).isEqualTo(200);

        // the meeting takes place; leader drafts and publishes the minutes with a decision
        await().atMost(Duration.ofSeconds(60)).until(() -> Instant.now().isAfter(startsAt.plusSeconds(1)));
        String decision = "工信局牵头，会同自然资源局解决电池片项目用地与供电，三十日内办结";
        var drafted = meetings.put(path + "/minutes")
                .token(leader)
                .header("If-Match", agenda.header("ETag"))
                .body(Map.of(
                        "attendance",
                        Map.of(
                                "enterpriseIds", List.of(ENTERPRISE_A),
                                "departmentIds", List.of("industry-it", "natural-resources"),
                                "leaderIds", List.of("leader")),
                        "items",
                        List.of(Map.of(
                                "agendaPosition",
                                1,
                                "summary",
                                "企业介绍项目用地与供电需求，工信局、自然资源局说明办理路径。",
                                "decisions",
                                List.of(decision)))))
                .send();
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(200);
        var published = meetings.post(path + "/minutes/publication")
                .token(leader)
                .header("If-Match", drafted.header("ETag"))
                .send();
        assertThat(published.status()).as(published.toString()).isEqualTo(200);

        // the decision raises an action item: owner industry-it, though the rules send LAND to natural-resources
        LocalDate dueOn = LocalDate.now(CITY).plusDays(30);
        var raised = meetings.post(path + "/action-items")
                .token(leader)
                .header("Idempotency-Key", "chain-item-" + UUID.randomUUID())
                .body(Map.of(
                        "agendaPosition",
                        1,
                        "decision",
                        1,
                        "enterpriseId",
                        ENTERPRISE_A,
                        "ownerDepartmentId",
                        "industry-it",
                        "responsibleLeaderId",
                        "leader",
                        "dueOn",
                        dueOn.toString(),
                        "title",
                        "解决电池片项目用地与供电",
                        "description",
                        decision,
                        "category",
                        "LAND",
                        "urgency",
                        "URGENT"))
                .send();
        assertThat(raised.status()).as(raised.toString()).isEqualTo(201);
        String item = raised.json().get("id").asText();

        // meeting → appeal: the action item names its appeal
        JsonNode listed = until(
                () -> meetings.get(path + "/action-items").token(leader).send().json(),
                items -> items.size() == 1 && items.get(0).hasNonNull("appealId"));
        String appeal = listed.get(0).get("appealId").asText();
        assertThat(listed.get(0).get("id").asText()).isEqualTo(item);

        // appeal → meeting: the appeals service filed it for enterprise A, linked back to the meeting and the item
        JsonNode filed = until(() -> read(appeals, "/api/appeals/" + appeal, enterpriseA), a -> a != null);
        assertThat(filed.get("source").asText()).isEqualTo("BREAKFAST_MEETING");
        assertThat(filed.get("meetingId").asText()).isEqualTo(meeting);
        assertThat(filed.get("actionItemId").asText()).isEqualTo(item);
        assertThat(filed.get("enterpriseId").asText()).isEqualTo(ENTERPRISE_A);
        assertThat(appeals.get("/api/appeals/" + appeal)
                        .token(enterpriseB)
                        .send()
                        .status())
                .as("another enterprise does not see it")
                .isEqualTo(404);

        // dispatched to the owner department with the responsible leader in charge; official of industry-it signs for
        // it
        JsonNode dispatched = until(
                () -> read(assignment, "/api/assignment/appeals/" + appeal, official),
                a -> a != null && "DISPATCHED".equals(a.path("status").asText()));
        assertThat(dispatched.get("departmentId").asText()).isEqualTo("industry-it");
        assertThat(dispatched.get("routingMode").asText()).isEqualTo("MEETING_DECISION");
        assertThat(dispatched.get("leaderId").asText()).isEqualTo("leader");
        var signed = assignment
                .post("/api/assignment/appeals/" + appeal + "/sign-for")
                .token(official)
                .header("If-Match", "\"" + dispatched.get("version").asLong() + "\"")
                .send();
        assertThat(signed.status()).as(signed.toString()).isEqualTo(200);

        // official answers in the case file the sign-for opened
        var caseFile = until(
                () -> resolution
                        .get("/api/resolution/case-files/" + appeal)
                        .token(official)
                        .send(),
                response -> response.status() == 200);
        var answered = resolution
                .post("/api/resolution/case-files/" + appeal + "/answer")
                .token(official)
                .header("If-Match", caseFile.header("ETag"))
                .body(Map.of(
                        "answer", "已协调自然资源局调整用地指标，供电公司本月完成 10 MVA 增容。",
                        "outcome", "SOLVED"))
                .send();
        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);

        // enterprise A reads the answer and rates it
        JsonNode answer = until(() -> read(appeals, "/api/appeals/" + appeal, enterpriseA), a -> "ANSWERED"
                .equals(a.path("status").asText()));
        var rated = appeals.post("/api/appeals/" + appeal + "/rating")
                .token(enterpriseA)
                .header("If-Match", "\"" + answer.get("version").asLong() + "\"")
                .body(Map.of("rating", 5, "comment", "办理及时，问题已解决。"))
                .send();
        assertThat(rated.status()).as(rated.toString()).isEqualTo(200);

        // the responsible leader signs off once the case file has the enterprise's feedback: closed out
        var withFeedback = until(
                () -> resolution
                        .get("/api/resolution/case-files/" + appeal)
                        .token(leader)
                        .send(),
                response -> response.status() == 200 && response.json().hasNonNull("feedback"));
        var signedOff = resolution
                .post("/api/resolution/case-files/" + appeal + "/sign-off")
                .token(leader)
                .header("If-Match", withFeedback.header("ETag"))
                .send();
        assertThat(signedOff.status()).as(signedOff.toString()).isEqualTo(200);
        until(() -> read(appeals, "/api/appeals/" + appeal, enterpriseA), a -> "CLOSED"
                .equals(a.path("status").asText()));

        // the close-out flows back: the item is closed on time, the follow-up is complete, the meeting is closed
        JsonNode followUp = until(
                () -> meetings.get(path + "/follow-up").token(leader).send().json(),
                f -> f.path("closed").asInt() == 1);
        assertThat(followUp.get("followUpRate").asDouble()).isEqualTo(1.0);
        assertThat(followUp.get("open").asInt()).isZero();
        assertThat(followUp.get("overdue")).isEmpty();
        JsonNode closedItem = followUp.get("items").get(0);
        assertThat(closedItem.get("appealId").asText()).isEqualTo(appeal);
        assertThat(closedItem.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closedItem.get("holdingDepartmentId").asText()).isEqualTo("industry-it");
        assertThat(closedItem.get("routedElsewhere").asBoolean()).isFalse();
        assertThat(closedItem.get("overdue").asBoolean()).isFalse();
        assertThat(closedItem.get("closedOnTime").asBoolean()).isTrue();
        JsonNode closedMeeting =
                until(() -> meetings.get(path).token(leader).send().json().get("meeting"), m -> "CLOSED"
                        .equals(m.path("status").asText()));
        assertThat(closedMeeting.hasNonNull("closedAt")).isTrue();
        assertThat(meetings.get(path).token(enterpriseB).send().status())
                .as("still nothing for an enterprise that was not invited")
                .isEqualTo(404);
    }

    private static HttpApi api(BrowserPlatform platform, String service) {
        RunningService running = platform.platform().service(service);
        String url = running.baseUrl().toString();
        return new HttpApi(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    /** The resource as the user reads it, or null while it answers anything but 200. */
    private static JsonNode read(HttpApi api, String path, String token) {
        var response = api.get(path).token(token).send();
        return response.status() == 200 ? response.json() : null;
    }

    private static <T> T until(Supplier<T> read, Predicate<T> condition) {
        return await().atMost(EVENTS)
                .pollInterval(Duration.ofMillis(250))
                .until(read::get, value -> value != null && condition.test(value));
    }
}
