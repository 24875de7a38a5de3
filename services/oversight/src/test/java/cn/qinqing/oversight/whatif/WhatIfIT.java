package cn.qinqing.oversight.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.calendar.WorkingCalendar;
import cn.qinqing.oversight.OversightApiTestBase;
import cn.qinqing.oversight.Scenario;
import cn.qinqing.testsupport.AuthorizationMatrix;
import cn.qinqing.testsupport.ContractSamples;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What-if replay over a small hand-made November 2025 (Monday 3rd to Monday 10th, no holiday in it): three answers of
 * one department, whose case files opened Monday 3 November 09:00 with 5 working days to answer (due Friday 7th
 * 17:30). {@code a} (POWER) was answered on day 4, {@code b} (LAND) on day 2, {@code c} (POWER) on day 6 — late.
 */
class WhatIfIT extends OversightApiTestBase {

    static Scenario scenario;
    static String department;
    static String leader;
    static UUID a;
    static UUID b;
    static UUID c;

    @BeforeEach
    void publishOnce() {
        if (scenario != null) {
            return;
        }
        scenario = scenario();
        department = scenario.id("whatif-dept");
        leader = scenario.id("whatif-head");
        scenario.department(department, "营商环境试算局").leader(leader, "试算局长", department, null);
        var opened = Scenario.at("2025-11-03 09:00");
        var due = Scenario.at("2025-11-07 17:30");
        var firstContact = Scenario.at("2025-11-03 17:30");
        a = answered(AppealCategory.POWER, "2025-11-06 15:00", true, opened, firstContact, due);
        b = answered(AppealCategory.LAND, "2025-11-04 11:00", true, opened, firstContact, due);
        c = answered(AppealCategory.POWER, "2025-11-10 10:00", false, opened, firstContact, due);
        awaitCaughtUp();
    }

    private UUID answered(
            AppealCategory category,
            String at,
            boolean onTime,
            java.time.Instant opened,
            java.time.Instant contact,
            java.time.Instant due) {
        var appeal = scenario.appeal(scenario.uscc(1), "试算诉求 " + category);
        appeal.filed(Scenario.at("2025-11-02 10:00"), category, null)
                .caseOpened(department, 1, opened, contact, due)
                .submitted(department, 1, Scenario.at(at), onTime);
        return appeal.id;
    }

    @Test
    void anAnswerOnDayFourThatWasOnTimeUnderFiveDaysIsOverdueUnderThree() {
        Map<String, Object> proposal = Map.of(
                "sla",
                Map.of("resolution", List.of(Map.of("category", "POWER", "urgency", "URGENT", "workingDays", 3))));
        Map<String, String> before = checksums();
        long eventsBefore = eventCount();

        JsonNode result = run(proposal);

        JsonNode row = row(result.get("departments"), department);
        assertThat(row.get("label").asText()).isEqualTo("营商环境试算局");
        assertThat(row.at("/asWas/onTimeResolution/met").asLong()).isEqualTo(2);
        assertThat(row.at("/asWas/onTimeResolution/total").asLong()).isEqualTo(3);
        assertThat(row.at("/wouldBe/onTimeResolution/met").asLong()).isEqualTo(1);
        assertThat(row.at("/wouldBe/onTimeResolution/total").asLong()).isEqualTo(3);
        // the difference of the rates as shown (0.3333 − 0.6667), so that the table adds up
        assertThat(row.at("/difference/onTimeResolutionRate").asDouble()).isEqualTo(-0.3334);
        // the department head's row covers the same answers
        JsonNode head = row(result.get("leaders"), leader);
        assertThat(head.at("/wouldBe/onTimeResolution/met").asLong()).isEqualTo(1);

        List<JsonNode> changed = mine(result.get("changedOutcomes"));
        assertThat(changed).hasSize(1);
        JsonNode outcome = changed.get(0);
        assertThat(outcome.get("appealId").asText()).isEqualTo(a.toString());
        assertThat(outcome.get("kind").asText()).isEqualTo("RESOLUTION");
        assertThat(outcome.get("was").asText()).isEqualTo("ON_TIME");
        assertThat(outcome.get("wouldBe").asText()).isEqualTo("OVERDUE");
        // three working days from Monday 09:00: Wednesday 17:30 (Asia/Shanghai)
        assertThat(outcome.get("dueWouldBe").asText()).isEqualTo("2025-11-05T09:30:00Z");
        assertThat(outcome.get("dueWas").asText()).isEqualTo("2025-11-07T09:30:00Z");

        JsonNode place = result.get("ranking").findParents("departmentId").stream()
                .filter(node -> department.equals(node.get("departmentId").asText()))
                .findFirst()
                .orElseThrow();
        assertThat(place.get("scoreWouldBe").asDouble())
                .isLessThan(place.get("scoreWas").asDouble());

        // nothing real changed: not the event store, not one row of oversight's read models
        assertThat(eventCount()).isEqualTo(eventsBefore);
        assertThat(checksums()).isEqualTo(before);
    }

    @Test
    void twoMoreHolidaysMakeTheLateAnswerOnTime() {
        // 2025 as bundled, with Tuesday and Wednesday 4-5 November made days off
        var year = WorkingCalendar.bundled().year(2025).orElseThrow();
        List<Map<String, Object>> holidays = new ArrayList<>();
        year.holidays()
                .forEach(holiday -> holidays.add(Map.of(
                        "name",
                        holiday.name(),
                        "from",
                        holiday.from().toString(),
                        "to",
                        holiday.to().toString())));
        holidays.add(Map.of("name", "试算假日", "from", "2025-11-04", "to", "2025-11-05"));
        Map<String, Object> proposed = new LinkedHashMap<>();
        proposed.put("year", 2025);
        proposed.put("source", "what-if");
        proposed.put("holidays", holidays);
        proposed.put(
                "makeUpWorkingDays",
                year.makeUpWorkingDays().stream().map(LocalDate::toString).toList());

        JsonNode result = run(Map.of("calendar", List.of(proposed)));

        JsonNode row = row(result.get("departments"), department);
        assertThat(row.at("/asWas/onTimeResolution/met").asLong()).isEqualTo(2);
        assertThat(row.at("/wouldBe/onTimeResolution/met").asLong()).isEqualTo(3);
        List<JsonNode> changed = mine(result.get("changedOutcomes"));
        assertThat(changed).extracting(node -> node.get("appealId").asText()).containsExactly(c.toString());
        assertThat(changed.get(0).get("wouldBe").asText()).isEqualTo("ON_TIME");
        // five working days from Monday 3rd skipping the 4th and 5th: Tuesday 11th 17:30
        assertThat(changed.get(0).get("dueWouldBe").asText()).isEqualTo("2025-11-11T09:30:00Z");
    }

    @Test
    void anotherRoutingCatalogueMovesAnAutomaticRouteAndItsAnswerToAnotherDepartment() {
        Scenario routes = scenario();
        String routed = routes.id("routed-to");
        String proposed = routes.id("proposed");
        String district = routes.id("试算区");
        routes.department(routed, "原承办局").department(proposed, "拟承办局");
        var appeal = routes.appeal(routes.uscc(2), "试算改派");
        appeal.filed(Scenario.at("2025-11-02 10:00"))
                .routed(Scenario.at("2025-11-02 10:00"), district)
                .dispatched(routed, Scenario.at("2025-11-02 10:01"), Scenario.at("2025-11-03 17:30"))
                .signedFor(routed, Scenario.at("2025-11-03 09:30"), true)
                .caseOpened(
                        routed,
                        1,
                        Scenario.at("2025-11-03 09:30"),
                        Scenario.at("2025-11-04 09:30"),
                        Scenario.at("2025-11-10 09:30"))
                .submitted(routed, 1, Scenario.at("2025-11-06 15:00"), true);
        awaitCaughtUp();

        JsonNode result = run(Map.of(
                "routing", List.of(Map.of("category", "POWER", "district", district, "departmentId", proposed))));

        JsonNode was = row(result.get("departments"), routed);
        assertThat(was.at("/asWas/onTimeResolution/total").asLong()).isEqualTo(1);
        assertThat(was.get("wouldBe").isNull())
                .as("nothing of it is left there")
                .isTrue();
        JsonNode would = row(result.get("departments"), proposed);
        assertThat(would.get("asWas").isNull()).isTrue();
        assertThat(would.at("/wouldBe/onTimeResolution/met").asLong()).isEqualTo(1);
        assertThat(would.at("/wouldBe/response/met").asLong()).isEqualTo(1);
    }

    @Test
    void aRunWhoseInstanceStoppedBeatingIsTakenOverAndFinished() {
        UUID job = UUID.randomUUID();
        jdbc.update(
                "INSERT INTO what_if_job (job_id, state, requested_by, requested_at, period_from, period_to, proposal,"
                        + " claimed_by, heartbeat_at, started_at, attempts)"
                        + " VALUES (?, 'RUNNING', 'supervisor', now(), '2025-11', '2025-11',"
                        + " '{\"sla\":{\"resolution\":[{\"category\":\"POWER\",\"urgency\":\"URGENT\",\"workingDays\":3}]}}',"
                        + " 'a-crashed-instance', now() - interval '1 minute', now() - interval '1 minute', 1)",
                job);

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> "DONE"
                        .equals(api.get("/api/oversight/what-if/" + job)
                                .token(admin)
                                .send()
                                .json()
                                .get("state")
                                .asText()));

        assertThat(jdbc.queryForObject("SELECT attempts FROM what_if_job WHERE job_id = ?", Integer.class, job))
                .isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT claimed_by FROM what_if_job WHERE job_id = ?", String.class, job))
                .isNotEqualTo("a-crashed-instance");
        JsonNode result = api.get("/api/oversight/what-if/" + job)
                .token(admin)
                .send()
                .json()
                .get("result");
        assertThat(row(result.get("departments"), department)
                        .at("/wouldBe/onTimeResolution/met")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void badProposalsAreRefusedFieldByFieldAndQueueNothing() {
        long jobs = jdbc.queryForObject("SELECT count(*) FROM what_if_job", Long.class);
        var answer = api.post("/api/oversight/what-if")
                .token(supervisor)
                .body(Map.of(
                        "from",
                        "2024-01",
                        "to",
                        "2025-06",
                        "proposal",
                        Map.of("sla", Map.of("resolution", List.of(Map.of("urgency", "URGENT", "workingDays", 0))))))
                .send();
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(fields(answer.json())).contains("to", "proposal.sla.resolution[0].workingDays");

        var nothing = api.post("/api/oversight/what-if")
                .token(supervisor)
                .body(Map.of("from", "2025-13", "to", "2025-11", "proposal", Map.of()))
                .send();
        assertThat(nothing.status()).isEqualTo(400);
        assertThat(fields(nothing.json())).contains("from", "proposal");

        var badEnum = api.post("/api/oversight/what-if")
                .token(supervisor)
                .body(Map.of(
                        "from",
                        "2025-11",
                        "to",
                        "2025-11",
                        "proposal",
                        Map.of("sla", Map.of("resolution", List.of(Map.of("urgency", "SOON", "workingDays", 3))))))
                .send();
        assertThat(badEnum.status()).isEqualTo(400);
        assertThat(fields(badEnum.json())).anyMatch(field -> field.endsWith("urgency"));

        var unknownDepartment = api.post("/api/oversight/what-if")
                .token(supervisor)
                .body(request(
                        Map.of("routing", List.of(Map.of("category", "POWER", "departmentId", "no-such-bureau")))))
                .send();
        assertThat(unknownDepartment.status()).isEqualTo(400);
        assertThat(fields(unknownDepartment.json())).containsExactly("proposal.routing[0].departmentId");

        assertThat(jdbc.queryForObject("SELECT count(*) FROM what_if_job", Long.class))
                .isEqualTo(jobs);
        assertThat(api.get("/api/oversight/what-if/" + UUID.randomUUID())
                        .token(supervisor)
                        .send()
                        .status())
                .isEqualTo(404);
    }

    @Test
    void onlySupervisorsAndAdminsMayAsk() {
        assertThat(AuthorizationMatrix.violations(
                        api,
                        tokens,
                        List.of(
                                new AuthorizationMatrix.Endpoint(
                                        "POST", "/api/oversight/what-if", Set.of("SUPERVISOR", "ADMIN")),
                                new AuthorizationMatrix.Endpoint(
                                        "GET", "/api/oversight/what-if/{job}", Set.of("SUPERVISOR", "ADMIN")))))
                .isEmpty();
        var enterprise = api.post("/api/oversight/what-if")
                .token(tokens.enterprise("enterprise-a", "91150200MA0QA0001T"))
                .body(request(Map.of("sla", Map.of("signForWorkingDays", 2))))
                .send();
        assertThat(enterprise.status()).isEqualTo(403);
        var official = api.post("/api/oversight/what-if")
                .token(tokens.official("official", "industry-it"))
                .body(request(Map.of("sla", Map.of("signForWorkingDays", 2))))
                .send();
        assertThat(official.status()).isEqualTo(403);
    }

    // ---- helpers

    private static Map<String, Object> request(Map<String, Object> proposal) {
        return Map.of("from", "2025-11", "to", "2025-11", "proposal", proposal);
    }

    /** Queues a run of November 2025 under the proposal and waits for its answer. */
    private JsonNode run(Map<String, Object> proposal) {
        var queued = api.post("/api/oversight/what-if")
                .token(supervisor)
                .body(request(proposal))
                .send();
        assertThat(queued.status()).as(queued.text()).isEqualTo(202);
        String location = queued.header("Location");
        assertThat(location).startsWith("/api/oversight/what-if/");
        JsonNode[] done = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    JsonNode job = api.get(location).token(supervisor).send().json();
                    assertThat(job.get("state").asText()).isNotEqualTo("FAILED");
                    done[0] = job;
                    return job.get("state").asText().equals("DONE");
                });
        assertThat(done[0].at("/progress/percent").asInt()).isEqualTo(100);
        assertThat(done[0].at("/progress/total").asLong()).isPositive();
        // the portal's page reads this answer: its contract sample (each list cut to its first element, so the sample
        // stays small whatever other tests left in the shared database)
        ContractSamples.verify("oversight", "what-if-job", firstOfEach(done[0]));
        return done[0].get("result");
    }

    private static JsonNode firstOfEach(JsonNode node) {
        if (node.isArray()) {
            ArrayNode first = JsonNodeFactory.instance.arrayNode();
            if (!node.isEmpty()) {
                first.add(firstOfEach(node.get(0)));
            }
            return first;
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(field -> copy.set(field.getKey(), firstOfEach(field.getValue())));
            return copy;
        }
        return node;
    }

    private static JsonNode row(JsonNode rows, String key) {
        for (JsonNode row : rows) {
            if (key.equals(row.get("key").asText())) {
                return row;
            }
        }
        throw new AssertionError("no row " + key + " in " + rows);
    }

    private static List<JsonNode> mine(JsonNode changed) {
        List<JsonNode> mine = new ArrayList<>();
        Set<String> ours = Set.of(a.toString(), b.toString(), c.toString());
        changed.forEach(node -> {
            if (ours.contains(node.get("appealId").asText())) {
                mine.add(node);
            }
        });
        return mine;
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }

    /**
     * A checksum of every read-model table of oversight (the machinery — tokens, dead letters, idempotency keys,
     * rate limits, replay control, what-if runs, a log of reads — left out) and of the event store.
     */
    private Map<String, String> checksums() {
        List<String> tables = jdbc.queryForList(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'oversight'"
                        + " AND table_type = 'BASE TABLE' AND table_name !~ '(token|dead_letter|idempot|replay|what_if"
                        + "|rate_limit|read_log|flyway|scheduled|shedlock)' ORDER BY table_name",
                String.class);
        assertThat(tables).contains("appeal_event", "appeal_dimension", "department", "ranking_freeze");
        Map<String, String> sums = new LinkedHashMap<>();
        for (String table : tables) {
            sums.put(
                    table,
                    jdbc.queryForObject(
                            "SELECT count(*) || ':' || md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), ''))"
                                    + " FROM oversight." + table + " t",
                            String.class));
        }
        sums.put(
                "event_store.domain_event_entry",
                jdbc.queryForObject(
                        "SELECT count(*) || ':' || md5(coalesce(string_agg(event_identifier, '|' ORDER BY global_index),"
                                + " '')) FROM event_store.domain_event_entry",
                        String.class));
        return sums;
    }
}
