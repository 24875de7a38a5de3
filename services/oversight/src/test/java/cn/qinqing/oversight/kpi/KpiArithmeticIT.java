package cn.qinqing.oversight.kpi;

import static cn.qinqing.oversight.Scenario.at;
import static org.assertj.core.api.Assertions.assertThat;

import cn.qinqing.oversight.NationalDayCases;
import cn.qinqing.oversight.OversightApiTestBase;
import cn.qinqing.testsupport.ContractSamples;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rates of docs/kpis.md on the two National Day appeals, worked out by hand:
 *
 * <ul>
 *   <li>B in October 2025 — response: X signed in time on 9 Oct, Y late on 10 Oct → 1/2. On time: X answered 17 Oct
 *       within its due date, Y's first answer on 22 Oct within its extension → 2/2. Satisfaction: X rated 5; Y's
 *       first answer was reopened, not rated → 1/1, average 5. Reopen: 1 of the 2 October answers. Handling: X 9 Oct
 *       10:00 → 17 Oct 11:00 = 50 working hours; Y 10 Oct 09:30 → 22 Oct 16:00 = 68 hours less 7 paused = 61; mean
 *       55.5 hours = 7.93 working days.
 *   <li>B in November — Y's second answer late → on time 0/1; its rating expired → not rated (1), no satisfaction
 *       rate; handling 24 Oct 10:00 → 10 Nov 10:00 = 77 hours = 11 days.
 *   <li>A in September — signed for X in time → 1/1; its case was transferred away before its due date → not
 *       counted for on-time resolution.
 * </ul>
 */
class KpiArithmeticIT extends OversightApiTestBase {

    NationalDayCases cases;

    @BeforeEach
    void publish() {
        cases = NationalDayCases.publish(scenario());
        awaitCaughtUp();
    }

    @Test
    void departmentBInOctober() {
        JsonNode row = onlyRow("/api/oversight/kpis?month=2025-10&department=" + cases.departmentB());

        assertThat(rate(row.get("response"))).isEqualTo("1/2=0.5");
        assertThat(rate(row.get("onTimeResolution"))).isEqualTo("2/2=1.0");
        JsonNode satisfaction = row.get("satisfaction");
        assertThat(satisfaction.get("satisfied").asLong()).isEqualTo(1);
        assertThat(satisfaction.get("rated").asLong()).isEqualTo(1);
        assertThat(satisfaction.get("rate").asDouble()).isEqualTo(1.0);
        assertThat(satisfaction.get("averageRating").asDouble()).isEqualTo(5.0);
        assertThat(satisfaction.get("notRated").asLong()).isZero();
        assertThat(row.get("reopen").get("reopened").asLong()).isEqualTo(1);
        assertThat(row.get("reopen").get("answered").asLong()).isEqualTo(2);
        assertThat(row.get("reopen").get("rate").asDouble()).isEqualTo(0.5);
        assertThat(row.get("handling").get("resolved").asLong()).isEqualTo(2);
        assertThat(row.get("handling").get("averageWorkingDays").asDouble()).isEqualTo(7.93);
        assertThat(row.get("overdueNow").asLong()).isZero();
        assertThat(row.get("meetingFollowUp").get("total").asLong()).isZero();
        assertThat(row.get("meetingFollowUp").get("rate").isNull()).isTrue();
    }

    @Test
    void departmentBInNovemberCountsTheLateSecondAnswerAndTheExpiredRatingSeparately() {
        JsonNode row = onlyRow("/api/oversight/kpis?month=2025-11&department=" + cases.departmentB());

        assertThat(rate(row.get("onTimeResolution"))).isEqualTo("0/1=0.0");
        assertThat(row.get("response").get("total").asLong()).isZero();
        assertThat(row.get("satisfaction").get("rated").asLong()).isZero();
        assertThat(row.get("satisfaction").get("rate").isNull()).isTrue();
        assertThat(row.get("satisfaction").get("averageRating").isNull()).isTrue();
        assertThat(row.get("satisfaction").get("notRated").asLong()).isEqualTo(1);
        assertThat(rate(row.get("reopen"), "reopened", "answered")).isEqualTo("0/1=0.0");
        assertThat(row.get("handling").get("averageWorkingDays").asDouble()).isEqualTo(11.0);
    }

    @Test
    void departmentAInSeptemberAndGroupsByDepartmentAndLeader() {
        JsonNode a = onlyRow("/api/oversight/kpis?month=2025-09&department=" + cases.departmentA());
        assertThat(rate(a.get("response"))).isEqualTo("1/1=1.0");
        assertThat(a.get("onTimeResolution").get("total").asLong()).isZero();

        var byDepartment = api.get("/api/oversight/kpis?groupBy=DEPARTMENT&month=2025-10&leader=" + cases.deputyMayor())
                .token(supervisor)
                .send();
        assertThat(byDepartment.status()).isEqualTo(200);
        ContractSamples.verify("oversight", "kpis", byDepartment.json());
        Map<String, JsonNode> rows = rows(byDepartment.json());
        assertThat(rows.keySet()).containsExactly(cases.departmentB());
        assertThat(rows.get(cases.departmentB()).get("label").asText()).isEqualTo("乙局");

        var byLeader = api.get("/api/oversight/kpis?groupBy=LEADER&month=2025-10&department=" + cases.departmentB())
                .token(supervisor)
                .send()
                .json();
        Map<String, JsonNode> leaders = rows(byLeader);
        assertThat(leaders.keySet())
                .as("B's head and the deputy mayor above him answer for B")
                .containsExactlyInAnyOrder(cases.headB(), cases.deputyMayor());
        assertThat(rate(leaders.get(cases.deputyMayor()).get("response"))).isEqualTo("1/2=0.5");

        JsonNode headB = onlyRow("/api/oversight/kpis?month=2025-10&leader=" + cases.headB());
        assertThat(rate(headB.get("onTimeResolution"))).isEqualTo("2/2=1.0");

        var byMonth = rows(api.get("/api/oversight/kpis?groupBy=MONTH&department=" + cases.departmentB())
                .token(supervisor)
                .send()
                .json());
        assertThat(byMonth.keySet()).containsExactly("2025-10", "2025-11");
        assertThat(byMonth.get("2025-10").get("overdueNow").isNull())
                .as("what is overdue now belongs to no month")
                .isTrue();
    }

    @Test
    void categoryAndDistrictFilterByWhatTheAppealIsAbout() {
        JsonNode power = onlyRow(
                "/api/oversight/kpis?month=2025-10&department=" + cases.departmentB() + "&category=POWER&district=青山区");
        assertThat(rate(power.get("onTimeResolution"))).isEqualTo("2/2=1.0");
        JsonNode land =
                onlyRow("/api/oversight/kpis?month=2025-10&department=" + cases.departmentB() + "&category=LAND");
        assertThat(land.get("onTimeResolution").get("total").asLong()).isZero();

        var byDistrict =
                rows(api.get("/api/oversight/kpis?groupBy=DISTRICT&month=2025-10&department=" + cases.departmentB())
                        .token(supervisor)
                        .send()
                        .json());
        assertThat(byDistrict.keySet()).containsExactly("青山区");
    }

    @Test
    void asOfTheDayAfterXWasAnsweredTheNumbersAreThoseKnownThen() {
        String asOf = at("2025-10-18 00:00").toString();
        JsonNode row = onlyRow("/api/oversight/kpis?month=2025-10&department=" + cases.departmentB() + "&asOf=" + asOf);

        assertThat(rate(row.get("response"))).isEqualTo("1/2=0.5");
        // Y's first answer was due 24 Oct after its extension: not judged yet on 18 Oct
        assertThat(rate(row.get("onTimeResolution"))).isEqualTo("1/1=1.0");
        // X answered on 17 Oct, rated only on 20 Oct
        assertThat(row.get("satisfaction").get("rated").asLong()).isZero();
        assertThat(rate(row.get("reopen"), "reopened", "answered")).isEqualTo("0/1=0.0");
        assertThat(row.get("handling").get("averageWorkingDays").asDouble()).isEqualTo(7.14);
        // Y: no contact with the enterprise since its case opened, first contact due 14 Oct 17:30 (after the pause)
        assertThat(row.get("overdueNow").asLong()).isEqualTo(1);
        assertThat(api.get("/api/oversight/kpis?month=2025-10&department=" + cases.departmentB() + "&asOf=" + asOf)
                        .token(supervisor)
                        .send()
                        .json()
                        .get("asOf")
                        .asText())
                .isEqualTo(asOf);
    }

    @Test
    void badFiltersAreRefusedWithTheFieldNamed() {
        var month =
                api.get("/api/oversight/kpis?month=2025-13").token(supervisor).send();
        assertThat(month.status()).isEqualTo(400);
        assertThat(month.json().get("errors").get(0).get("field").asText()).isEqualTo("month");
        var groupBy =
                api.get("/api/oversight/kpis?groupBy=PLANET").token(supervisor).send();
        assertThat(groupBy.status()).isEqualTo(400);
        assertThat(groupBy.json().get("errors").get(0).get("field").asText()).isEqualTo("groupBy");
    }

    private JsonNode onlyRow(String path) {
        var answer = api.get(path).token(supervisor).send();
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().get("rows")).hasSize(1);
        return answer.json().get("rows").get(0);
    }

    private static Map<String, JsonNode> rows(JsonNode answer) {
        Map<String, JsonNode> rows = new LinkedHashMap<>();
        answer.get("rows").forEach(row -> rows.put(row.get("key").asText(), row));
        return rows;
    }

    private static String rate(JsonNode rate) {
        return rate(rate, "met", "total");
    }

    private static String rate(JsonNode rate, String met, String total) {
        return rate.get(met).asLong() + "/" + rate.get(total).asLong() + "="
                + (rate.get("rate").isNull() ? "null" : rate.get("rate").asDouble());
    }
}
