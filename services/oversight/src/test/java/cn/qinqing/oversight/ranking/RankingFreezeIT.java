package cn.qinqing.oversight.ranking;

import static cn.qinqing.oversight.Scenario.at;
import static org.assertj.core.api.Assertions.assertThat;

import cn.qinqing.language.calendar.WorkingCalendar;
import cn.qinqing.oversight.OversightApiTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The monthly freeze runs from a schedule kept in the database, so that months that ended while the service was down
 * are frozen when it is back; and an admin may freeze an ended month now, once.
 */
class RankingFreezeIT extends OversightApiTestBase {

    @Autowired
    RankingFreezer freezer;

    @Test
    void monthsThatEndedWhileTheServiceWasDownAreFrozenAsOfTheirEndsWhenItIsBack() {
        YearMonth current = YearMonth.now(WorkingCalendar.ZONE);
        List<YearMonth> missed = List.of(current.minusMonths(3), current.minusMonths(2), current.minusMonths(1));
        // as if the last freeze had been three months ago and the service had been down since
        for (YearMonth month : missed) {
            jdbc.update("DELETE FROM oversight.ranking_frozen_row WHERE month = ?", month.toString());
            jdbc.update("DELETE FROM oversight.ranking_freeze WHERE month = ?", month.toString());
        }
        jdbc.update(
                "UPDATE oversight.ranking_freeze_schedule SET next_month = ?",
                missed.get(0).toString());
        awaitCaughtUp();

        freezer.freezeDue();

        for (YearMonth month : missed) {
            assertThat(jdbc.queryForObject(
                            "SELECT as_of FROM oversight.ranking_freeze WHERE month = ?",
                            java.sql.Timestamp.class,
                            month.toString()))
                    .as(month + " frozen as of its end")
                    .isEqualTo(java.sql.Timestamp.from(Rankings.monthEnd(month)));
        }
        assertThat(jdbc.queryForObject("SELECT next_month FROM oversight.ranking_freeze_schedule", String.class))
                .as("the schedule moved on to the month under way")
                .isEqualTo(current.toString());
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM oversight.ranking_freeze WHERE month = ?",
                        Integer.class,
                        current.toString()))
                .as("the month under way is not frozen")
                .isZero();
    }

    @Test
    void anAdminFreezesAnEndedMonthOnceAndARetryOfTheSameRequestGetsItAgain() {
        var scenario = scenario();
        String department = scenario.id("freeze-demo");
        scenario.appeal(scenario.uscc(5), "冻结演示")
                .filed(at("2023-09-04 08:30"))
                .dispatched(department, at("2023-09-04 09:00"), at("2023-09-04 17:30"))
                .signedFor(department, at("2023-09-04 10:00"), true);
        awaitCaughtUp();

        var first = freeze("2023-09", "key-2023-09");
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(first.header("Location")).isEqualTo("/api/oversight/rankings/2023-09");
        JsonNode ranking = first.json();
        assertThat(Instant.parse(ranking.get("asOf").asText())).isEqualTo(at("2023-10-01 00:00"));
        assertThat(ranking.get("entries").get(0).get("departmentId").asText()).isEqualTo(department);
        assertThat(ranking.get("entries").get(0).get("score").asDouble()).isEqualTo(100.0);
        // read your writes (ADR 0008): the frozen ranking is at its Location and in the list of months at once
        JsonNode readBack =
                api.get(first.header("Location")).token(admin).send().json();
        assertThat(readBack.get("reported").get("frozenAt")).isEqualTo(ranking.get("frozenAt"));
        assertThat(api.get("/api/oversight/rankings")
                        .token(admin)
                        .send()
                        .json()
                        .get("frozenMonths")
                        .toString())
                .contains("\"2023-09\"");

        var retry = freeze("2023-09", "key-2023-09");
        assertThat(retry.status()).as("the same request again").isEqualTo(200);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json().get("frozenAt")).isEqualTo(ranking.get("frozenAt"));

        for (String key : new String[] {null, "another-key"}) {
            var again = freeze("2023-09", key);
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.header("Content-Type")).startsWith("application/problem+json");
            JsonNode problem = again.json();
            assertThat(problem.get("type").asText()).endsWith("already-frozen");
            assertThat(problem.get("detail").asText())
                    .contains("2023-09 was frozen at")
                    .contains("admin")
                    .contains("frozen once");
        }
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM oversight.ranking_freeze WHERE month = '2023-09'", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void onlyAnEndedMonthCanBeFrozen() {
        String current = YearMonth.now(WorkingCalendar.ZONE).toString();
        for (String month : List.of(
                current, YearMonth.now(WorkingCalendar.ZONE).plusMonths(1).toString(), "2023-13")) {
            var refused = freeze(month, null);
            assertThat(refused.status()).as(month).isEqualTo(400);
            assertThat(refused.json().toString()).contains("month");
        }
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM oversight.ranking_freeze WHERE month = ?", Integer.class, current))
                .isZero();
    }

    @Test
    void onlyAnAdminMayFreezeAMonth() {
        String path = "/api/oversight/admin/rankings/2023-08/freeze";
        for (String token : List.of(
                supervisor,
                tokens.withRole("leader", "LEADER"),
                tokens.withRole("dispatcher", "DISPATCHER"),
                tokens.official("official", "industry-it"),
                tokens.enterprise("enterprise-a", "91150200MA0QA0001T"))) {
            var refused = api.post(path).token(token).send();
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(api.post(path).send().status()).isEqualTo(401);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM oversight.ranking_freeze WHERE month = '2023-08'", Integer.class))
                .as("nothing was frozen by those refused")
                .isZero();
    }

    private cn.qinqing.testsupport.HttpApi.Response freeze(String month, String idempotencyKey) {
        var call =
                api.post("/api/oversight/admin/rankings/" + month + "/freeze").token(admin);
        if (idempotencyKey != null) {
            call.header("Idempotency-Key", idempotencyKey);
        }
        return call.send();
    }
}
