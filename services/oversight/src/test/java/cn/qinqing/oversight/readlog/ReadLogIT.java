package cn.qinqing.oversight.readlog;

import static cn.qinqing.oversight.Scenario.at;
import static org.assertj.core.api.Assertions.assertThat;

import cn.qinqing.oversight.OversightApiTestBase;
import cn.qinqing.oversight.Scenario;
import cn.qinqing.platform.retention.Retention;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 22, "who looked at this case": every read of an appeal's state, timeline or export lands in the platform's
 * read log with who, in which role, by which route and ids, and the request's correlation id; supervisors query it
 * per appeal and per person; reading the log is logged too; old reads go after the retention.
 */
class ReadLogIT extends OversightApiTestBase {

    @Autowired
    Retention retention;

    @Test
    void supervisorsSeeWhoReadAnAppealAndWhatAPersonRead() {
        Scenario scenario = scenario();
        String department = scenario.id("dept");
        scenario.department(department, "甲局").enterprise(scenario.uscc(1), "包头光伏", "青山区");
        UUID appeal = scenario.appeal(scenario.uscc(1), "读日志")
                .filed(at("2025-03-03 09:00"))
                .dispatched(department, at("2025-03-03 09:30"), at("2025-03-04 09:30"))
                .id;
        awaitCaughtUp();
        String reader = "supervisor-" + scenario.id("x");
        String readerToken = tokens.withRole(reader, "SUPERVISOR");

        assertThat(api.get("/api/oversight/appeals/" + appeal + "/timeline")
                        .token(readerToken)
                        .header("X-Correlation-Id", "corr-read-1")
                        .send()
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/oversight/appeals/" + appeal + "/timeline.csv")
                        .token(admin)
                        .send()
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/oversight/appeals/" + UUID.randomUUID())
                        .token(readerToken)
                        .send()
                        .status())
                .as("a read that found nothing showed nothing")
                .isEqualTo(404);

        JsonNode byAppeal = reads("appeal=" + appeal);
        assertThat(byAppeal.get("entries").findValuesAsText("what")).containsExactly("TIMELINE", "TIMELINE");
        JsonNode first = byAppeal.get("entries").get(1);
        assertThat(first.get("actor").asText()).isEqualTo(reader);
        assertThat(first.get("role").asText()).isEqualTo("SUPERVISOR");
        assertThat(first.get("service").asText()).isEqualTo("oversight");
        assertThat(first.get("route").asText()).isEqualTo("/api/oversight/appeals/{id}/timeline");
        assertThat(first.get("ids").get("id").asText()).isEqualTo(appeal.toString());
        assertThat(first.get("correlationId").asText()).isEqualTo("corr-read-1");
        assertThat(first.get("format").asText()).isEqualTo("json");
        assertThat(byAppeal.get("entries").get(0).get("format").asText()).isEqualTo("csv");
        assertThat(byAppeal.get("entries").get(0).get("actor").asText()).isEqualTo("admin");

        // reading the log is a read like any other: the next look shows the supervisor who looked
        JsonNode again = reads("appeal=" + appeal);
        assertThat(again.get("entries").get(0).get("what").asText()).isEqualTo("READ_LOG");
        assertThat(again.get("entries").get(0).get("actor").asText()).isEqualTo("supervisor");

        JsonNode byPerson = reads("actor=" + reader);
        assertThat(byPerson.get("entries").findValuesAsText("what")).containsExactly("TIMELINE");
    }

    @Test
    void theLogIsForSupervisionOnlyAndAsksForAnAppealOrAPerson() {
        assertThat(api.get("/api/oversight/read-log?actor=x")
                        .token(tokens.withRole("leader", "LEADER"))
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/oversight/read-log?actor=x").send().status()).isEqualTo(401);
        var neither = api.get("/api/oversight/read-log").token(supervisor).send();
        assertThat(neither.status()).isEqualTo(400);
        assertThat(neither.text()).contains("appeal");
        assertThat(api.get("/api/oversight/read-log?appeal=nope")
                        .token(supervisor)
                        .send()
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/oversight/read-log?actor=x&limit=0")
                        .token(supervisor)
                        .send()
                        .status())
                .isEqualTo(400);
    }

    @Test
    void readsOlderThanTheRetentionAreDeletedAndNewerOnesKept() {
        String actor = "retention-" + UUID.randomUUID();
        List<UUID> ids = new ArrayList<>();
        for (Duration age : List.of(Duration.ofDays(401), Duration.ofDays(399))) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            jdbc.update(
                    "INSERT INTO event_store.read_log (read_id, read_at, service, actor, what, route)"
                            + " VALUES (?, ?, 'oversight', ?, 'TIMELINE', '/api/oversight/appeals/{id}/timeline')",
                    id,
                    Timestamp.from(Instant.now().minus(age)),
                    actor);
        }
        assertThat(retention.stores()).anyMatch(store -> store.name().equals("event_store.read_log"));
        retention.enforce();
        assertThat(jdbc.queryForList("SELECT read_id FROM event_store.read_log WHERE actor = ?", UUID.class, actor))
                .containsExactly(ids.get(1));
    }

    private JsonNode reads(String query) {
        var answer =
                api.get("/api/oversight/read-log?" + query).token(supervisor).send();
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json();
    }
}
