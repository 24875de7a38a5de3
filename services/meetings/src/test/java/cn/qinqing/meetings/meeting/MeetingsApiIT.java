package cn.qinqing.meetings.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.Ids;
import cn.qinqing.language.Urgency;
import cn.qinqing.language.appeal.AppealFiledEvent;
import cn.qinqing.language.appeal.AppealSource;
import cn.qinqing.language.appeal.MeetingReference;
import cn.qinqing.language.assignment.AppealDispatchedEvent;
import cn.qinqing.language.assignment.AppealSignedForEvent;
import cn.qinqing.language.assignment.RoutingMode;
import cn.qinqing.language.directory.EnterpriseLiaisonChangedEvent;
import cn.qinqing.language.meeting.ActionItemRaisedEvent;
import cn.qinqing.language.meeting.AgendaItem;
import cn.qinqing.language.meeting.AgendaPublishedEvent;
import cn.qinqing.language.meeting.Attendance;
import cn.qinqing.language.meeting.InvitationSelection;
import cn.qinqing.language.meeting.InvitationSentEvent;
import cn.qinqing.language.meeting.MeetingScheduledEvent;
import cn.qinqing.language.meeting.MinutesDraftedEvent;
import cn.qinqing.language.meeting.MinutesItem;
import cn.qinqing.language.resolution.CaseFileClosedEvent;
import cn.qinqing.language.resolution.Outcome;
import cn.qinqing.language.resolution.ResolutionSubmittedEvent;
import cn.qinqing.meetings.MeetingsApiTestBase;
import cn.qinqing.testsupport.ContractSamples;
import cn.qinqing.testsupport.RetryStorm;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MeetingsApiIT extends MeetingsApiTestBase {

    static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    @Test
    void aLeaderSchedulesAMeetingAndReadsItBack() {
        var scheduled = api.post("/api/meetings")
                .token(leader)
                .body(meeting(Duration.ofDays(7), Duration.ofDays(5), 12))
                .send();

        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(201);
        assertThat(scheduled.header("ETag")).isEqualTo("\"0\"");
        UUID id = UUID.fromString(scheduled.json().get("id").asText());
        assertThat(scheduled.header("Location")).isEqualTo("/api/meetings/" + id);
        awaitVersion(id, 0);

        var read = api.get("/api/meetings/" + id).token(leader).send();
        assertThat(read.status()).isEqualTo(200);
        ContractSamples.verify("meetings", "meeting", read.json());
        assertThat(read.header("ETag")).isEqualTo("\"0\"");
        assertThat(read.header("X-Read-Model-Position")).matches("\\d+/\\d+");
        JsonNode meeting = read.json().get("meeting");
        assertThat(meeting.get("hostLeaderId").asText()).isEqualTo("leader");
        assertThat(meeting.get("theme").asText()).startsWith("光伏产业链");
        assertThat(meeting.get("capacity").asInt()).isEqualTo(12);
        assertThat(meeting.get("status").asText()).isEqualTo("SCHEDULED");
        assertThat(api.get("/api/meetings").token(leader).send().json().findValuesAsText("id"))
                .contains(id.toString());
    }

    @Test
    void aThousandConcurrentRetriesWithOneKeyScheduleExactlyOneMeeting() {
        String key = "schedule-" + UUID.randomUUID();
        var body = meeting(Duration.ofDays(3), Duration.ofDays(1), 5);

        var answers = RetryStorm.send(
                "meeting schedule",
                api.post("/api/meetings")
                        .token(leader)
                        .header("Idempotency-Key", key)
                        .body(body));

        String meeting = RetryStorm.createdOnce(answers, "id");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM event_store.domain_event_entry WHERE aggregate_identifier = ?",
                        Long.class,
                        meeting))
                .isEqualTo(1);
    }

    @Test
    void aThousandConcurrentRetriesWithOneKeyProposeExactlyOneTopic() {
        UUID id = scheduleNextWeek();
        invite(id, 0, ENTERPRISE_A);

        var answers = RetryStorm.send(
                "topic",
                api.post("/api/meetings/" + id + "/topics")
                        .token(userA)
                        .header("Idempotency-Key", "topic-storm-" + UUID.randomUUID())
                        .body(Map.of("title", "切片车间增容", "description", "新建切片车间需要增容 10 MVA")));

        String topic = RetryStorm.createdOnce(answers, "id");
        assertThat(payloads(id, "TopicProposedEvent"))
                .singleElement()
                .asString()
                .contains(topic);
    }

    @Test
    void aThousandConcurrentRetriesWithOneKeyRaiseExactlyOneActionItem() {
        UUID id = heldWithMinutes();

        var answers = RetryStorm.send(
                "action item",
                api.post("/api/meetings/" + id + "/action-items")
                        .token(leader)
                        .header("Idempotency-Key", "item-storm-" + UUID.randomUUID())
                        .body(actionItem(LocalDate.now(CITY).plusDays(30))));

        String item = RetryStorm.createdOnce(answers, "id");
        assertThat(payloads(id, "ActionItemRaisedEvent"))
                .singleElement()
                .asString()
                .contains(item);
    }

    /** The stored payloads of the meeting's events of one kind. */
    private List<String> payloads(UUID meetingId, String eventType) {
        return jdbc.queryForList(
                "SELECT convert_from(payload, 'UTF8') FROM event_store.domain_event_entry"
                        + " WHERE aggregate_identifier = ? AND payload_type LIKE ?",
                String.class,
                meetingId.toString(),
                "%." + eventType);
    }

    /** A meeting held at {@code held} with enterprise A invited, as its first two events stand in the store. */
    private UUID heldWithAInvited(String theme, Instant held, Instant ends) {
        UUID id = UUID.randomUUID();
        append(
                "BreakfastMeeting",
                id.toString(),
                0,
                new MeetingScheduledEvent(
                        id,
                        "leader",
                        theme,
                        "市政府",
                        held,
                        ends,
                        10,
                        List.of("industry-it"),
                        held.minus(Duration.ofDays(1)),
                        held.minus(Duration.ofDays(10))));
        append(
                "BreakfastMeeting",
                id.toString(),
                1,
                new InvitationSentEvent(id, ENTERPRISE_A, InvitationSelection.BY_HAND, held.minus(Duration.ofDays(9))));
        return id;
    }

    /** A meeting held last week with enterprise A invited and draft minutes with one decision, as its events stand. */
    private UUID heldWithMinutes() {
        Instant held = Instant.now().minus(Duration.ofDays(7));
        Instant ends = held.plus(Duration.ofMinutes(90));
        UUID id = heldWithAInvited("上周的早餐会", held, ends);
        append(
                "BreakfastMeeting",
                id.toString(),
                2,
                new AgendaPublishedEvent(
                        id,
                        List.of(new AgendaItem(1, "切片车间增容", held, ends, "industry-it", null)),
                        held.minus(Duration.ofDays(2))));
        append(
                "BreakfastMeeting",
                id.toString(),
                3,
                new MinutesDraftedEvent(
                        id,
                        new Attendance(List.of(ENTERPRISE_A), List.of("industry-it"), List.of()),
                        List.of(new MinutesItem(1, "企业介绍增容需求", List.of("工信局牵头协调供电公司，月底前完成增容方案"))),
                        ends));
        return id;
    }

    static Stream<Arguments> badMeetings() {
        Map<String, Object> good = meeting(Duration.ofDays(7), Duration.ofDays(5), 12);
        Instant past = Instant.now().minus(Duration.ofDays(1));
        return Stream.of(
                Arguments.of("missing theme", without(good, "theme"), "theme"),
                Arguments.of("start in the past", with(good, "startsAt", past.toString()), "startsAt"),
                Arguments.of("end before start", with(good, "endsAt", good.get("startsAt")), "endsAt"),
                Arguments.of("cut-off after start", with(good, "topicCutOffAt", good.get("endsAt")), "topicCutOffAt"),
                Arguments.of("no seats", with(good, "capacity", 0), "capacity"),
                Arguments.of("department id", with(good, "departmentIds", List.of("工信局")), "departmentIds[0]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badMeetings")
    void badMeetingInputIsAProblemNamingTheFieldAndStoresNothing(
            String caseName, Map<String, Object> body, String field) {
        long before = eventCount();
        var response = api.post("/api/meetings").token(leader).body(body).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsText("field")).contains(field);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aMeetingRunsFromInvitationToActionItemAndTheAppealsStatusFlowsBack() {
        // the enterprise will bring one of its own appeals to the table
        UUID ownAppeal = UUID.randomUUID();
        append("Appeal", ownAppeal.toString(), 0, filedOnline(ownAppeal, ENTERPRISE_A));
        await().until(() ->
                jdbc.queryForObject("SELECT count(*) FROM appeal_owner WHERE appeal_id = ?", Long.class, ownAppeal)
                        == 1);

        // scheduled: topics for 10 more seconds, the meeting 12 seconds from now; until the topic is in, no step
        // waits for a read model
        Map<String, Object> body = meeting(Duration.ofSeconds(12), Duration.ofSeconds(10), 10);
        Instant startsAt = Instant.parse((String) body.get("startsAt"));
        var scheduled = api.post("/api/meetings").token(leader).body(body).send();
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(201);
        UUID id = UUID.fromString(scheduled.json().get("id").asText());
        long version = invite(id, 0, ENTERPRISE_A);
        var accepted = api.post("/api/meetings/" + id + "/invitations/" + ENTERPRISE_A + "/acceptance")
                .token(userA)
                .header("If-Match", "\"" + version + "\"")
                .send();
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        version = version(accepted);
        var proposed = api.post("/api/meetings/" + id + "/topics")
                .token(userA)
                .header("Idempotency-Key", "topic-" + UUID.randomUUID())
                .body(Map.of("title", "切片车间增容", "description", "新建切片车间需要增容 10 MVA", "linkedAppealId", ownAppeal))
                .send();
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        UUID topic = UUID.fromString(proposed.json().get("id").asText());
        version = version(proposed);

        var topicAccepted = api.post("/api/meetings/" + id + "/topics/" + topic + "/acceptance")
                .token(leader)
                .header("If-Match", "\"" + version + "\"")
                .send();
        assertThat(topicAccepted.status()).as(topicAccepted.toString()).isEqualTo(200);
        version = version(topicAccepted);

        var published = api.put("/api/meetings/" + id + "/agenda")
                .token(leader)
                .header("If-Match", "\"" + version + "\"")
                .body(agenda(startsAt, topic, null))
                .send();
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        var changed = api.put("/api/meetings/" + id + "/agenda")
                .token(leader)
                .header("If-Match", "\"" + version(published) + "\"")
                .body(agenda(startsAt, topic, "自然资源局议题延后"))
                .send();
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        version = version(changed);
        await().until(() -> api.get("/api/meetings/" + id + "/agenda")
                        .token(userA)
                        .send()
                        .json()
                        .path("revision")
                        .asInt()
                == 2);
        JsonNode agenda =
                api.get("/api/meetings/" + id + "/agenda").token(userA).send().json();
        assertThat(agenda.get("items").get(0).get("topicId").asText()).isEqualTo(topic.toString());
        assertThat(agenda.get("history")).hasSize(2);
        assertThat(agenda.get("history").get(1).get("reason").asText()).isEqualTo("自然资源局议题延后");

        // the meeting takes place; then the minutes
        await().atMost(Duration.ofSeconds(20)).until(() -> Instant.now().isAfter(startsAt));
        var drafted = api.put("/api/meetings/" + id + "/minutes")
                .token(leader)
                .header("If-Match", "\"" + version + "\"")
                .body(minutes())
                .send();
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(200);
        await().until(() ->
                api.get("/api/meetings/" + id + "/minutes").token(leader).send().status() == 200);
        assertThat(api.get("/api/meetings/" + id + "/minutes")
                        .token(userA)
                        .send()
                        .status())
                .as("an enterprise does not read a draft")
                .isEqualTo(404);
        var publication = api.post("/api/meetings/" + id + "/minutes/publication")
                .token(leader)
                .header("If-Match", "\"" + version(drafted) + "\"")
                .send();
        assertThat(publication.status()).as(publication.toString()).isEqualTo(200);
        await().until(() ->
                api.get("/api/meetings/" + id + "/minutes").token(userA).send().status() == 200);
        assertThat(api.get("/api/meetings/" + id + "/minutes")
                        .token(userA)
                        .send()
                        .json()
                        .get("items")
                        .get(0)
                        .get("decisions")
                        .get(0)
                        .asText())
                .isEqualTo("工信局牵头协调供电公司，月底前完成增容方案");

        // a decision becomes an action item
        String key = "item-" + UUID.randomUUID();
        var raised = api.post("/api/meetings/" + id + "/action-items")
                .token(leader)
                .header("Idempotency-Key", key)
                .body(actionItem(LocalDate.now(CITY).plusDays(30)))
                .send();
        assertThat(raised.status()).as(raised.toString()).isEqualTo(201);
        UUID item = UUID.fromString(raised.json().get("id").asText());
        long events = eventCount();
        var retried = api.post("/api/meetings/" + id + "/action-items")
                .token(leader)
                .header("Idempotency-Key", key)
                .body(actionItem(LocalDate.now(CITY).plusDays(30)))
                .send();
        assertThat(retried.json().get("id").asText()).isEqualTo(item.toString());
        assertThat(eventCount()).as("a retry raises nothing").isEqualTo(events);

        UUID appeal = Ids.derive("meeting-action-item", item.toString());
        JsonNode listed = awaitItemStatus(id, "RAISED");
        assertThat(listed.get("appealId").asText()).isEqualTo(appeal.toString());
        assertThat(listed.get("ownerDepartmentId").asText()).isEqualTo("industry-it");
        assertThat(listed.get("overdue").asBoolean()).isFalse();

        // the appeals, assignment and resolution services take it from here
        Instant now = Instant.now();
        append(
                "Appeal",
                appeal.toString(),
                0,
                new AppealFiledEvent(
                        appeal,
                        ENTERPRISE_A,
                        "协调切片车间增容",
                        "工信局牵头协调供电公司",
                        AppealCategory.POWER,
                        Urgency.URGENT,
                        List.of(),
                        AppealSource.BREAKFAST_MEETING,
                        new MeetingReference(id, item),
                        false,
                        now));
        awaitItemStatus(id, "FILED");
        String assignment = Ids.derive("assignment", appeal.toString()).toString();
        append(
                "Assignment",
                assignment,
                0,
                new AppealDispatchedEvent(
                        appeal,
                        "admin-approval",
                        RoutingMode.AUTOMATIC,
                        "rule-permits",
                        null,
                        Urgency.URGENT,
                        now,
                        now.plusSeconds(86_400)));
        JsonNode dispatched = awaitItemStatus(id, "DISPATCHED");
        assertThat(dispatched.get("holdingDepartmentId").asText()).isEqualTo("admin-approval");
        assertThat(dispatched.get("routedElsewhere").asBoolean())
                .as("the rules routed it elsewhere than the meeting said")
                .isTrue();
        append("Assignment", assignment, 1, new AppealSignedForEvent(appeal, "admin-approval", "official", now, true));
        awaitItemStatus(id, "SIGNED_FOR");
        String caseFile = Ids.derive("case-file", appeal.toString()).toString();
        append(
                "CaseFile",
                caseFile,
                0,
                new ResolutionSubmittedEvent(
                        appeal, "admin-approval", "official", 1, "已完成增容", Outcome.SOLVED, null, "供电营业规则", now, true));
        assertThat(awaitItemStatus(id, "ANSWERED").get("closedOnTime").isNull())
                .as("not closed yet")
                .isTrue();
        append("CaseFile", caseFile, 1, new CaseFileClosedEvent(appeal, "admin-approval", "RATED", now));
        assertThat(awaitItemStatus(id, "CLOSED").get("closedOnTime").asBoolean())
                .as("closed today, due in 30 days")
                .isTrue();

        // its last action item closed, the meeting closes by itself
        await().until(() -> "CLOSED"
                .equals(api.get("/api/meetings/" + id)
                        .token(leader)
                        .send()
                        .json()
                        .get("meeting")
                        .get("status")
                        .asText()));
        JsonNode followUp = api.get("/api/meetings/" + id + "/follow-up")
                .token(supervisor)
                .send()
                .json();
        assertThat(followUp.get("actionItems").asInt()).isEqualTo(1);
        assertThat(followUp.get("closed").asInt()).isEqualTo(1);
        assertThat(followUp.get("followUpRate").asDouble()).isEqualTo(1.0);
        assertThat(followUp.get("meetingStatus").asText()).isEqualTo("CLOSED");
        assertThat(api.get("/api/meetings/" + id + "/action-items")
                        .token(userA)
                        .send()
                        .json())
                .hasSize(1);
        assertThat(api.get("/api/meetings/" + id + "/action-items")
                        .token(userB)
                        .send()
                        .status())
                .as("not invited")
                .isEqualTo(404);
    }

    @Test
    void aTopicAfterTheCutOffIsRefusedWithTheReasonAndStoresNothing() throws Exception {
        Map<String, Object> body = meeting(Duration.ofHours(1), Duration.ofSeconds(3), 10);
        Instant cutOff = Instant.parse((String) body.get("topicCutOffAt"));
        UUID id = schedule(body);
        invite(id, 0, ENTERPRISE_A);
        await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(cutOff));
        long before = eventCount();

        var late = api.post("/api/meetings/" + id + "/topics")
                .token(userA)
                .body(Map.of("title", "迟到的议题", "description", "截止后提交"))
                .send();

        assertThat(late.status()).as(late.toString()).isEqualTo(409);
        assertThat(late.json().get("type").asText()).endsWith("/topic-cut-off-passed");
        assertThat(late.json().get("detail").asText()).contains("closed at");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void anAgendaSlotOutsideTheMeetingIsRefusedWithTheReason() {
        Map<String, Object> body = meeting(Duration.ofDays(7), Duration.ofDays(5), 10);
        Instant startsAt = Instant.parse((String) body.get("startsAt"));
        UUID id = schedule(body);

        var response = api.put("/api/meetings/" + id + "/agenda")
                .token(leader)
                .header("If-Match", "\"0\"")
                .body(Map.of(
                        "items",
                        List.of(Map.of(
                                "title",
                                "会后议题",
                                "startsAt",
                                startsAt.plus(Duration.ofHours(2)).toString(),
                                "endsAt",
                                startsAt.plus(Duration.ofHours(3)).toString(),
                                "departmentId",
                                "industry-it"))))
                .send();

        assertThat(response.status()).as(response.toString()).isEqualTo(409);
        assertThat(response.json().get("type").asText()).endsWith("/agenda-slot-outside-meeting");
        assertThat(response.json().get("detail").asText()).contains("outside the meeting's");
    }

    @Test
    void anActionItemWithoutOwnerOrDueDateIsRefusedNamingBothFields() {
        UUID id = scheduleNextWeek();
        Map<String, Object> item =
                new LinkedHashMap<>(actionItem(LocalDate.now(CITY).plusDays(30)));
        item.remove("ownerDepartmentId");
        item.remove("dueOn");
        long before = eventCount();

        var response = api.post("/api/meetings/" + id + "/action-items")
                .token(leader)
                .body(item)
                .send();

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsText("field")).contains("ownerDepartmentId", "dueOn");
        assertThat(response.json().get("detail").asText())
                .contains("ownerDepartmentId must name the owner department")
                .contains("dueOn must give the due date");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void invitationsBeyondTheCapacityAreRefused() {
        UUID id = schedule(meeting(Duration.ofDays(7), Duration.ofDays(5), 1));
        long before = eventCount();

        var response = api.post("/api/meetings/" + id + "/invitations")
                .token(leader)
                .header("If-Match", "\"0\"")
                .body(Map.of("enterpriseIds", List.of(ENTERPRISE_A, ENTERPRISE_B)))
                .send();

        assertThat(response.status()).as(response.toString()).isEqualTo(409);
        assertThat(response.json().get("type").asText()).endsWith("/capacity-exceeded");
        assertThat(response.json().get("detail").asText()).contains("seats 1");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void invitingByChainPositionReachesTheEnterprisesThere() {
        UUID id = scheduleNextWeek();

        var response = api.post("/api/meetings/" + id + "/invitations")
                .token(leader)
                .header("If-Match", "\"0\"")
                .body(Map.of("chainPositions", List.of("CELL", "WAFER")))
                .send();

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("newlyInvited").asInt()).isEqualTo(2);
        awaitVersion(id, 2);
        JsonNode invitations =
                api.get("/api/meetings/" + id).token(leader).send().json().get("invitations");
        assertThat(invitations.findValuesAsText("enterpriseId")).containsExactlyInAnyOrder(ENTERPRISE_A, ENTERPRISE_C);
        assertThat(invitations.findValuesAsText("selection")).containsOnly("BY_CHAIN_POSITION");
        assertThat(invitations.findValuesAsText("enterpriseName")).contains("包头九原电池片有限公司");
    }

    @Test
    void invitingTheKeyEnterprisesReachesThoseTheCityFlags() {
        Instant now = Instant.now();
        append(
                "EnterpriseLiaison",
                "liaison-" + ENTERPRISE_C,
                0,
                new EnterpriseLiaisonChangedEvent(ENTERPRISE_C, "leader", true, null, now));
        append(
                "EnterpriseLiaison",
                "liaison-" + ENTERPRISE_B,
                0,
                new EnterpriseLiaisonChangedEvent(ENTERPRISE_B, "leader", true, null, now));
        append(
                "EnterpriseLiaison",
                "liaison-" + ENTERPRISE_B,
                1,
                new EnterpriseLiaisonChangedEvent(ENTERPRISE_B, "leader", false, "leader", now.plusSeconds(1)));
        await().until(() -> jdbc.queryForObject("SELECT count(*) FROM key_enterprise", Long.class) >= 2
                && !jdbc.queryForObject(
                        "SELECT key_enterprise FROM key_enterprise WHERE enterprise_id = ?",
                        Boolean.class,
                        ENTERPRISE_B));
        UUID id = scheduleNextWeek();

        var response = api.post("/api/meetings/" + id + "/invitations")
                .token(leader)
                .header("If-Match", "\"0\"")
                .body(Map.of("keyEnterprises", true))
                .send();

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("selected").toString())
                .contains(ENTERPRISE_C)
                .doesNotContain(ENTERPRISE_B);
        awaitVersion(id, response.json().get("version").asLong());
        JsonNode invitations =
                api.get("/api/meetings/" + id).token(leader).send().json().get("invitations");
        assertThat(invitations.findValuesAsText("enterpriseId"))
                .contains(ENTERPRISE_C)
                .doesNotContain(ENTERPRISE_B);
        assertThat(invitations.findValuesAsText("selection")).containsOnly("BY_KEY_ENTERPRISE_FLAG");
    }

    @Test
    void anUnknownEnterpriseCannotBeInvited() {
        UUID id = scheduleNextWeek();
        var response = api.post("/api/meetings/" + id + "/invitations")
                .token(leader)
                .header("If-Match", "\"0\"")
                .body(Map.of("enterpriseIds", List.of(valid("91150200MA0QY9999"))))
                .send();
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsText("field")).contains("enterpriseIds[0]");
    }

    @Test
    void aTopicMayLinkOnlyTheEnterprisesOwnAppeal() {
        UUID id = scheduleNextWeek();
        invite(id, 0, ENTERPRISE_A);
        UUID theirs = UUID.randomUUID();
        append("Appeal", theirs.toString(), 0, filedOnline(theirs, ENTERPRISE_B));
        await().until(() ->
                jdbc.queryForObject("SELECT count(*) FROM appeal_owner WHERE appeal_id = ?", Long.class, theirs) == 1);
        long before = eventCount();

        var response = api.post("/api/meetings/" + id + "/topics")
                .token(userA)
                .body(Map.of("title", "借用别家诉求", "description", "说明", "linkedAppealId", theirs))
                .send();

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsText("field")).contains("linkedAppealId");
        assertThat(eventCount()).isEqualTo(before);
    }

    /**
     * R9: every service appends to one event store, so an id the caller copied from an appeal names an aggregate of
     * another kind. A meeting command with it answers exactly as one with an unknown id, 404, and appends nothing:
     * the appeal's events are never applied to a meeting (which answered 500 before).
     */
    @Test
    void aMeetingCommandWithAnAppealsIdIsNotFoundAndStoresNothing() {
        UUID appeal = UUID.randomUUID();
        append("Appeal", appeal.toString(), 0, filedOnline(appeal, ENTERPRISE_A));
        long before = eventCount();

        for (UUID id : List.of(appeal, UUID.randomUUID())) {
            var invited = api.post("/api/meetings/" + id + "/invitations")
                    .token(leader)
                    .header("If-Match", "\"0\"")
                    .body(Map.of("enterpriseIds", List.of(ENTERPRISE_B)))
                    .send();
            var closed = api.post("/api/meetings/" + id + "/closure")
                    .token(leader)
                    .header("If-Match", "\"0\"")
                    .send();
            var accepted = api.post("/api/meetings/" + id + "/invitations/" + ENTERPRISE_A + "/acceptance")
                    .token(userA)
                    .header("If-Match", "\"0\"")
                    .send();

            assertThat(invited.status()).as(invited.toString()).isEqualTo(404);
            assertThat(closed.status()).as(closed.toString()).isEqualTo(404);
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(404);
        }
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aStaleIfMatchIsAConflictAndChangesNothing() {
        UUID id = scheduleNextWeek();
        invite(id, 0, ENTERPRISE_A);
        long before = eventCount();

        var stale = api.post("/api/meetings/" + id + "/invitations")
                .token(leader)
                .header("If-Match", "\"0\"")
                .body(Map.of("enterpriseIds", List.of(ENTERPRISE_B)))
                .send();
        var missing = api.post("/api/meetings/" + id + "/invitations")
                .token(leader)
                .body(Map.of("enterpriseIds", List.of(ENTERPRISE_B)))
                .send();

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("type").asText()).endsWith("/stale-version");
        assertThat(missing.status()).isEqualTo(428);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void anInviteeGetsAnIcalendarFileOfTheMeeting() {
        UUID id = scheduleNextWeek();
        invite(id, 0, ENTERPRISE_A);
        await().until(() -> api.get("/api/meetings/" + id).token(userA).send().status() == 200);

        var mine = api.get("/api/meetings/" + id + "/calendar.ics").token(userA).send();
        var hosts = api.get("/api/meetings/" + id + "/invitations/" + ENTERPRISE_A + ".ics")
                .token(leader)
                .send();

        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.header("Content-Type")).startsWith("text/calendar");
        assertThat(mine.text())
                .startsWith("BEGIN:VCALENDAR\r\n")
                .contains("BEGIN:VEVENT\r\n", "UID:meeting-" + id + "@qinqing.cn\r\n")
                .containsPattern("DTSTART:\\d{8}T\\d{6}Z\r\n")
                .endsWith("END:VCALENDAR\r\n");
        assertThat(hosts.status()).isEqualTo(200);
        assertThat(hosts.text()).isEqualTo(mine.text());
    }

    @Test
    void overdueItemsShowInTheFollowUp() {
        // a meeting held last month, as its events stand in the store
        UUID item = UUID.randomUUID();
        Instant held = Instant.now().minus(Duration.ofDays(30));
        LocalDate due = LocalDate.now(CITY).minusDays(3);
        UUID id = heldWithAInvited("上月的早餐会", held, held.plusSeconds(5400));
        append(
                "BreakfastMeeting",
                id.toString(),
                2,
                new ActionItemRaisedEvent(
                        id,
                        item,
                        Ids.derive("meeting-action-item", item.toString()),
                        1,
                        1,
                        ENTERPRISE_A,
                        "industry-it",
                        "head-industry-it",
                        due,
                        "逾期事项",
                        "说明",
                        AppealCategory.LAND,
                        Urgency.NORMAL,
                        held));

        await().until(() -> api.get("/api/meetings/" + id + "/follow-up")
                        .token(leader)
                        .send()
                        .json()
                        .path("actionItems")
                        .asInt()
                == 1);
        JsonNode followUp = api.get("/api/meetings/" + id + "/follow-up")
                .token(leader)
                .send()
                .json();

        assertThat(followUp.get("followUpRate").asDouble()).isEqualTo(0.0);
        assertThat(followUp.get("open").asInt()).isEqualTo(1);
        assertThat(followUp.get("overdue")).hasSize(1);
        assertThat(followUp.get("overdue").get(0).get("id").asText()).isEqualTo(item.toString());
        assertThat(followUp.get("overdue").get(0).get("dueOn").asText()).isEqualTo(due.toString());
        assertThat(api.get("/api/meetings?when=past")
                        .token(leader)
                        .send()
                        .json()
                        .findValuesAsText("id"))
                .contains(id.toString());

        // closed out today, three days after its due date: no longer overdue, but late
        UUID appeal = Ids.derive("meeting-action-item", item.toString());
        append(
                "CaseFile",
                Ids.derive("case-file", appeal.toString()).toString(),
                0,
                new CaseFileClosedEvent(appeal, "industry-it", "RATED", Instant.now()));
        JsonNode closedLate = awaitItemStatus(id, "CLOSED");
        assertThat(closedLate.get("overdue").asBoolean()).isFalse();
        assertThat(closedLate.get("closedOnTime").asBoolean()).isFalse();
    }

    private JsonNode awaitItemStatus(UUID meetingId, String status) {
        await().until(() -> {
            JsonNode items = api.get("/api/meetings/" + meetingId + "/action-items")
                    .token(leader)
                    .send()
                    .json();
            return items.size() == 1 && status.equals(items.get(0).get("status").asText());
        });
        return api.get("/api/meetings/" + meetingId + "/action-items")
                .token(leader)
                .send()
                .json()
                .get(0);
    }

    static AppealFiledEvent filedOnline(UUID appealId, String enterprise) {
        return new AppealFiledEvent(
                appealId,
                enterprise,
                "变电站增容审批",
                "新建切片车间需要增容 10 MVA",
                AppealCategory.POWER,
                Urgency.URGENT,
                List.of(),
                AppealSource.ONLINE,
                null,
                false,
                Instant.now());
    }

    static Map<String, Object> agenda(Instant startsAt, UUID topic, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "items",
                List.of(
                        Map.of(
                                "title", "切片车间增容",
                                "startsAt", startsAt.toString(),
                                "endsAt", startsAt.plus(Duration.ofMinutes(20)).toString(),
                                "departmentId", "industry-it",
                                "topicId", topic.toString()),
                        Map.of(
                                "title",
                                "电池片项目用地",
                                "startsAt",
                                startsAt.plus(Duration.ofMinutes(20)).toString(),
                                "endsAt",
                                startsAt.plus(Duration.ofMinutes(40)).toString(),
                                "departmentId",
                                "natural-resources")));
        if (reason != null) {
            body.put("reason", reason);
        }
        return body;
    }

    static Map<String, Object> minutes() {
        return Map.of(
                "attendance",
                Map.of(
                        "enterpriseIds",
                        List.of(ENTERPRISE_A),
                        "departmentIds",
                        List.of("industry-it"),
                        "leaderIds",
                        List.of()),
                "items",
                List.of(Map.of(
                        "agendaPosition",
                        1,
                        "summary",
                        "企业介绍增容需求，工信局说明供电方案",
                        "decisions",
                        List.of("工信局牵头协调供电公司，月底前完成增容方案"))));
    }

    static Map<String, Object> actionItem(LocalDate dueOn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agendaPosition", 1);
        body.put("decision", 1);
        body.put("enterpriseId", ENTERPRISE_A);
        body.put("ownerDepartmentId", "industry-it");
        body.put("responsibleLeaderId", "head-industry-it");
        body.put("dueOn", dueOn.toString());
        body.put("title", "协调切片车间增容");
        body.put("description", "工信局牵头协调供电公司，月底前完成增容方案");
        body.put("category", "POWER");
        body.put("urgency", "URGENT");
        return body;
    }

    static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    static Map<String, Object> without(Map<String, Object> body, String field) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.remove(field);
        return copy;
    }
}
