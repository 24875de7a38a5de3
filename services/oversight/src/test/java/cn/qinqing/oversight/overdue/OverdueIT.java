package cn.qinqing.oversight.overdue;

import static cn.qinqing.oversight.Scenario.at;
import static org.assertj.core.api.Assertions.assertThat;

import cn.qinqing.oversight.OversightApiTestBase;
import cn.qinqing.testsupport.ContractSamples;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What is past due now with whom to escalate to, the liaison leader's view, and breakfast-meeting follow-up. */
class OverdueIT extends OversightApiTestBase {

    OverdueCases cases;

    @BeforeEach
    void publish() {
        cases = new OverdueCases(scenario());
        awaitCaughtUp();
    }

    @Test
    void theOverdueListNamesWhatIsLateWhoHoldsItAndTheLeaderToEscalateTo() {
        var answer = api.get("/api/oversight/overdue?department=" + cases.departmentC)
                .token(supervisor)
                .send();

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("X-Read-Model-Position")).matches("\\d+/\\d+");
        ContractSamples.verify("oversight", "overdue", answer.json());
        JsonNode items = answer.json().get("items");
        List<String> seen = new ArrayList<>();
        items.forEach(item -> seen.add(
                item.get("appealId").asText().equals(cases.w.toString())
                        ? "W " + item.get("kind").asText() + " → "
                                + item.get("escalateToLeaderId").asText()
                        : "V " + item.get("kind").asText() + " → "
                                + item.get("escalateToLeaderId").asText()));
        // oldest due first: W's sign-for (3 Nov), V's notice (10 Nov), V's answer (14 Nov). W: nobody answers for
        // it, so the head of C is next; V: the deputy mayor took charge, so the mayor above him is next
        assertThat(seen)
                .containsExactly(
                        "W SIGN_FOR → " + cases.headC,
                        "V SUPERVISION → " + cases.mayor,
                        "V RESOLUTION → " + cases.mayor);
        JsonNode notice = items.get(1);
        assertThat(notice.get("noticeLeaderId").asText()).isEqualTo(cases.deputy);
        assertThat(notice.get("holder").get("name").asText()).isEqualTo("丙局");
        assertThat(notice.get("escalateToLeaderName").asText()).isEqualTo("市长");
        assertThat(notice.get("dueAt").asText())
                .isEqualTo(at("2025-11-10 17:30").toString());
        assertThat(notice.get("overdueWorkingMinutes").asLong()).isPositive();
        assertThat(answer.json().get("count").asInt()).isEqualTo(3);

        var signFors = api.get("/api/oversight/overdue?kind=SIGN_FOR&department=" + cases.departmentC)
                .token(supervisor)
                .send()
                .json();
        assertThat(signFors.get("count").asInt()).isEqualTo(1);

        var before = api.get(
                        "/api/oversight/overdue?department=" + cases.departmentC + "&asOf=" + at("2025-11-04 12:00"))
                .token(supervisor)
                .send()
                .json();
        assertThat(before.get("count").asInt())
                .as("on 4 November only W's sign-for was late")
                .isEqualTo(1);
    }

    @Test
    void aLiaisonLeaderSeesTheAppealsOfTheEnterprisesTheyLookAfter() {
        String liaisonToken = tokens.withRole(cases.liaison, "LEADER");
        var own = api.get("/api/oversight/liaison/appeals").token(liaisonToken).send();

        assertThat(own.status()).isEqualTo(200);
        JsonNode view = own.json();
        assertThat(view.get("leaderId").asText()).isEqualTo(cases.liaison);
        assertThat(view.get("enterprises").get(0).asText()).isEqualTo(cases.enterprise);
        Map<String, JsonNode> appeals = new LinkedHashMap<>();
        view.get("appeals").forEach(appeal -> appeals.put(appeal.get("appealId").asText(), appeal));
        assertThat(appeals).containsKeys(cases.w.toString(), cases.v.toString());
        JsonNode w = appeals.get(cases.w.toString());
        assertThat(w.get("keyEnterprise").asBoolean()).isTrue();
        assertThat(w.get("enterpriseName").asText()).isEqualTo("包头稀土高新硅业有限公司");
        assertThat(w.get("status").asText()).isEqualTo("DISPATCHED");
        assertThat(w.get("overdue").get(0).asText()).isEqualTo("SIGN_FOR");

        var supervised = api.get("/api/oversight/liaison/appeals?leader=" + cases.liaison)
                .token(supervisor)
                .send();
        assertThat(supervised.status()).isEqualTo(200);
        assertThat(supervised.json().get("appeals").size())
                .isEqualTo(view.get("appeals").size());

        assertThat(api.get("/api/oversight/liaison/appeals?leader=" + cases.headC)
                        .token(liaisonToken)
                        .send()
                        .status())
                .as("a leader sees only their own enterprises")
                .isEqualTo(403);
        var unnamed =
                api.get("/api/oversight/liaison/appeals").token(supervisor).send();
        assertThat(unnamed.status()).isEqualTo(400);
        assertThat(unnamed.json().get("errors").get(0).get("field").asText()).isEqualTo("leader");
        assertThat(api.get("/api/oversight/liaison/appeals?asOf=" + at("2025-05-01 00:00"))
                        .token(liaisonToken)
                        .send()
                        .json()
                        .get("appeals"))
                .as("before 1 June 2025 nobody had made them this enterprise's liaison")
                .isEmpty();
    }

    @Test
    void meetingFollowUpCountsItemsClosedOnTimeLateOpenAndLeavesTheWithdrawnOut() {
        var answer = api.get("/api/oversight/meetings/follow-up?month=2025-11&department=" + cases.departmentC)
                .token(supervisor)
                .send();

        assertThat(answer.status()).isEqualTo(200);
        JsonNode followUp = answer.json();
        // on time (closed 20 Nov 23:00, due by the end of 20 Nov), late (28 Nov for 25 Nov), open past 26 Nov
        assertThat(followUp.get("closedOnTime").get("met").asLong()).isEqualTo(1);
        assertThat(followUp.get("closedOnTime").get("total").asLong()).isEqualTo(3);
        assertThat(followUp.get("closedOnTime").get("rate").asDouble()).isEqualTo(0.3333);
        Map<String, String> statuses = new LinkedHashMap<>();
        followUp.get("items")
                .forEach(item -> statuses.put(
                        item.get("actionItemId").asText(), item.get("status").asText()));
        assertThat(statuses)
                .containsEntry(cases.onTime.toString(), "ON_TIME")
                .containsEntry(cases.late.toString(), "LATE")
                .containsEntry(cases.open.toString(), "OVERDUE")
                .containsEntry(cases.withdrawn.toString(), "WITHDRAWN");

        var kpis = api.get("/api/oversight/kpis?month=2025-11&department=" + cases.departmentC)
                .token(supervisor)
                .send()
                .json()
                .get("rows")
                .get(0);
        assertThat(kpis.get("meetingFollowUp").get("met").asLong()).isEqualTo(1);
        assertThat(kpis.get("meetingFollowUp").get("total").asLong()).isEqualTo(3);
        assertThat(kpis.get("overdueNow").asLong())
                .as("W's sign-for, V's notice and V's answer")
                .isEqualTo(3);

        var headC = api.get("/api/oversight/meetings/follow-up?month=2025-11")
                .token(tokens.token(cases.headC, "LEADER", null, cases.departmentC))
                .send();
        assertThat(headC.status()).isEqualTo(200);
        assertThat(headC.json().get("closedOnTime").get("total").asLong())
                .as("the head of C sees C's items")
                .isEqualTo(3);
    }
}
