package cn.qinqing.assignment.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qinqing.assignment.AssignmentApiTestBase;
import cn.qinqing.testsupport.ContractSamples;
import cn.qinqing.testsupport.RetryStorm;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Admins keep the directory; every change says who made it when, and past routing can be shown. */
class DirectoryApiIT extends AssignmentApiTestBase {

    @Test
    void anAdminRegistersAndRenamesADepartmentAndTheChangeLogSaysWhoAndWhen() {
        String id = "dept-" + UUID.randomUUID().toString().substring(0, 8);
        var created = api.post("/api/assignment/departments")
                .token(admin)
                .body(Map.of("departmentId", id, "name", "科学技术局", "parentDepartmentId", "city"))
                .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/assignment/departments/" + id);
        await().until(() -> api.get("/api/assignment/departments/" + id)
                        .token(official)
                        .send()
                        .status()
                == 200);
        var departments = api.get("/api/assignment/departments").token(official).send();
        assertThat(departments.status()).as(departments.toString()).isEqualTo(200);
        // the portal's record of the department list
        ContractSamples.verify("assignment", "departments", departments.json());

        var renamed = api.put("/api/assignment/departments/" + id)
                .token(admin)
                .header("If-Match", "\"0\"")
                .body(Map.of("name", "科学技术局（知识产权局）", "parentDepartmentId", "city"))
                .send();
        var stale = api.put("/api/assignment/departments/" + id)
                .token(admin)
                .header("If-Match", "\"0\"")
                .body(Map.of("name", "科技局", "parentDepartmentId", "city"))
                .send();

        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.header("ETag")).isEqualTo("\"1\"");
        assertThat(stale.status()).isEqualTo(409);
        JsonNode changes = await().until(
                        () -> api.get("/api/assignment/directory/changes?subjectType=DEPARTMENT&subjectId=" + id)
                                .token(supervisor)
                                .send()
                                .json(),
                        list -> list.size() == 2);
        assertThat(changes.get(0).get("kind").asText()).isEqualTo("DEPARTMENT_CHANGED");
        assertThat(changes.get(0).get("actor").asText()).isEqualTo("admin");
        assertThat(changes.get(0).get("details").get("previousName").asText()).isEqualTo("科学技术局");
        assertThat(changes.get(0).get("details").get("name").asText()).isEqualTo("科学技术局（知识产权局）");
        assertThat(changes.get(1).get("kind").asText()).isEqualTo("DEPARTMENT_REGISTERED");
        assertThat(Instant.parse(changes.get(1).get("occurredAt").asText())).isBefore(Instant.now());
    }

    @Test
    void aDepartmentIsRegisteredOnceUnderAParentThatExistsAndNeverBelowItself() {
        var twice = api.post("/api/assignment/departments")
                .token(admin)
                .body(Map.of("departmentId", "industry-it", "name", "工业和信息化局", "parentDepartmentId", "city"))
                .send();
        var unknownParent = api.post("/api/assignment/departments")
                .token(admin)
                .body(Map.of("departmentId", "orphan", "name", "孤立部门", "parentDepartmentId", "nowhere"))
                .send();
        var circle = api.put("/api/assignment/departments/city")
                .token(admin)
                .header("If-Match", "\"0\"")
                .body(Map.of("name", "市委市政府", "parentDepartmentId", "industry-it"))
                .send();

        assertThat(twice.status()).isEqualTo(409);
        assertThat(unknownParent.status()).isEqualTo(400);
        assertThat(unknownParent.json().get("errors").findValuesAsText("field")).contains("parentDepartmentId");
        assertThat(circle.status()).isEqualTo(400);
    }

    @Test
    void theChainOfCommandLeadsFromADepartmentHeadToTheMayor() {
        var chain = api.get("/api/assignment/leaders/head-industry-it/chain")
                .token(official)
                .send();

        assertThat(chain.status()).isEqualTo(200);
        assertThat(chain.json().findValuesAsText("leaderId")).containsExactly("head-industry-it", "leader", "mayor");
        assertThat(chain.json().findValuesAsText("rank")).containsExactly("DEPARTMENT_HEAD", "DEPUTY_MAYOR", "MAYOR");
    }

    @Test
    void aLeaderCannotBeMadeTheirOwnSuperiorsSuperior() {
        var circle = api.put("/api/assignment/leaders/mayor")
                .token(admin)
                .header("If-Match", "\"0\"")
                .body(Map.of(
                        "name",
                        "周市长",
                        "title",
                        "市长",
                        "rank",
                        "MAYOR",
                        "departmentId",
                        "city",
                        "superiorLeaderId",
                        "head-industry-it"))
                .send();
        assertThat(circle.status()).isEqualTo(400);
        assertThat(circle.json().get("errors").findValuesAsText("field")).contains("superiorLeaderId");
    }

    @Test
    void aThousandConcurrentRetriesWithOneKeyAddExactlyOneRoutingRule() {
        var answers = RetryStorm.send(
                "routing rule",
                api.post("/api/assignment/routing-rules")
                        .token(admin)
                        .header("Idempotency-Key", "rule-storm-" + UUID.randomUUID())
                        .body(Map.of(
                                "category",
                                "LOGISTICS",
                                "chainPosition",
                                "MODULE",
                                "district",
                                "重试区" + System.nanoTime(),
                                "departmentId",
                                "transport")));

        String rule = RetryStorm.createdOnce(answers, "id");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM event_store.domain_event_entry WHERE aggregate_identifier = ?",
                        Long.class,
                        rule))
                .isEqualTo(1);
    }

    /**
     * The directory's creates are keyed by what they register (a department's slug, an official's or a leader's id):
     * a thousand concurrent registrations of one department register it once, and every other answer says so.
     */
    @Test
    void aThousandConcurrentRegistrationsOfOneDepartmentRegisterItOnce() {
        String id = "storm-" + UUID.randomUUID().toString().substring(0, 8);
        var answers = RetryStorm.send(
                "department registration",
                api.post("/api/assignment/departments")
                        .token(admin)
                        .body(Map.of("departmentId", id, "name", "重试风暴局", "parentDepartmentId", "city")));

        assertThat(answers.stream().filter(answer -> answer.status() == 201)).hasSize(1);
        assertThat(answers.stream().filter(answer -> answer.status() != 201))
                .allSatisfy(answer ->
                        assertThat(answer.status()).as(answer.toString()).isEqualTo(409));
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM event_store.domain_event_entry"
                                + " WHERE payload_type LIKE '%.DepartmentRegisteredEvent'"
                                + " AND convert_from(payload, 'UTF8') LIKE ?",
                        Long.class, "%\"" + id + "\"%"))
                .isEqualTo(1);
    }

    @Test
    void theRoutingInForceAtAnyPastInstantCanBeShown() {
        var added = api.post("/api/assignment/routing-rules")
                .token(admin)
                .body(Map.of(
                        "category",
                        "LOGISTICS",
                        "chainPosition",
                        "EQUIPMENT",
                        "district",
                        "石拐区",
                        "departmentId",
                        "transport"))
                .send();
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        String rule = added.json().get("id").asText();
        await().until(() -> api.get("/api/assignment/routing-rules/" + rule)
                        .token(admin)
                        .send()
                        .status()
                == 200);
        var changed = api.put("/api/assignment/routing-rules/" + rule)
                .token(admin)
                .header("If-Match", "\"0\"")
                .body(Map.of(
                        "category",
                        "LOGISTICS",
                        "chainPosition",
                        "EQUIPMENT",
                        "district",
                        "石拐区",
                        "departmentId",
                        "dev-reform"))
                .send();
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        await().until(() -> "\"1\""
                .equals(api.get("/api/assignment/routing-rules/" + rule)
                        .token(admin)
                        .send()
                        .header("ETag")));
        var removed = api.delete("/api/assignment/routing-rules/" + rule)
                .token(admin)
                .header("If-Match", "\"1\"")
                .send();
        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);

        JsonNode history = await().until(
                        () -> api.get("/api/assignment/routing-rules/" + rule)
                                .token(dispatcher)
                                .send()
                                .json(),
                        body -> !body.get("inForce").asBoolean());
        JsonNode first = history.get("history").get(0);
        JsonNode second = history.get("history").get(1);
        assertThat(first.get("departmentId").asText()).isEqualTo("transport");
        assertThat(second.get("departmentId").asText()).isEqualTo("dev-reform");
        assertThat(first.get("changedBy").asText()).isEqualTo("admin");
        assertThat(first.get("validTo").asText())
                .isEqualTo(second.get("validFrom").asText());

        assertThat(departmentOf(rule, first.get("validFrom").asText())).isEqualTo("transport");
        assertThat(departmentOf(rule, second.get("validFrom").asText())).isEqualTo("dev-reform");
        assertThat(departmentOf(rule, second.get("validTo").asText())).isNull();
        assertThat(departmentOf(rule, "2020-01-01T00:00:00Z")).isNull();
        assertThat(departmentOf(rule, null)).isNull();
        var asOf = api.get("/api/assignment/routing-rules?asOf="
                        + first.get("validFrom").asText())
                .token(admin)
                .send();
        assertThat(asOf.json().findValuesAsText("departmentId")).contains("industry-it", "business-environment");
        // the portal's records of a rule's history and of the rules in force (its admin pages)
        ContractSamples.verify("assignment", "routing-rule", history);
        ContractSamples.verify("assignment", "routing-rules", asOf.json());
    }

    @Test
    void twoRulesForTheSameAppealsCannotBothBeInForce() {
        long before = eventCount();
        var twin = api.post("/api/assignment/routing-rules")
                .token(admin)
                .body(Map.of("category", "POWER", "departmentId", "dev-reform"))
                .send();
        var defaultWithDistrict = api.post("/api/assignment/routing-rules")
                .token(admin)
                .body(Map.of("district", "青山区", "departmentId", "dev-reform"))
                .send();

        assertThat(twin.status()).isEqualTo(409);
        assertThat(twin.json().get("type").asText()).endsWith("/duplicate-routing-rule");
        assertThat(defaultWithDistrict.status()).isEqualTo(400);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void theRoutePreviewNamesTheDepartmentAndTheRule() {
        var route = api.get("/api/assignment/routing-rules/route?category=POWER")
                .token(dispatcher)
                .send();
        var fallback = api.get("/api/assignment/routing-rules/route?category=OTHER")
                .token(dispatcher)
                .send();

        assertThat(route.json().get("departmentId").asText()).isEqualTo("industry-it");
        assertThat(fallback.json().get("departmentId").asText()).isEqualTo("business-environment");
        assertThat(fallback.json().get("category").isNull()).isTrue();
    }

    @Test
    void anEnterpriseGetsALiaisonLeaderOnceAndChangesItWithIfMatch() {
        String enterprise = "91150200MA0QE00056";
        var first = api.post("/api/assignment/enterprises/" + enterprise + "/liaison")
                .token(admin)
                .body(Map.of("liaisonLeaderId", "head-industry-it", "keyEnterprise", false))
                .send();
        var again = api.post("/api/assignment/enterprises/" + enterprise + "/liaison")
                .token(admin)
                .body(Map.of("liaisonLeaderId", "leader", "keyEnterprise", true))
                .send();
        var unknownLeader = api.put("/api/assignment/enterprises/" + enterprise + "/liaison")
                .token(admin)
                .header("If-Match", "\"0\"")
                .body(Map.of("liaisonLeaderId", "nobody", "keyEnterprise", true))
                .send();
        var changed = api.put("/api/assignment/enterprises/" + enterprise + "/liaison")
                .token(admin)
                .header("If-Match", "\"0\"")
                .body(Map.of("liaisonLeaderId", "leader", "keyEnterprise", true))
                .send();

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(409);
        assertThat(unknownLeader.status()).isEqualTo(400);
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        JsonNode view = await().until(
                        () -> api.get("/api/assignment/enterprises/" + enterprise)
                                .token(leader)
                                .send()
                                .json(),
                        body -> body.path("liaisonLeaderId").asText().equals("leader"));
        assertThat(view.get("keyEnterprise").asBoolean()).isTrue();
        var badCode = api.get("/api/assignment/enterprises/91150200MA0QE00050")
                .token(admin)
                .send();
        assertThat(badCode.status()).isEqualTo(400);
    }

    @Test
    void onlyAdminsChangeTheDirectory() {
        long before = eventCount();
        assertThat(api.post("/api/assignment/leaders")
                        .token(dispatcher)
                        .body(Map.of("leaderId", "x", "name", "x", "title", "x", "rank", "MAYOR"))
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.put("/api/assignment/officials/official")
                        .token(supervisor)
                        .header("If-Match", "\"0\"")
                        .body(Map.of("name", "x", "departmentId", "transport"))
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/assignment/directory/changes")
                        .token(official)
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void theDirectoryAsOfAPastInstantNamesWhoHeadedADepartmentThen() {
        String dept = "dept-" + UUID.randomUUID().toString().substring(0, 8);
        String first = "head-" + dept;
        String second = "next-" + dept;
        assertThat(api.post("/api/assignment/departments")
                        .token(admin)
                        .body(Map.of("departmentId", dept, "name", "统计局", "parentDepartmentId", "city"))
                        .send()
                        .status())
                .isEqualTo(201);
        assertThat(api.post("/api/assignment/leaders")
                        .token(admin)
                        .body(leader(first, "钱局长", dept))
                        .send()
                        .status())
                .isEqualTo(201);
        await().until(() -> headAt(dept, Instant.now()), first::equals);
        Instant firstHeadInOffice = Instant.now();
        // the first head moves on (no department), a second one is registered as head
        assertThat(api.put("/api/assignment/leaders/" + first)
                        .token(admin)
                        .header("If-Match", "\"0\"")
                        .body(Map.of("name", "钱局长", "title", "调研员", "rank", "DEPARTMENT_HEAD"))
                        .send()
                        .status())
                .isEqualTo(200);
        assertThat(api.post("/api/assignment/leaders")
                        .token(admin)
                        .body(leader(second, "孙局长", dept))
                        .send()
                        .status())
                .isEqualTo(201);
        await().until(() -> headAt(dept, Instant.now()), second::equals);

        assertThat(headAt(dept, firstHeadInOffice)).isEqualTo(first);
        var past = api.get("/api/assignment/directory?asOf=" + firstHeadInOffice)
                .token(supervisor)
                .send();
        // the portal's record of the directory (its admin pages)
        ContractSamples.verify("assignment", "directory", past.json());
        assertThat(past.json().get("leaders").findValuesAsText("leaderId"))
                .contains(first)
                .doesNotContain(second);
        assertThat(api.get("/api/assignment/directory?asOf=2020-01-01T00:00:00Z")
                        .token(admin)
                        .send()
                        .json()
                        .get("departments")
                        .findValuesAsText("departmentId"))
                .doesNotContain(dept);
        assertThat(api.get("/api/assignment/directory?asOf=yesterday")
                        .token(admin)
                        .send()
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/assignment/directory").token(official).send().status())
                .isEqualTo(403);
    }

    private static Map<String, Object> leader(String id, String name, String department) {
        return Map.of(
                "leaderId",
                id,
                "name",
                name,
                "title",
                "局长",
                "rank",
                "DEPARTMENT_HEAD",
                "departmentId",
                department,
                "superiorLeaderId",
                "leader");
    }

    /** Who headed the department at the instant, by the directory as of then ("" when nobody did). */
    private String headAt(String department, Instant instant) {
        var directory = api.get("/api/assignment/directory?asOf=" + instant)
                .token(admin)
                .send();
        assertThat(directory.status()).as(directory.toString()).isEqualTo(200);
        for (JsonNode candidate : directory.json().get("departments")) {
            if (candidate.get("departmentId").asText().equals(department)) {
                return candidate.get("headLeaderId").asText("");
            }
        }
        return "";
    }

    /** The department the rule routed to at the instant, or null when it was not in force then. */
    private String departmentOf(String rule, String instant) {
        var rules = api.get("/api/assignment/routing-rules" + (instant == null ? "" : "?asOf=" + instant))
                .token(admin)
                .send();
        assertThat(rules.status()).isEqualTo(200);
        for (JsonNode candidate : rules.json()) {
            if (candidate.get("ruleId").asText().equals(rule)) {
                return candidate.get("departmentId").asText();
            }
        }
        return null;
    }
}
