package cn.qinqing.oversight.replay;

import static cn.qinqing.oversight.Scenario.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.qinqing.language.calendar.Holiday;
import cn.qinqing.oversight.NationalDayCases;
import cn.qinqing.oversight.OversightApiTestBase;
import cn.qinqing.oversight.ranking.Rankings;
import cn.qinqing.testsupport.ContractSamples;
import cn.qinqing.testsupport.ServiceProcess;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An admin rebuilds the oversight read models while two instances run (this one, and the service's jar started as
 * another process on the same schema): both stop their processors, one resets the tokens, both start again, and
 * every row of every read model comes back exactly as it was. Rankings as reported are records, not read models:
 * they stay.
 */
class ReplayIT extends OversightApiTestBase {

    /** Every read model, each in a stable order. */
    static final Map<String, String> READ_MODELS = Map.of(
            "appeal_event", "event_id",
            "appeal_dimension", "appeal_id",
            "department", "department_id, global_index",
            "leader", "leader_id, global_index",
            "enterprise", "enterprise_id",
            "enterprise_liaison", "event_id",
            "calendar_year", "year, global_index");

    @Autowired
    Rankings rankings;

    @Test
    void aReplayOnTwoInstancesRebuildsEveryRowAndLeavesTheReportedRankingsAlone() {
        Path jar = Path.of("target", "qinqing-oversight.jar");
        assumeTrue(Files.isRegularFile(jar), "the service jar is built at package, before the integration tests");
        NationalDayCases cases = NationalDayCases.publish(scenario());
        cases.scenario()
                .liaison(cases.enterprise(), cases.deputyMayor(), true, at("2025-03-01 09:00"))
                .calendarLoaded(
                        2030,
                        List.of(new Holiday("元旦", LocalDate.of(2030, 1, 1), LocalDate.of(2030, 1, 1))),
                        List.of());

        try (ServiceProcess peer =
                ServiceProcess.start(jar, "oversight-peer", "--qinqing.oversight.freeze.enabled=false")) {
            awaitCaughtUp();
            rankings.freeze(YearMonth.of(2023, 6), at("2023-07-01 00:00"), "test");
            Map<String, List<Map<String, Object>>> before = settledReadModels();
            List<Map<String, Object>> reportedBefore = reported();
            assertThat(before.get("appeal_event")).hasSizeGreaterThan(20);
            assertThat(before.get("calendar_year")).isNotEmpty();
            assertThat(before.get("enterprise_liaison")).isNotEmpty();
            // a row no event explains: only a rebuild drops it
            jdbc.update(
                    "INSERT INTO oversight.appeal_event (event_id, appeal_id, global_index, recorded_at, at, finishes,"
                            + " payload_type, payload_revision, payload)"
                            + " VALUES ('not-an-event', gen_random_uuid(), 0, now(), now(), false,"
                            + " 'cn.qinqing.language.appeal.AppealClosedEvent', '1', '{}')");

            var requested = api.post("/api/oversight/admin/replay").token(admin).send();

            assertThat(requested.status()).isEqualTo(202);
            ContractSamples.verify("oversight", "replay", requested.json());
            long generation = requested.json().get("control").get("generation").asLong();
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        JsonNode progress = api.get("/api/oversight/admin/replay")
                                .token(admin)
                                .send()
                                .json();
                        JsonNode control = progress.get("control");
                        long running = 0;
                        for (JsonNode instance : progress.get("instances")) {
                            if (instance.get("generation").asLong() == generation
                                    && instance.get("state").asText().equals("RUNNING")) {
                                running++;
                            }
                        }
                        return control.get("generation").asLong() == generation
                                && control.get("state").asText().equals("RESET")
                                && progress.get("done").asBoolean()
                                && running == 2;
                    });
            assertThat(peer.isAlive()).isTrue();

            // done: every token has passed the store's head, and a token commits with the rows of its batch; a short
            // wait still, so that a failure shows what differs rather than a row still being written
            awaitQuietly(() -> readModels().equals(before));
            Map<String, List<Map<String, Object>>> after = readModels();
            for (String table : READ_MODELS.keySet()) {
                assertThat(difference(after.get(table), before.get(table)))
                        .as(table + ": rows the rebuild wrote that were not there before" + deadLetters())
                        .isEmpty();
                assertThat(difference(before.get(table), after.get(table)))
                        .as(table + ": rows that were there before and the rebuild did not write" + deadLetters())
                        .isEmpty();
                assertThat(after.get(table)).as(table + ", row for row").isEqualTo(before.get(table));
            }
            assertThat(jdbc.queryForObject(
                            "SELECT count(*) FROM oversight.appeal_event WHERE event_id = 'not-an-event'",
                            Integer.class))
                    .as("the read models were emptied and rebuilt, not left as they were")
                    .isZero();
            assertThat(reported()).as("rankings as reported are not rebuilt").isEqualTo(reportedBefore);

            var second = api.post("/api/oversight/admin/replay").token(admin).send();
            assertThat(second.status())
                    .as("another replay may follow once this one has reset")
                    .isEqualTo(202);
            awaitCaughtUp();
            await().atMost(Duration.ofSeconds(60)).until(() -> readModels().equals(before));
        }
    }

    @Test
    void onlyAnAdminMayReplay() {
        assertThat(api.post("/api/oversight/admin/replay")
                        .token(supervisor)
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/oversight/admin/replay")
                        .token(tokens.withRole("leader", "LEADER"))
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.post("/api/oversight/admin/replay").send().status()).isEqualTo(401);
    }

    /**
     * The read models once caught up and unchanged over two reads: what the processors have yet to write (an event
     * committed late, a batch retried) is not mistaken for what a rebuild loses.
     */
    private Map<String, List<Map<String, Object>>> settledReadModels() {
        Map<String, List<Map<String, Object>>> last = new LinkedHashMap<>();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    awaitCaughtUp();
                    Map<String, List<Map<String, Object>>> now = readModels();
                    boolean settled = now.equals(last);
                    last.clear();
                    last.putAll(now);
                    return settled;
                });
        return last;
    }

    private static void awaitQuietly(java.util.concurrent.Callable<Boolean> condition) {
        try {
            await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(300))
                    .until(condition);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // the assertions that follow say what differs
        }
    }

    private static List<Map<String, Object>> difference(List<Map<String, Object>> rows, List<Map<String, Object>> of) {
        List<Map<String, Object>> extra = new java.util.ArrayList<>(rows);
        extra.removeAll(of);
        return extra;
    }

    private String deadLetters() {
        return " (dead letters: "
                + jdbc.queryForList(
                        "SELECT processing_group, sequence_id, event_identifier, payload_type, cause_type, cause_message"
                                + " FROM oversight.dead_letter_entry")
                + ")";
    }

    private Map<String, List<Map<String, Object>>> readModels() {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        READ_MODELS.forEach((table, key) ->
                tables.put(table, jdbc.queryForList("SELECT * FROM oversight." + table + " ORDER BY " + key)));
        return tables;
    }

    private List<Map<String, Object>> reported() {
        List<Map<String, Object>> rows =
                new java.util.ArrayList<>(jdbc.queryForList("SELECT * FROM oversight.ranking_freeze ORDER BY month"));
        rows.addAll(jdbc.queryForList("SELECT * FROM oversight.ranking_frozen_row ORDER BY month, department_id"));
        return rows;
    }
}
