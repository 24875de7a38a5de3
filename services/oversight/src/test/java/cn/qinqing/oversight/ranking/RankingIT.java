package cn.qinqing.oversight.ranking;

import static cn.qinqing.oversight.Scenario.at;
import static org.assertj.core.api.Assertions.assertThat;

import cn.qinqing.oversight.OversightApiTestBase;
import cn.qinqing.oversight.Scenario;
import cn.qinqing.testsupport.ContractSamples;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The March 2024 ranking, frozen as reported at the month's end, against the same month recomputed after a late
 * rating arrived:
 *
 * <ul>
 *   <li>R1 signed in time and answered on time (score 100, rank 1 as reported); the enterprise rated the answer 2 on
 *       2 April, after the month ended: recomputed, satisfaction 0/1 and score (100 + 100 + 0) / 3 = 66.67.
 *   <li>R2 signed late, answered on time, rated 5 in March: score (0 + 100 + 100) / 3 = 66.67, rank 2 as reported,
 *       tied first when recomputed.
 * </ul>
 */
class RankingIT extends OversightApiTestBase {

    static final YearMonth MARCH = YearMonth.of(2024, 3);
    static final Instant MARCH_END = at("2024-04-01 00:00");

    @Autowired
    Rankings rankings;

    static String r1;
    static String r2;

    @BeforeEach
    void publishOnce() {
        if (r1 != null) {
            return;
        }
        Scenario scenario = scenario();
        r1 = scenario.id("r1");
        r2 = scenario.id("r2");
        String enterprise = scenario.uscc(3);
        scenario.department(r1, "一局").department(r2, "二局");
        scenario.appeal(enterprise, "排名一")
                .filed(at("2024-03-04 08:30"))
                .dispatched(r1, at("2024-03-04 09:00"), at("2024-03-04 17:30"))
                .signedFor(r1, at("2024-03-04 10:00"), true)
                .caseOpened(r1, 1, at("2024-03-04 10:00"), at("2024-03-05 10:00"), at("2024-03-15 17:30"))
                .submitted(r1, 1, at("2024-03-12 10:00"), true)
                .answered(r1, 1, at("2024-03-12 10:00"))
                .rated(1, 2, at("2024-04-02 09:00"));
        scenario.appeal(enterprise, "排名二")
                .filed(at("2024-03-05 08:30"))
                .dispatched(r2, at("2024-03-05 09:00"), at("2024-03-05 17:30"))
                .signedFor(r2, at("2024-03-06 09:00"), false)
                .caseOpened(r2, 1, at("2024-03-06 09:00"), at("2024-03-07 09:00"), at("2024-03-20 17:30"))
                .submitted(r2, 1, at("2024-03-18 10:00"), true)
                .answered(r2, 1, at("2024-03-18 10:00"))
                .rated(1, 5, at("2024-03-20 10:00"));
        awaitCaughtUp();
        assertThat(rankings.freeze(MARCH, MARCH_END, "test")).isTrue();
    }

    @Test
    void theReportedRankingWasMadeFromWhatWasKnownAtTheMonthsEnd() {
        Ranking reported = rankings.reported(MARCH).orElseThrow();

        assertThat(reported.asOf()).isEqualTo(MARCH_END);
        assertThat(reported.entries())
                .extracting(Ranking.Entry::departmentId, Ranking.Entry::rank, Ranking.Entry::score)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(r1, 1, 100.0),
                        org.assertj.core.groups.Tuple.tuple(r2, 2, 66.67));
        assertThat(reported.entries().get(0).kpis().satisfaction().rated())
                .as("the rating came on 2 April")
                .isZero();
    }

    @Test
    void aMonthIsFrozenOnceWhoeverTriesAndHoweverOften() throws Exception {
        assertThat(rankings.freeze(MARCH, Instant.now(), "again")).isFalse();
        assertThat(rankings.reported(MARCH).orElseThrow().entries().get(0).score())
                .as("the report stays as it was")
                .isEqualTo(100.0);

        YearMonth february = YearMonth.of(2024, 2);
        Instant februaryEnd = at("2024-03-01 00:00");
        var pool = Executors.newFixedThreadPool(4);
        try {
            Callable<Boolean> freeze = () -> rankings.freeze(
                    february, februaryEnd, Thread.currentThread().getName());
            List<Future<Boolean>> attempts = pool.invokeAll(List.of(freeze, freeze, freeze, freeze));
            long frozen = 0;
            for (Future<Boolean> attempt : attempts) {
                frozen += attempt.get() ? 1 : 0;
            }
            assertThat(frozen).as("four instances at once, one freeze").isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM oversight.ranking_freeze WHERE month = '2024-02'", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void reportedAndRecomputedStandSideBySideWithTheDifferencePerDepartment() {
        var answer =
                api.get("/api/oversight/rankings/2024-03").token(supervisor).send();

        assertThat(answer.status()).isEqualTo(200);
        JsonNode body = answer.json();
        ContractSamples.verify("oversight", "ranking", body);
        ContractSamples.verify(
                "oversight",
                "ranking-months",
                api.get("/api/oversight/rankings").token(supervisor).send().json());
        assertThat(body.get("reported").get("frozenAt").asText()).isNotBlank();
        assertThat(body.get("freshness").get("head").asLong()).isPositive();
        Map<String, JsonNode> recomputed = new LinkedHashMap<>();
        body.get("recomputed")
                .get("entries")
                .forEach(entry -> recomputed.put(entry.get("departmentId").asText(), entry));
        assertThat(recomputed.get(r1).get("score").asDouble()).isEqualTo(66.67);
        assertThat(recomputed.get(r1).get("rank").asInt()).isEqualTo(1);
        assertThat(recomputed.get(r2).get("rank").asInt()).as("tied").isEqualTo(1);
        Map<String, JsonNode> differences = new LinkedHashMap<>();
        body.get("differences")
                .forEach(difference ->
                        differences.put(difference.get("departmentId").asText(), difference));
        assertThat(differences.get(r1).get("scoreChange").asDouble()).isEqualTo(-33.33);
        assertThat(differences.get(r1).get("rankChange").asInt()).isZero();
        assertThat(differences.get(r1).get("satisfactionRateChange").isNull())
                .as("nothing was rated when it was reported")
                .isTrue();
        assertThat(differences.get(r2).get("rankChange").asInt())
                .as("up one place")
                .isEqualTo(-1);
        assertThat(differences.get(r2).get("scoreChange").asDouble()).isZero();

        var asOfMonthEnd = api.get("/api/oversight/rankings/2024-03?asOf=" + MARCH_END)
                .token(supervisor)
                .send()
                .json();
        asOfMonthEnd.get("differences").forEach(difference -> assertThat(
                        difference.get("scoreChange").asDouble())
                .as("recomputed as of the month's end is what was reported")
                .isZero());

        var months = api.get("/api/oversight/rankings").token(supervisor).send().json();
        assertThat(months.get("frozenMonths").toString()).contains("2024-03");

        var neverFrozen =
                api.get("/api/oversight/rankings/2023-01").token(supervisor).send();
        assertThat(neverFrozen.status()).isEqualTo(200);
        assertThat(neverFrozen.json().get("reported").isNull()).isTrue();
    }

    @Test
    void aBlankOrMalformedMonthIsRefusedNamingTheField() {
        for (String month : List.of("%20", "2024-3", "march")) {
            var answer = api.get("/api/oversight/rankings/" + month)
                    .token(supervisor)
                    .send();
            assertThat(answer.status()).as(month).isEqualTo(400);
            assertThat(answer.json().get("errors").findValuesAsText("field"))
                    .as(month)
                    .contains("month");
        }
    }
}
