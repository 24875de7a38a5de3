package cn.qinqing.oversight.timeline;

import static cn.qinqing.oversight.Scenario.at;
import static org.assertj.core.api.Assertions.assertThat;

import cn.qinqing.oversight.OversightApiTestBase;
import cn.qinqing.oversight.Scenario;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 22, "who saw what, when": a supervisor sees an appeal as the enterprise, an official of a department or a
 * leader saw it at an instant, from the events recorded by then and the visibility rules of that role.
 */
class AsSeenIT extends OversightApiTestBase {

    static Scenario scenario;
    static UUID appeal;
    static String departmentA;
    static String departmentB;
    static String leaderA;

    @BeforeEach
    void publishOnce() {
        if (appeal != null) {
            return;
        }
        scenario = scenario();
        departmentA = scenario.id("dept-a");
        departmentB = scenario.id("dept-b");
        leaderA = scenario.id("leader-a");
        String enterprise = scenario.uscc(1);
        scenario.department(departmentA, "甲局")
                .department(departmentB, "乙局")
                .leader(leaderA, "甲局长", departmentA, null)
                .enterprise(enterprise, "包头青山光伏材料有限公司", "青山区");
        appeal = scenario.appeal(enterprise, "变电站增容")
                .filed(at("2025-03-03 09:00"))
                .documentsAttached(at("2025-03-03 09:00"), "供电方案.pdf", "厂房平面图.pdf")
                .routed(at("2025-03-03 09:00"), "青山区")
                .dispatched(departmentA, at("2025-03-03 09:30"), at("2025-03-04 09:30"))
                .signedFor(departmentA, at("2025-03-03 10:00"), true)
                .caseOpened(departmentA, 1, at("2025-03-03 10:00"), at("2025-03-04 10:00"), at("2025-03-20 10:00"))
                .internalNote(departmentA, "内部会商：供电公司尚未回复", at("2025-03-03 11:00"))
                .caseFileDocuments(departmentA, false, at("2025-03-03 11:05"), "会商纪要.pdf")
                .contacted(at("2025-03-03 14:00"))
                .caseFileDocuments(departmentA, true, at("2025-03-03 14:05"), "供电公司复函.pdf")
                .transferred(departmentA, departmentB, at("2025-03-04 09:00"), at("2025-03-05 09:00"))
                .id;
        awaitCaughtUp();
    }

    @Test
    void theEnterpriseSawItsPageWithoutInternalNotesOrWhichOfficialActed() {
        JsonNode seen = asSeen("viewer=ENTERPRISE&asOf=2025-03-03T15:00:00%2B08:00");
        assertThat(seen.get("visible").asBoolean()).isTrue();
        assertThat(seen.get("steps").findValuesAsText("type"))
                .containsExactly(
                        "FILED",
                        "DOCUMENTS_ATTACHED",
                        "DISPATCHED",
                        "SIGNED_FOR",
                        "PROGRESS_NOTED",
                        "CASE_FILE_DOCUMENTS_ATTACHED");
        assertThat(seen.toString())
                .contains("已电话联系企业")
                .contains("供电方案.pdf、厂房平面图.pdf")
                .contains("供电公司复函.pdf")
                .doesNotContain("会商纪要.pdf")
                .doesNotContain("内部会商")
                .doesNotContain("official-of-" + departmentA)
                .doesNotContain("rule-1");
        assertThat(seen.get("steps").get(3).get("departmentId").asText()).isEqualTo(departmentA);

        JsonNode earlier = asSeen("viewer=ENTERPRISE&asOf=2025-03-03T09:15:00%2B08:00");
        assertThat(earlier.get("steps").findValuesAsText("type")).containsExactly("FILED", "DOCUMENTS_ATTACHED");
        assertThat(earlier.get("asOf").asText()).isEqualTo("2025-03-03T01:15:00Z");
    }

    @Test
    void theEnterpriseSawItsRatingWindowClose() {
        String enterprise = scenario.uscc(2);
        UUID unrated = scenario.appeal(enterprise, "排污许可证延续")
                .filed(at("2025-04-01 09:00"))
                .routed(at("2025-04-01 09:00"), "昆都仑区")
                .dispatched(departmentA, at("2025-04-01 09:30"), at("2025-04-02 09:30"))
                .signedFor(departmentA, at("2025-04-01 10:00"), true)
                .caseOpened(departmentA, 1, at("2025-04-01 10:00"), at("2025-04-02 10:00"), at("2025-04-18 10:00"))
                .submitted(departmentA, 1, at("2025-04-03 10:00"), true)
                .answered(departmentA, 1, at("2025-04-03 10:00"))
                .ratingExpired(1, at("2025-04-10 10:00"))
                .id;
        awaitCaughtUp();

        JsonNode seen = api.get("/api/oversight/appeals/" + unrated + "/as-seen?viewer=ENTERPRISE")
                .token(supervisor)
                .send()
                .json();

        assertThat(seen.get("steps").findValuesAsText("type"))
                .as("the enterprise's own page shows the rating window closing; so does what it saw")
                .containsExactly("FILED", "DISPATCHED", "SIGNED_FOR", "ANSWERED", "RATING_EXPIRED");
    }

    @Test
    void anOfficialSawTheAppealWhileTheirDepartmentHeldItInternalNotesIncluded() {
        JsonNode holding = asSeen("viewer=OFFICIAL&department=" + departmentA + "&asOf=2025-03-03T15:00:00%2B08:00");
        assertThat(holding.get("visible").asBoolean()).isTrue();
        assertThat(holding.toString()).contains("内部会商").contains("会商纪要.pdf").contains("official-of-" + departmentA);

        JsonNode transferred =
                asSeen("viewer=OFFICIAL&department=" + departmentA + "&asOf=2025-03-04T10:00:00%2B08:00");
        assertThat(transferred.get("visible").asBoolean()).isFalse();
        assertThat(transferred.get("reason").asText()).contains(departmentA);
        assertThat(transferred.get("steps")).isEmpty();
        assertThat(asSeen("viewer=OFFICIAL&department=" + departmentB + "&asOf=2025-03-04T10:00:00%2B08:00")
                        .get("visible")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void aLeaderSawItOnceTheirChainTouchedIt() {
        assertThat(asSeen("viewer=LEADER&leader=" + leaderA + "&asOf=2025-03-03T09:15:00%2B08:00")
                        .get("visible")
                        .asBoolean())
                .isFalse();
        JsonNode dispatched = asSeen("viewer=LEADER&leader=" + leaderA + "&asOf=2025-03-03T10:30:00%2B08:00");
        assertThat(dispatched.get("visible").asBoolean()).isTrue();
        assertThat(dispatched.get("steps").findValuesAsText("type")).contains("DISPATCHED", "SIGNED_FOR");
    }

    @Test
    void onlySupervisionAsksAndItAsksProperly() {
        String path = "/api/oversight/appeals/" + appeal + "/as-seen?viewer=ENTERPRISE";
        assertThat(api.get(path)
                        .token(tokens.withRole("leader", "LEADER"))
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.get(path)
                        .token(tokens.enterprise("user-a", scenario.uscc(1)))
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.get(path).send().status()).isEqualTo(401);
        var noDepartment = api.get("/api/oversight/appeals/" + appeal + "/as-seen?viewer=OFFICIAL")
                .token(supervisor)
                .send();
        assertThat(noDepartment.status()).isEqualTo(400);
        assertThat(noDepartment.text()).contains("department");
        var badDepartment = api.get("/api/oversight/appeals/" + appeal + "/as-seen?viewer=OFFICIAL&department=a%20b")
                .token(supervisor)
                .send();
        assertThat(badDepartment.status()).isEqualTo(400);
        assertThat(badDepartment.json().get("errors").get(0).get("field").asText())
                .isEqualTo("department");
        assertThat(api.get("/api/oversight/appeals/" + appeal + "/as-seen?viewer=ROBOT")
                        .token(supervisor)
                        .send()
                        .status())
                .isEqualTo(400);
        assertThat(api.get(path + "&asOf=2999-01-01T00:00:00Z")
                        .token(supervisor)
                        .send()
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/oversight/appeals/" + UUID.randomUUID() + "/as-seen?viewer=ENTERPRISE")
                        .token(supervisor)
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.get(path + "&asOf=2025-03-01T00:00:00Z")
                        .token(supervisor)
                        .send()
                        .status())
                .as("nothing of it was recorded by then")
                .isEqualTo(404);
    }

    private JsonNode asSeen(String query) {
        var answer = api.get("/api/oversight/appeals/" + appeal + "/as-seen?" + query)
                .token(supervisor)
                .send();
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json();
    }
}
