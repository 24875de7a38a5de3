package cn.qinqing.oversight.timeline;

import static cn.qinqing.oversight.Scenario.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qinqing.oversight.NationalDayCases;
import cn.qinqing.oversight.OversightApiTestBase;
import cn.qinqing.testsupport.ContractSamples;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A supervisor follows an appeal across services: every step with who did it, who held it after, and the working
 * time each holder had it — weekends, the National Day holiday and its make-up working days counted as the calendar
 * says — now and as of an earlier instant.
 */
class TimelineIT extends OversightApiTestBase {

    NationalDayCases cases;

    @BeforeEach
    void publish() {
        cases = NationalDayCases.publish(scenario());
        awaitCaughtUp();
    }

    @Test
    void theTimelineShowsEveryStepAndTheWorkingTimeChargedToEachHolder() {
        var answer = api.get("/api/oversight/appeals/" + cases.x() + "/timeline")
                .token(supervisor)
                .send();

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("X-Read-Model-Position")).matches("\\d+/\\d+");
        JsonNode timeline = answer.json();
        ContractSamples.verify("oversight", "timeline", timeline);
        assertThat(timeline.get("freshness").get("head").asLong()).isPositive();
        assertThat(timeline.get("steps").findValuesAsText("type"))
                .containsExactly(
                        "FILED",
                        "ASSIGNMENT_OPENED",
                        "DISPATCHED",
                        "SIGNED_FOR",
                        "CASE_OPENED",
                        "TRANSFERRED",
                        "SIGNED_FOR",
                        "CASE_OPENED",
                        "PROGRESS_NOTED",
                        "RESOLUTION_SUBMITTED",
                        "ANSWERED",
                        "RATED",
                        "CASE_CLOSED");
        JsonNode transfer = timeline.get("steps").get(5);
        assertThat(transfer.get("actor").asText()).isEqualTo("official-of-" + cases.departmentA());
        assertThat(transfer.get("role").asText()).isEqualTo("OFFICIAL");
        assertThat(transfer.get("holderAfter").get("id").asText()).isEqualTo(cases.departmentB());
        assertThat(transfer.get("holderAfter").get("name").asText()).isEqualTo("乙局");
        assertThat(transfer.get("correlationId").asText()).isNotBlank();

        // 26 Sep 09:00 (Fri) to 30 Sep 10:00 (Tue), Sunday 28 Sep a make-up working day: 7 + 7 + 7 + 1 hours
        // 30 Sep 10:00 to 17 Oct 11:00, 1–8 Oct off, Saturday 11 Oct worked: 6 + 7 + 7 + 7 + 4×7 + 2 hours
        // the enterprise: 17 Oct 11:00 to 20 Oct 09:00: 5 hours; B closes out 20 Oct 09:00–15:00: 4.5 hours
        assertThat(periods(timeline))
                .containsExactly(
                        "DISPATCH dispatch 0",
                        "DEPARTMENT " + cases.departmentA() + " 1320",
                        "DEPARTMENT " + cases.departmentB() + " 3420",
                        "ENTERPRISE " + cases.enterprise() + " 300",
                        "DEPARTMENT " + cases.departmentB() + " 270");
        Map<String, Long> totals = new LinkedHashMap<>();
        timeline.get("holderTotals")
                .forEach(total -> totals.put(
                        total.get("holder").get("id").asText(),
                        total.get("workingMinutes").asLong()));
        assertThat(totals)
                .containsEntry(cases.departmentA(), 1320L)
                .containsEntry(cases.departmentB(), 3690L)
                .containsEntry(cases.enterprise(), 300L);
        assertThat(timeline.get("holderTotals").get(2).get("workingDays").asDouble())
                .as("3690 minutes are 8.79 working days of 7 hours")
                .isEqualTo(8.79);
        assertThat(timeline.get("state").get("status").asText()).isEqualTo("CLOSED");
        assertThat(timeline.get("state").get("holder").isNull()).isTrue();
        assertThat(timeline.get("appeal").get("enterpriseName").asText()).isEqualTo("包头青山光伏材料有限公司");
        assertThat(timeline.get("appeal").get("district").asText()).isEqualTo("青山区");
    }

    @Test
    void asOfAnEarlierInstantTheTimelineEndsThereAndTheCurrentHolderIsChargedUpToIt() {
        String asOf = at("2025-10-01 00:00").toString();
        var answer = api.get("/api/oversight/appeals/" + cases.x() + "/timeline?asOf=" + asOf)
                .token(supervisor)
                .send();

        assertThat(answer.status()).isEqualTo(200);
        JsonNode timeline = answer.json();
        assertThat(timeline.get("steps")).hasSize(6);
        assertThat(timeline.get("state").get("status").asText()).isEqualTo("DISPATCHED");
        assertThat(timeline.get("state").get("holder").get("id").asText()).isEqualTo(cases.departmentB());
        assertThat(timeline.get("state").get("dues").get("signFor").asText())
                .isEqualTo(at("2025-10-09 12:00").toString());
        // B had it from 30 Sep 10:00 to midnight: 2 + 4 working hours
        assertThat(periods(timeline))
                .containsExactly(
                        "DISPATCH dispatch 0",
                        "DEPARTMENT " + cases.departmentA() + " 1320",
                        "DEPARTMENT " + cases.departmentB() + " 360");
        assertThat(timeline.get("holderPeriods").get(2).get("open").asBoolean()).isTrue();

        var state = api.get("/api/oversight/appeals/" + cases.x() + "?asOf=" + asOf)
                .token(supervisor)
                .send();
        assertThat(state.status()).isEqualTo(200);
        assertThat(state.json().get("state").get("status").asText()).isEqualTo("DISPATCHED");
        assertThat(state.json().get("freshness")).isNotNull();

        var beforeFiling = api.get("/api/oversight/appeals/" + cases.x() + "?asOf=" + at("2025-09-01 00:00"))
                .token(supervisor)
                .send();
        assertThat(beforeFiling.status()).as("nothing was known of it yet").isEqualTo(404);
    }

    @Test
    void aPauseChargesTheEnterpriseAndAFutureInstantIsRefused() {
        var timeline = api.get("/api/oversight/appeals/" + cases.y() + "/timeline")
                .token(supervisor)
                .send()
                .json();
        // paused Monday 13 Oct 09:00, resumed Tuesday 09:00: one working day waiting on the enterprise
        assertThat(periods(timeline)).contains("ENTERPRISE " + cases.enterprise() + " 420");

        var future = api.get("/api/oversight/appeals/" + cases.y() + "/timeline?asOf=2999-01-01T00:00:00Z")
                .token(supervisor)
                .send();
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().get("errors").get(0).get("field").asText()).isEqualTo("asOf");
    }

    @Test
    void anAppealNobodyPublishedIsNotFound() {
        var answer = api.get("/api/oversight/appeals/" + java.util.UUID.randomUUID() + "/timeline")
                .token(supervisor)
                .send();
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aLateEventIsInTheTimelineOnlyFromWhenItWasRecorded() {
        var late = cases.scenario()
                .appeal(cases.enterprise(), "迟到的事件")
                .filed(at("2025-10-09 08:30"))
                .dispatched(cases.departmentB(), at("2025-10-09 09:00"), at("2025-10-09 17:30"))
                .recordedAt(at("2025-10-20 12:00"))
                .signedFor(cases.departmentB(), at("2025-10-09 10:00"), true);
        await().until(() -> {
            var now = api.get("/api/oversight/appeals/" + late.id + "/timeline")
                    .token(supervisor)
                    .send();
            return now.status() == 200 && now.json().get("steps").size() == 3;
        });
        var before = api.get("/api/oversight/appeals/" + late.id + "/timeline?asOf=" + at("2025-10-15 00:00"))
                .token(supervisor)
                .send()
                .json();
        assertThat(before.get("steps").findValuesAsText("type")).containsExactly("FILED", "DISPATCHED");
        assertThat(before.get("state").get("overdue")).hasSize(1);
        assertThat(before.get("state").get("overdue").get(0).get("kind").asText())
                .as("on 15 October nobody knew it had been signed for")
                .isEqualTo("SIGN_FOR");
        assertThat(before.get("state")
                        .get("overdue")
                        .get(0)
                        .get("escalateToLeaderId")
                        .asText())
                .as("nobody answers for it yet: the head of the holding department is next")
                .isEqualTo(cases.headB());
    }

    static List<String> periods(JsonNode timeline) {
        List<String> periods = new ArrayList<>();
        timeline.get("holderPeriods")
                .forEach(period -> periods.add(period.get("holder").get("kind").asText() + " "
                        + period.get("holder").get("id").asText() + " "
                        + period.get("workingMinutes").asLong()));
        return periods;
    }
}
