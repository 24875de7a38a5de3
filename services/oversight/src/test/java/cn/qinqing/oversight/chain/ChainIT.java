package cn.qinqing.oversight.chain;

import static cn.qinqing.oversight.Scenario.at;
import static org.assertj.core.api.Assertions.assertThat;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.appeal.MeetingReference;
import cn.qinqing.language.meeting.AgendaItem;
import cn.qinqing.language.meeting.AgendaPublishedEvent;
import cn.qinqing.language.meeting.Attendance;
import cn.qinqing.language.meeting.InvitationAcceptedEvent;
import cn.qinqing.language.meeting.InvitationSelection;
import cn.qinqing.language.meeting.InvitationSentEvent;
import cn.qinqing.language.meeting.MeetingScheduledEvent;
import cn.qinqing.language.meeting.MinutesDraftedEvent;
import cn.qinqing.language.meeting.MinutesItem;
import cn.qinqing.language.meeting.MinutesPublishedEvent;
import cn.qinqing.language.meeting.TopicAcceptedEvent;
import cn.qinqing.language.meeting.TopicProposedEvent;
import cn.qinqing.oversight.OversightApiTestBase;
import cn.qinqing.oversight.Scenario;
import cn.qinqing.testsupport.ContractSamples;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The chain of an appeal born of a breakfast meeting, from the enterprise's topic to the close-out, and the liaison
 * leader's meetings: against the real event store and read models, with who may see them.
 */
class ChainIT extends OversightApiTestBase {

    /** Built once for the class: the events go into the shared store, the read models catch up once. */
    static Fixture fixture;

    record Fixture(
            String department,
            String otherDepartment,
            String head,
            String otherHead,
            String deputy,
            String enterprise,
            String otherEnterprise,
            UUID meeting,
            UUID actionItem,
            UUID appeal,
            UUID onlineAppeal) {}

    @BeforeEach
    void publishOnce() {
        if (fixture != null) {
            return;
        }
        Scenario s = scenario();
        String department = s.id("dept-energy");
        String other = s.id("dept-land");
        String deputy = s.id("deputy");
        String head = s.id("head-energy");
        String otherHead = s.id("head-land");
        String enterprise = s.uscc(1);
        String otherEnterprise = s.uscc(2);
        s.department(department, "能源局")
                .department(other, "自然资源局")
                .leader(deputy, "王副市长", null, null)
                .leader(head, "李局长", department, deputy)
                .leader(otherHead, "赵局长", other, null)
                .enterprise(enterprise, "包头青山光伏材料有限公司", "青山区")
                .enterprise(otherEnterprise, "包头稀土高新硅业有限公司", "稀土高新区")
                .liaison(enterprise, deputy, true, at("2025-02-01 09:00"));

        UUID meeting = UUID.randomUUID();
        UUID topic = UUID.randomUUID();
        UUID actionItem = UUID.randomUUID();
        s.meeting(
                        meeting,
                        new MeetingScheduledEvent(
                                meeting,
                                deputy,
                                "光伏产业链政商早餐会",
                                "市政府第三会议室",
                                at("2025-03-12 07:30"),
                                at("2025-03-12 09:00"),
                                20,
                                List.of(department),
                                at("2025-03-10 17:00"),
                                at("2025-03-01 09:00")),
                        at("2025-03-01 09:00"),
                        deputy,
                        "LEADER")
                .meeting(
                        meeting,
                        new InvitationSentEvent(
                                meeting, enterprise, InvitationSelection.BY_HAND, at("2025-03-02 09:00")),
                        at("2025-03-02 09:00"),
                        deputy,
                        "LEADER")
                .meeting(
                        meeting,
                        new InvitationAcceptedEvent(meeting, enterprise, at("2025-03-03 09:00")),
                        at("2025-03-03 09:00"),
                        "user-" + enterprise,
                        "ENTERPRISE")
                .meeting(
                        meeting,
                        new TopicProposedEvent(
                                meeting,
                                topic,
                                enterprise,
                                "切片车间增容迟迟未批",
                                "新建切片车间需要 10kV 增容。",
                                null,
                                at("2025-03-04 10:00")),
                        at("2025-03-04 10:00"),
                        "user-" + enterprise,
                        "ENTERPRISE")
                .meeting(
                        meeting,
                        new TopicAcceptedEvent(meeting, topic, enterprise, at("2025-03-05 10:00")),
                        at("2025-03-05 10:00"),
                        deputy,
                        "LEADER")
                .meeting(
                        meeting,
                        new AgendaPublishedEvent(
                                meeting,
                                List.of(new AgendaItem(
                                        1,
                                        "光伏企业用电增容",
                                        at("2025-03-12 07:30"),
                                        at("2025-03-12 08:00"),
                                        department,
                                        topic)),
                                at("2025-03-06 10:00")),
                        at("2025-03-06 10:00"),
                        deputy,
                        "LEADER")
                .meeting(
                        meeting,
                        new MinutesDraftedEvent(
                                meeting,
                                new Attendance(List.of(enterprise), List.of(department), List.of(deputy)),
                                List.of(new MinutesItem(1, "与会各方同意加快增容审批。", List.of("能源局牵头两周内完成增容审批"))),
                                at("2025-03-12 10:00")),
                        at("2025-03-12 10:00"),
                        deputy,
                        "LEADER")
                .meeting(
                        meeting,
                        new MinutesPublishedEvent(meeting, at("2025-03-12 11:00")),
                        at("2025-03-12 11:00"),
                        deputy,
                        "LEADER");
        UUID appeal = s.actionItemRaised(
                meeting, actionItem, enterprise, department, head, LocalDate.of(2025, 3, 26), at("2025-03-12 12:00"));
        s.appeal(appeal, enterprise, "协调切片车间增容")
                .filed(at("2025-03-12 12:00"), AppealCategory.POWER, new MeetingReference(meeting, actionItem))
                .dispatched(department, at("2025-03-12 13:30"), at("2025-03-13 13:30"))
                .signedFor(department, at("2025-03-12 14:00"), true)
                .caseOpened(department, 1, at("2025-03-12 14:00"), at("2025-03-13 14:00"), at("2025-03-26 17:30"))
                .submitted(department, 1, at("2025-03-20 10:00"), true)
                .answered(department, 1, at("2025-03-20 10:05"))
                .rated(1, 5, at("2025-03-21 09:00"))
                .caseClosed(department, at("2025-03-22 09:00"))
                .closed(at("2025-03-22 09:00"));
        s.actionItemClosed(meeting, actionItem, "CASE_FILE_CLOSED", at("2025-03-22 09:00"));
        UUID online = s.appeal(enterprise, "厂区道路照明").filed(at("2025-03-15 10:00")).id;
        fixture = new Fixture(
                department,
                other,
                head,
                otherHead,
                deputy,
                enterprise,
                otherEnterprise,
                meeting,
                actionItem,
                appeal,
                online);
        awaitCaughtUp();
    }

    @Test
    void aSupervisorFollowsTheChainFromTheEnterprisesTopicToTheCloseOut() {
        var answer = api.get("/api/oversight/appeals/" + fixture.appeal() + "/chain")
                .token(supervisor)
                .send();
        assertThat(answer.status()).isEqualTo(200);
        JsonNode chain = answer.json();

        assertThat(chain.at("/meeting/meetingId").asText())
                .isEqualTo(fixture.meeting().toString());
        assertThat(chain.at("/meeting/theme").asText()).isEqualTo("光伏产业链政商早餐会");
        assertThat(chain.at("/meeting/hostLeaderName").asText()).isEqualTo("王副市长");
        assertThat(chain.at("/topic/title").asText()).isEqualTo("切片车间增容迟迟未批");
        assertThat(chain.at("/topic/raisedByEnterpriseId").asText()).isEqualTo(fixture.enterprise());
        assertThat(chain.at("/topic/raisedByEnterpriseName").asText()).isEqualTo("包头青山光伏材料有限公司");
        assertThat(chain.at("/topic/agendaTitle").asText()).isEqualTo("光伏企业用电增容");
        assertThat(chain.at("/decision/text").asText()).isEqualTo("能源局牵头两周内完成增容审批");
        assertThat(chain.at("/actionItem/actionItemId").asText())
                .isEqualTo(fixture.actionItem().toString());
        assertThat(chain.at("/actionItem/ownerDepartmentName").asText()).isEqualTo("能源局");
        assertThat(chain.at("/actionItem/responsibleLeaderName").asText()).isEqualTo("李局长");
        assertThat(chain.at("/actionItem/dueOn").asText()).isEqualTo("2025-03-26");
        assertThat(chain.at("/actionItem/closedBecause").asText()).isEqualTo("CASE_FILE_CLOSED");
        assertThat(chain.at("/actionItem/overdue").asBoolean()).isFalse();
        assertThat(chain.at("/appeal/source").asText()).isEqualTo("BREAKFAST_MEETING");
        assertThat(types(chain.get("timeline")))
                .startsWith("ACTION_ITEM_RAISED", "FILED")
                .contains("RESOLUTION_SUBMITTED", "RATED");
        assertThat(chain.at("/caseFiles/0/departmentName").asText()).isEqualTo("能源局");
        assertThat(chain.at("/caseFiles/0/onTime").asBoolean()).isTrue();
        assertThat(chain.at("/outcome/status").asText()).isEqualTo("CLOSED");
        assertThat(chain.at("/outcome/rating").asInt()).isEqualTo(5);
        assertThat(chain.at("/outcome/outcome").asText()).isEqualTo("SOLVED");
        ContractSamples.verify("oversight", "chain", chain);

        var before = api.get("/api/oversight/appeals/" + fixture.appeal() + "/chain?asOf=2025-03-13T00:00:00Z")
                .token(supervisor)
                .send()
                .json();
        assertThat(before.at("/outcome/rating").isNull())
                .as("as of the day after the meeting, nothing was answered yet")
                .isTrue();
        assertThat(before.at("/actionItem/closedAt").isNull()).isTrue();
    }

    @Test
    void anAppealFiledOnlineHasAChainThatStartsAtTheAppeal() {
        JsonNode chain = api.get("/api/oversight/appeals/" + fixture.onlineAppeal() + "/chain")
                .token(supervisor)
                .send()
                .json();
        assertThat(chain.get("meeting").isNull()).isTrue();
        assertThat(chain.get("actionItem").isNull()).isTrue();
        assertThat(chain.at("/appeal/title").asText()).isEqualTo("厂区道路照明");
    }

    @Test
    void onlyWhoMaySeeTheAppealSeesItsChain() {
        String head = tokens.token(fixture.head(), "LEADER", null, fixture.department());
        String deputy = tokens.withRole(fixture.deputy(), "LEADER");
        String otherHead = tokens.token(fixture.otherHead(), "LEADER", null, fixture.otherDepartment());
        String path = "/api/oversight/appeals/" + fixture.appeal() + "/chain";

        assertThat(api.get(path).token(head).send().status()).isEqualTo(200);
        assertThat(api.get(path).token(deputy).send().status()).isEqualTo(200);
        assertThat(api.get(path).token(otherHead).send().status())
                .as("another leader's chain never touched it")
                .isEqualTo(404);
        assertThat(api.get(path)
                        .token(tokens.enterprise("enterprise", fixture.enterprise()))
                        .send()
                        .status())
                .as("not even the enterprise the appeal belongs to opens the chain view")
                .isEqualTo(403);
        assertThat(api.get(path).send().status()).isEqualTo(401);
        assertThat(api.get("/api/oversight/appeals/" + UUID.randomUUID() + "/chain")
                        .token(supervisor)
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/oversight/appeals/not-a-uuid/chain")
                        .token(supervisor)
                        .send()
                        .status())
                .isEqualTo(400);
    }

    @Test
    void aLiaisonLeaderSeesTheMeetingsTheirEnterprisesAttended() {
        String deputy = tokens.withRole(fixture.deputy(), "LEADER");
        JsonNode view =
                api.get("/api/oversight/liaison/appeals").token(deputy).send().json();
        assertThat(view.get("enterprises").get(0).asText()).isEqualTo(fixture.enterprise());
        JsonNode meeting = view.get("meetings").get(0);
        assertThat(meeting.get("meetingId").asText())
                .isEqualTo(fixture.meeting().toString());
        assertThat(meeting.get("theme").asText()).isEqualTo("光伏产业链政商早餐会");
        assertThat(meeting.get("attended").asBoolean()).isTrue();
        assertThat(meeting.get("actionItems").asLong()).isEqualTo(1);
        assertThat(view.get("meetings")).hasSize(1);
        ContractSamples.verify("oversight", "liaison", view);

        String head = tokens.token(fixture.head(), "LEADER", null, fixture.department());
        assertThat(api.get("/api/oversight/liaison/appeals")
                        .token(head)
                        .send()
                        .json()
                        .get("meetings"))
                .as("the department head looks after no enterprise")
                .isEmpty();
        assertThat(api.get("/api/oversight/liaison/appeals?leader=" + fixture.deputy())
                        .token(head)
                        .send()
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aLeaderSeesTheKpisOfTheirOwnDepartmentsAndNotAnothersLeaders() {
        String head = tokens.token(fixture.head(), "LEADER", null, fixture.department());
        String otherHead = tokens.token(fixture.otherHead(), "LEADER", null, fixture.otherDepartment());

        JsonNode own = api.get("/api/oversight/kpis?groupBy=DEPARTMENT&month=2025-03")
                .token(head)
                .send()
                .json();
        assertThat(own.get("rows")).hasSize(1);
        assertThat(own.at("/rows/0/key").asText()).isEqualTo(fixture.department());
        assertThat(own.at("/rows/0/onTimeResolution/rate").asDouble()).isEqualTo(1.0);
        assertThat(own.at("/rows/0/satisfaction/rate").asDouble()).isEqualTo(1.0);

        assertThat(api.get("/api/oversight/kpis?department=" + fixture.department())
                        .token(otherHead)
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/oversight/kpis?groupBy=DEPARTMENT&month=2025-03")
                        .token(otherHead)
                        .send()
                        .json()
                        .get("rows"))
                .as("nothing of the energy bureau in the land bureau's head's answer")
                .allSatisfy(row -> assertThat(row.get("key").asText()).isNotEqualTo(fixture.department()));
    }

    private static List<String> types(JsonNode steps) {
        List<String> types = new ArrayList<>();
        steps.forEach(step -> types.add(step.get("type").asText()));
        return types;
    }
}
