package cn.qinqing.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qinqing.language.meeting.AgendaItem;
import cn.qinqing.language.meeting.AgendaPublishedEvent;
import cn.qinqing.language.meeting.InvitationSelection;
import cn.qinqing.language.meeting.InvitationSentEvent;
import cn.qinqing.language.meeting.MeetingScheduledEvent;
import cn.qinqing.testsupport.HttpApi;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * ADR 0008: every create and update of the meetings API (all thirteen of {@code openapi/operations.yml}) is read
 * back straight after its 2xx — no sleep, no polling — at the
 * version of the ETag it returned, and the next If-Match write with the ETag just read never meets a 409.
 */
class ReadYourWritesIT extends MeetingsApiTestBase {

    @Test
    void aMeetingsEveryStepBeforeItTakesPlaceIsReadBackAtOnce() {
        var scheduled = api.post("/api/meetings")
                .token(leader)
                .body(meeting(Duration.ofDays(7), Duration.ofDays(5), 10))
                .send();
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(201);
        String path = "/api/meetings/" + scheduled.json().get("id").asText();
        assertThat(read(path).status()).as("GET of the meeting just scheduled").isEqualTo(200);
        assertThat(read(path).header("ETag")).isEqualTo(scheduled.header("ETag"));

        var invited = write(path, "/invitations", leader, Map.of("enterpriseIds", List.of(ENTERPRISE_A)));
        assertThat(invited.status()).as(invited.toString()).isEqualTo(200);
        assertThat(read(path).header("ETag")).isEqualTo(invited.header("ETag"));

        var accepted = write(path, "/invitations/" + ENTERPRISE_A + "/acceptance", userA, null);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(read(path).header("ETag")).isEqualTo(accepted.header("ETag"));

        var proposed = api.post(path + "/topics")
                .token(userA)
                .header("Idempotency-Key", "topic-" + UUID.randomUUID())
                .body(Map.of("title", "切片车间增容", "description", "新建切片车间需要增容 10 MVA"))
                .send();
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        String topic = proposed.json().get("id").asText();
        assertThat(api.get(path + "/topics").token(leader).send().json().findValuesAsText("id"))
                .contains(topic);

        var topicAccepted = write(path, "/topics/" + topic + "/acceptance", leader, null);
        assertThat(topicAccepted.status()).as(topicAccepted.toString()).isEqualTo(200);
        assertThat(read(path).header("ETag")).isEqualTo(topicAccepted.header("ETag"));
        assertThat(statusOf(path + "/topics", topic)).isEqualTo("ACCEPTED");
    }

    @Test
    void aRefusedInvitationARefusedTopicAndTheAgendaAreReadBackAtOnce() {
        var scheduled = api.post("/api/meetings")
                .token(leader)
                .body(meeting(Duration.ofDays(8), Duration.ofDays(6), 10))
                .send();
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(201);
        String path = scheduled.header("Location");
        assertThat(read(path).header("ETag")).isEqualTo(scheduled.header("ETag"));
        assertThat(api.get("/api/meetings").token(leader).send().json().findValuesAsText("id"))
                .as("the list of upcoming meetings")
                .contains(scheduled.json().get("id").asText());

        var invited = write(path, "/invitations", leader, Map.of("enterpriseIds", List.of(ENTERPRISE_A, ENTERPRISE_B)));
        assertThat(invited.status()).as(invited.toString()).isEqualTo(200);
        assertThat(read(path).header("ETag")).isEqualTo(invited.header("ETag"));
        assertThat(api.get("/api/meetings/invitations")
                        .token(userB)
                        .send()
                        .json()
                        .findValuesAsText("meetingId"))
                .as("the enterprise's own invitations")
                .contains(scheduled.json().get("id").asText());

        var refused = write(path, "/invitations/" + ENTERPRISE_B + "/refusal", userB, Map.of("reason", "当天有客户验厂"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(200);
        var readByB = api.get(path).token(userB).send();
        assertThat(readByB.header("ETag")).isEqualTo(refused.header("ETag"));
        assertThat(readByB.json().get("invitations").findValuesAsText("status")).containsExactly("DECLINED");

        var accepted = write(path, "/invitations/" + ENTERPRISE_A + "/acceptance", userA, null);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        var proposed = api.post(path + "/topics")
                .token(userA)
                .body(Map.of("title", "电池片项目用地", "description", "项目用地指标尚未落实"))
                .send();
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        assertThat(read(path).header("ETag")).isEqualTo(proposed.header("ETag"));
        String topic = proposed.json().get("id").asText();
        assertThat(statusOf(proposed.header("Location"), topic)).isEqualTo("PROPOSED");

        var topicRefused = write(path, "/topics/" + topic + "/refusal", leader, Map.of("reason", "该事项已在诉求中办理"));
        assertThat(topicRefused.status()).as(topicRefused.toString()).isEqualTo(200);
        assertThat(read(path).header("ETag")).isEqualTo(topicRefused.header("ETag"));
        assertThat(statusOf(path + "/topics", topic)).isEqualTo("DECLINED");

        Instant startsAt =
                Instant.parse(read(path).json().get("meeting").get("startsAt").asText());
        var agenda = put(path, "/agenda", leader, agenda(startsAt, null));
        assertThat(agenda.status()).as(agenda.toString()).isEqualTo(200);
        assertThat(read(path).header("ETag")).isEqualTo(agenda.header("ETag"));
        assertThat(api.get(path + "/agenda")
                        .token(userA)
                        .send()
                        .json()
                        .get("revision")
                        .asInt())
                .isEqualTo(1);
        var changed = put(path, "/agenda", leader, agenda(startsAt, "议题顺序调整"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(read(path).header("ETag")).isEqualTo(changed.header("ETag"));
        assertThat(api.get(path + "/agenda")
                        .token(userA)
                        .send()
                        .json()
                        .get("revision")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void theMinutesAnActionItemAndTheClosureAreReadBackAtOnce() {
        String path = "/api/meetings/" + heldLastWeek();

        var drafted = put(path, "/minutes", leader, minutes(null));
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(200);
        assertThat(read(path).header("ETag")).isEqualTo(drafted.header("ETag"));
        assertThat(api.get(path + "/minutes")
                        .token(leader)
                        .send()
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("DRAFT");

        var published = write(path, "/minutes/publication", leader, null);
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        assertThat(read(path).header("ETag")).isEqualTo(published.header("ETag"));
        assertThat(api.get(path + "/minutes").token(userA).send().status())
                .as("the enterprise reads the minutes just published")
                .isEqualTo(200);

        var corrected = write(path, "/minutes/corrections", leader, minutes("更正参会部门"));
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
        assertThat(read(path).header("ETag")).isEqualTo(corrected.header("ETag"));
        assertThat(api.get(path + "/minutes")
                        .token(userA)
                        .send()
                        .json()
                        .get("corrections")
                        .findValuesAsText("reason"))
                .containsExactly("更正参会部门");

        var raised = api.post(path + "/action-items")
                .token(leader)
                .body(actionItem())
                .send();
        assertThat(raised.status()).as(raised.toString()).isEqualTo(201);
        assertThat(read(path).header("ETag")).isEqualTo(raised.header("ETag"));
        String item = raised.json().get("id").asText();
        assertThat(api.get(raised.header("Location"))
                        .token(leader)
                        .send()
                        .json()
                        .findValuesAsText("id"))
                .as("the action items at the Location just given")
                .contains(item);
        assertThat(api.get(path + "/follow-up")
                        .token(leader)
                        .send()
                        .json()
                        .get("actionItems")
                        .asInt())
                .isEqualTo(1);

        // a meeting with no open action item closes
        String other = "/api/meetings/" + heldLastWeek();
        assertThat(put(other, "/minutes", leader, minutes(null)).status()).isEqualTo(200);
        assertThat(write(other, "/minutes/publication", leader, null).status()).isEqualTo(200);
        var closed = write(other, "/closure", leader, null);
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        var afterClosure = read(other);
        assertThat(afterClosure.header("ETag")).isEqualTo(closed.header("ETag"));
        assertThat(afterClosure.json().get("meeting").get("status").asText()).isEqualTo("CLOSED");
    }

    /**
     * A meeting held last week, enterprise A invited, its agenda published: its events as the meetings service
     * appended them then. Appended here, outside a client's request, so this one wait is for the processors.
     */
    private UUID heldLastWeek() {
        UUID id = UUID.randomUUID();
        Instant held = Instant.now().minus(Duration.ofDays(7)).truncatedTo(ChronoUnit.SECONDS);
        Instant ends = held.plus(Duration.ofMinutes(90));
        append(
                "BreakfastMeeting",
                id.toString(),
                0,
                new MeetingScheduledEvent(
                        id,
                        "leader",
                        "上周的即读早餐会",
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
        append(
                "BreakfastMeeting",
                id.toString(),
                2,
                new AgendaPublishedEvent(
                        id,
                        List.of(new AgendaItem(1, "切片车间增容", held, ends, "industry-it", null)),
                        held.minus(Duration.ofDays(2))));
        awaitVersion(id, 2);
        return id;
    }

    private static Map<String, Object> agenda(Instant startsAt, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "items",
                List.of(Map.of(
                        "title",
                        "电池片项目用地",
                        "startsAt",
                        startsAt.toString(),
                        "endsAt",
                        startsAt.plus(Duration.ofMinutes(20)).toString(),
                        "departmentId",
                        "natural-resources")));
        if (reason != null) {
            body.put("reason", reason);
        }
        return body;
    }

    private static Map<String, Object> minutes(String correction) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "attendance",
                Map.of(
                        "enterpriseIds",
                        List.of(ENTERPRISE_A),
                        "departmentIds",
                        List.of("industry-it"),
                        "leaderIds",
                        List.of()));
        body.put(
                "items",
                List.of(Map.of("agendaPosition", 1, "summary", "企业介绍增容需求", "decisions", List.of("工信局牵头协调供电公司"))));
        if (correction != null) {
            body.put("reason", correction);
        }
        return body;
    }

    private static Map<String, Object> actionItem() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agendaPosition", 1);
        body.put("decision", 1);
        body.put("enterpriseId", ENTERPRISE_A);
        body.put("ownerDepartmentId", "industry-it");
        body.put("responsibleLeaderId", "head-industry-it");
        body.put("dueOn", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30).toString());
        body.put("title", "协调切片车间增容");
        body.put("description", "工信局牵头协调供电公司");
        body.put("category", "POWER");
        body.put("urgency", "URGENT");
        return body;
    }

    /** The status of one item of a list (topics), read at once. */
    private String statusOf(String list, String id) {
        for (var item : api.get(list).token(leader).send().json()) {
            if (item.path("id").asText().equals(id)) {
                return item.path("status").asText();
            }
        }
        return "absent from " + list;
    }

    /** A PUT with If-Match taken from a read straight before it. */
    private HttpApi.Response put(String path, String action, String token, Map<String, Object> body) {
        return api.put(path + action)
                .token(token)
                .header("If-Match", read(path).header("ETag"))
                .body(body)
                .send();
    }

    /** A write with If-Match taken from a read straight before it. */
    private HttpApi.Response write(String path, String action, String token, Map<String, Object> body) {
        var request = api.post(path + action)
                .token(token)
                .header("If-Match", read(path).header("ETag"));
        return body == null ? request.send() : request.body(body).send();
    }

    private HttpApi.Response read(String path) {
        return api.get(path).token(leader).send();
    }
}
