package cn.qinqing.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.IndustryChainPosition;
import cn.qinqing.language.UnifiedSocialCreditCode;
import cn.qinqing.testsupport.HttpApi;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * ADR 0008: every create and update of the assignment API (all eighteen of {@code openapi/operations.yml}) is read
 * back straight after its 2xx — no sleep, no polling — at its address, at the version of the ETag it returned, in the
 * lists it belongs to and in the directory's change log; and the next If-Match write, with the ETag just read, is never
 * a 409. Waiting here is only for what other services publish (an appeal filed, an enterprise registered).
 */
class ReadYourWritesIT extends AssignmentApiTestBase {

    @Test
    void anAppealsWayThroughTheCityIsReadBackAfterEachStep() {
        UUID appeal = file(AppealCategory.POWER);

        var signed = step(appeal, "sign-for", official, null);
        assertReadBack(signed, appeal);
        assertThat(read(appeal).json().get("status").asText()).isEqualTo("SIGNED_FOR");
        assertListed("/api/assignment/departments/industry-it/inbox?state=IN_PROGRESS", official, "appealId", appeal);

        var transferred =
                step(appeal, "transfer", official, Map.of("toDepartmentId", "natural-resources", "reason", "涉及用地"));
        assertReadBack(transferred, appeal);
        assertThat(read(appeal).json().get("departmentId").asText()).isEqualTo("natural-resources");
        assertListed(
                "/api/assignment/departments/natural-resources/inbox?state=UNSIGNED", officialLand, "appealId", appeal);

        assertReadBack(step(appeal, "sign-for", officialLand, null), appeal);
        var tookCharge = step(appeal, "take-charge", leader, null);
        assertReadBack(tookCharge, appeal);
        assertThat(api.get("/api/assignment/appeals/" + appeal + "/holders")
                        .token(supervisor)
                        .send()
                        .json())
                .as("the holder record, another view (and processor) of the same service")
                .hasSize(3);
        assertListed("/api/assignment/leaders/leader/cases", leader, "appealId", appeal);
    }

    @Test
    void aReturnAndAManualDispatchAreReadBackAtOnce() {
        UUID appeal = file(AppealCategory.MARKETS_AND_ORDERS);

        assertReadBack(step(appeal, "return", official, Map.of("reason", "属于发改委职责")), appeal);
        assertThat(read(appeal).json().get("status").asText()).isEqualTo("QUEUED");
        assertListed("/api/assignment/queue", dispatcher, "appealId", appeal);

        var dispatched = step(appeal, "dispatch", dispatcher, Map.of("departmentId", "dev-reform"));
        assertReadBack(dispatched, appeal);
        assertThat(read(appeal).json().get("departmentId").asText()).isEqualTo("dev-reform");
        assertListed("/api/assignment/departments/dev-reform/inbox?state=UNSIGNED", dispatcher, "appealId", appeal);
        assertListed("/api/assignment/appeals?departmentId=dev-reform", dispatcher, "appealId", appeal);
    }

    @Test
    void aSupervisionNoticeAndAnEscalationAreReadBackAtOnce() {
        UUID appeal = file(AppealCategory.POWER);

        var issued = api.post("/api/assignment/appeals/" + appeal + "/supervision-notices")
                .token(leader)
                .body(Map.of(
                        "instructions",
                        "即读：请三个工作日内反馈",
                        "dueAt",
                        Instant.now().plus(Duration.ofDays(3)).toString()))
                .send();
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        String notice = issued.json().get("noticeId").asText();
        assertThat(api.get(issued.header("Location"))
                        .token(leader)
                        .send()
                        .json()
                        .findValuesAsText("noticeId"))
                .as("the notices of the appeal, the Location just given")
                .contains(notice);
        assertReadBack(issued, appeal);
        assertThat(read(appeal).json().get("supervisionNotices").findValuesAsText("noticeId"))
                .contains(notice);
        assertListed("/api/assignment/leaders/leader/supervision-notices", leader, "noticeId", notice);

        // escalation with the ETag read straight after the notice: no 409
        var escalated = step(appeal, "escalation", dispatcher, Map.of("reason", "企业多次催办"));
        assertReadBack(escalated, appeal);
        assertThat(read(appeal).json().get("leaderId").asText()).isEqualTo("head-industry-it");
        assertListed("/api/assignment/leaders/head-industry-it/cases", supervisor, "appealId", appeal);
        assertThat(step(appeal, "escalation", dispatcher, Map.of("reason", "再次催办"))
                        .header("ETag"))
                .isEqualTo(read(appeal).header("ETag"));
    }

    @Test
    void departmentsAndRoutingRulesAreReadBackAtOnce() {
        String department = "ryw-" + UUID.randomUUID().toString().substring(0, 8);
        var created = api.post("/api/assignment/departments")
                .token(admin)
                .body(Map.of("departmentId", department, "name", "即读局", "parentDepartmentId", "city"))
                .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        var read = assertReadBack(created, admin);
        assertListed("/api/assignment/departments", admin, "departmentId", department);
        assertChangeLogged("DEPARTMENT", department, 1);

        var renamed = api.put(created.header("Location"))
                .token(admin)
                .header("If-Match", read.header("ETag"))
                .body(Map.of("name", "即读局（改）", "parentDepartmentId", "city"))
                .send();
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(assertReadBack(renamed, created.header("Location"), admin)
                        .json()
                        .get("name")
                        .asText())
                .isEqualTo("即读局（改）");
        assertChangeLogged("DEPARTMENT", department, 2);

        var rule = api.post("/api/assignment/routing-rules")
                .token(admin)
                .body(Map.of("category", "LOGISTICS", "district", "白云鄂博矿区", "departmentId", department))
                .send();
        assertThat(rule.status()).as(rule.toString()).isEqualTo(201);
        String ruleId = rule.json().get("id").asText();
        var ruleRead = assertReadBack(rule, admin);
        assertListed("/api/assignment/routing-rules", admin, "ruleId", ruleId);
        assertChangeLogged("ROUTING_RULE", ruleId, 1);

        var changed = api.put(rule.header("Location"))
                .token(admin)
                .header("If-Match", ruleRead.header("ETag"))
                .body(Map.of("category", "LOGISTICS", "district", "白云鄂博矿区", "departmentId", "transport"))
                .send();
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        var changedRead = assertReadBack(changed, rule.header("Location"), admin);
        assertThat(changedRead.json().get("current").get("departmentId").asText())
                .isEqualTo("transport");
        assertChangeLogged("ROUTING_RULE", ruleId, 2);

        var removed = api.delete(rule.header("Location"))
                .token(admin)
                .header("If-Match", changedRead.header("ETag"))
                .send();
        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        assertThat(api.get(rule.header("Location"))
                        .token(admin)
                        .send()
                        .json()
                        .get("inForce")
                        .asBoolean())
                .isFalse();
        assertThat(api.get("/api/assignment/routing-rules")
                        .token(admin)
                        .send()
                        .json()
                        .findValuesAsText("ruleId"))
                .doesNotContain(ruleId);
        assertChangeLogged("ROUTING_RULE", ruleId, 3);
    }

    @Test
    void leadersOfficialsAndLiaisonsAreReadBackAtOnce() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String leaderId = "ryw-leader-" + suffix;
        var registered = api.post("/api/assignment/leaders")
                .token(admin)
                .body(Map.of(
                        "leaderId",
                        leaderId,
                        "name",
                        "即读局长",
                        "title",
                        "交通运输局局长",
                        "rank",
                        "DEPARTMENT_HEAD",
                        "departmentId",
                        "transport",
                        "superiorLeaderId",
                        "leader"))
                .send();
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        var leaderRead = assertReadBack(registered, admin);
        assertListed("/api/assignment/leaders", admin, "leaderId", leaderId);
        assertThat(api.get(registered.header("Location") + "/chain")
                        .token(admin)
                        .send()
                        .json()
                        .findValuesAsText("leaderId"))
                .containsExactly(leaderId, "leader", "mayor");
        assertChangeLogged("LEADER", leaderId, 1);

        var promoted = api.put(registered.header("Location"))
                .token(admin)
                .header("If-Match", leaderRead.header("ETag"))
                .body(Map.of(
                        "name", "即读局长", "title", "交通运输局局长", "rank", "DEPARTMENT_HEAD", "superiorLeaderId", "mayor"))
                .send();
        assertThat(promoted.status()).as(promoted.toString()).isEqualTo(200);
        assertThat(assertReadBack(promoted, registered.header("Location"), admin)
                        .json()
                        .get("superiorLeaderId")
                        .asText())
                .isEqualTo("mayor");
        assertChangeLogged("LEADER", leaderId, 2);

        String officialId = "ryw-official-" + suffix;
        var hired = api.post("/api/assignment/officials")
                .token(admin)
                .body(Map.of("officialId", officialId, "name", "即读科员", "departmentId", "transport"))
                .send();
        assertThat(hired.status()).as(hired.toString()).isEqualTo(201);
        var officialRead = assertReadBack(hired, admin);
        assertListed("/api/assignment/officials?departmentId=transport", admin, "officialId", officialId);
        assertChangeLogged("OFFICIAL", officialId, 1);

        var moved = api.put(hired.header("Location"))
                .token(admin)
                .header("If-Match", officialRead.header("ETag"))
                .body(Map.of("name", "即读科员", "departmentId", "dev-reform"))
                .send();
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertReadBack(moved, hired.header("Location"), admin);
        assertListed("/api/assignment/officials?departmentId=dev-reform", admin, "officialId", officialId);
        assertChangeLogged("OFFICIAL", officialId, 2);

        // registered by the appeals service (an event, awaited); its liaison is this service's write
        // hexadecimal digits are all USCC characters; ..MA0RW1.. is this class's range of codes
        String first17 = "91150200MA0RW1" + suffix.substring(0, 3).toUpperCase();
        String enterprise = first17 + UnifiedSocialCreditCode.checkCharacter(first17);
        registerEnterprise(enterprise, "包头即读物流有限公司", IndustryChainPosition.MODULE, "九原区");
        var assigned = api.post("/api/assignment/enterprises/" + enterprise + "/liaison")
                .token(admin)
                .body(Map.of("liaisonLeaderId", leaderId, "keyEnterprise", false))
                .send();
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(201);
        var liaisonRead = assertReadBack(assigned, admin);
        assertThat(liaisonRead.json().get("liaisonLeaderId").asText()).isEqualTo(leaderId);
        assertListed("/api/assignment/enterprises", admin, "enterpriseId", enterprise);
        assertChangeLogged("ENTERPRISE", enterprise, 1);

        var reassigned = api.put("/api/assignment/enterprises/" + enterprise + "/liaison")
                .token(admin)
                .header("If-Match", liaisonRead.header("ETag"))
                .body(Map.of("liaisonLeaderId", "leader", "keyEnterprise", true))
                .send();
        assertThat(reassigned.status()).as(reassigned.toString()).isEqualTo(200);
        var reassignedRead = assertReadBack(reassigned, assigned.header("Location"), admin);
        assertThat(reassignedRead.json().get("keyEnterprise").asBoolean()).isTrue();
        assertChangeLogged("ENTERPRISE", enterprise, 2);
    }

    /** A step on the appeal with If-Match taken from a read straight before it; asserts its 200. */
    private HttpApi.Response step(UUID appeal, String action, String token, Map<String, Object> body) {
        String etag = read(appeal).header("ETag");
        var request = api.post("/api/assignment/appeals/" + appeal + "/" + action)
                .token(token)
                .header("If-Match", etag);
        var response = body == null ? request.send() : request.body(body).send();
        assertThat(response.status()).as(action + ": " + response).isEqualTo(200);
        return response;
    }

    private HttpApi.Response read(UUID appeal) {
        return api.get("/api/assignment/appeals/" + appeal).token(dispatcher).send();
    }

    /** The appeal's assignment, read at once, is at the version of the write's ETag. */
    private void assertReadBack(HttpApi.Response write, UUID appeal) {
        var read = read(appeal);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).as("ETag read after " + write).isEqualTo(write.header("ETag"));
    }

    /** A create's Location, read at once: 200, at the version of the create's ETag. */
    private HttpApi.Response assertReadBack(HttpApi.Response created, String token) {
        return assertReadBack(created, created.header("Location"), token);
    }

    private HttpApi.Response assertReadBack(HttpApi.Response write, String path, String token) {
        var read = api.get(path).token(token).send();
        assertThat(read.status())
                .as("GET " + path + " straight after " + write + ": " + read)
                .isEqualTo(200);
        assertThat(read.header("ETag")).as("ETag of GET " + path).isEqualTo(write.header("ETag"));
        return read;
    }

    private void assertListed(String list, String token, String field, Object value) {
        assertThat(api.get(list).token(token).send().json().findValuesAsText(field))
                .as(list)
                .contains(value.toString());
    }

    /** The directory's change log has the subject's changes, all of them, at once. */
    private void assertChangeLogged(String subjectType, String subjectId, int changes) {
        assertThat(api.get("/api/assignment/directory/changes?subjectType=" + subjectType + "&subjectId=" + subjectId)
                        .token(admin)
                        .send()
                        .json())
                .as("change log of " + subjectType + " " + subjectId)
                .hasSize(changes);
    }
}
