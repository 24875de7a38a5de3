package cn.qinqing.oversight.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qinqing.oversight.NationalDayCases;
import cn.qinqing.oversight.OversightApiTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Supervisors and admins read everything; a leader reads what concerns their chain of command; enterprises,
 * dispatchers and officials read nothing here, and nobody without a token.
 */
class AuthorizationIT extends OversightApiTestBase {

    static NationalDayCases cases;

    @BeforeEach
    void publishOnce() {
        if (cases == null) {
            cases = NationalDayCases.publish(scenario());
            awaitCaughtUp();
        }
    }

    static List<String> reads(UUID appeal) {
        return List.of(
                "/api/oversight/appeals/" + appeal,
                "/api/oversight/appeals/" + appeal + "/timeline",
                "/api/oversight/appeals/" + appeal + "/timeline.csv",
                "/api/oversight/appeals/" + appeal + "/chain",
                "/api/oversight/kpis",
                "/api/oversight/kpis.csv",
                "/api/oversight/rankings",
                "/api/oversight/rankings/2025-10",
                "/api/oversight/rankings/2025-10.csv",
                "/api/oversight/overdue",
                "/api/oversight/overdue.csv",
                "/api/oversight/liaison/appeals?leader=leader",
                "/api/oversight/liaison/appeals.csv?leader=leader",
                "/api/oversight/meetings/follow-up",
                "/api/oversight/meetings/follow-up.csv");
    }

    static Stream<Arguments> refusedRoles() {
        return Stream.of(
                Arguments.of("ENTERPRISE", tokens.enterprise("enterprise-a", "91150200MA0QA0001T")),
                Arguments.of("DISPATCHER", tokens.withRole("dispatcher", "DISPATCHER")),
                Arguments.of("OFFICIAL", tokens.official("official", "industry-it")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedRoles")
    void rolesOutsideOversightAreRefusedEverywhere(String role, String token) {
        for (String path : reads(cases.x())) {
            var answer = api.get(path).token(token).send();
            assertThat(answer.status()).as(role + " " + path).isEqualTo(403);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        }
    }

    @Test
    void withoutATokenNothingIsAnswered() {
        for (String path : reads(cases.x())) {
            assertThat(api.get(path).send().status()).as(path).isEqualTo(401);
        }
    }

    @Test
    void supervisorsAndAdminsReadEverything() {
        for (String token : List.of(supervisor, admin)) {
            for (String path : reads(cases.x())) {
                assertThat(api.get(path).token(token).send().status()).as(path).isEqualTo(200);
            }
        }
    }

    @Test
    void aLeaderReadsTheAppealsTheirChainHandledAndNoOthers() {
        String headA = tokens.token(cases.headA(), "LEADER", null, cases.departmentA());
        String headB = tokens.token(cases.headB(), "LEADER", null, cases.departmentB());
        String deputy = tokens.withRole(cases.deputyMayor(), "LEADER");
        String stranger = tokens.withRole("leader-of-elsewhere", "LEADER");

        assertThat(timeline(headA, cases.x()))
                .as("A held X before the transfer")
                .isEqualTo(200);
        assertThat(timeline(headB, cases.x())).isEqualTo(200);
        assertThat(timeline(deputy, cases.y()))
                .as("B is in the deputy mayor's chain")
                .isEqualTo(200);
        assertThat(timeline(headA, cases.y())).as("only B ever held Y").isEqualTo(404);
        assertThat(timeline(stranger, cases.x())).isEqualTo(404);
        assertThat(api.get("/api/oversight/appeals/" + cases.y())
                        .token(headA)
                        .send()
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aLeaderAskingAboutADepartmentOutsideTheirChainIsRefusedAndOtherwiseSeesOnlyTheirChain() {
        String headA = tokens.token(cases.headA(), "LEADER", null, cases.departmentA());

        assertThat(api.get("/api/oversight/kpis?department=" + cases.departmentB())
                        .token(headA)
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/oversight/kpis?leader=" + cases.deputyMayor())
                        .token(headA)
                        .send()
                        .status())
                .as("the leader above is not in one's chain")
                .isEqualTo(403);
        assertThat(api.get("/api/oversight/overdue?department=" + cases.departmentB())
                        .token(headA)
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/oversight/meetings/follow-up?leader=" + cases.headB())
                        .token(headA)
                        .send()
                        .status())
                .isEqualTo(403);

        assertThat(keys(api.get("/api/oversight/kpis?groupBy=DEPARTMENT&month=2025-09")
                        .token(headA)
                        .send()
                        .json()))
                .containsExactly(cases.departmentA());
        assertThat(keys(api.get("/api/oversight/kpis?groupBy=DEPARTMENT&month=2025-10")
                        .token(supervisor)
                        .send()
                        .json()))
                .contains(cases.departmentB());
        assertThat(keys(api.get("/api/oversight/kpis?groupBy=DEPARTMENT&month=2025-10")
                        .token(headA)
                        .send()
                        .json()))
                .doesNotContain(cases.departmentB());
        JsonNode ranking =
                api.get("/api/oversight/rankings/2025-10").token(headA).send().json();
        ranking.get("recomputed")
                .get("entries")
                .forEach(entry -> assertThat(entry.get("departmentId").asText()).isEqualTo(cases.departmentA()));
    }

    @Test
    void endpointsNobodyDeclaredAreRefusedAndTheOpenApiDocumentIsServed() {
        assertThat(api.get("/api/oversight/secrets").token(admin).send().status())
                .isEqualTo(403);
        assertThat(api.post("/api/oversight/kpis").token(admin).send().status()).isEqualTo(403);
        var doc = api.get("/v3/api-docs").send();
        assertThat(doc.status()).isEqualTo(200);
        assertThat(doc.json().get("paths").has("/api/oversight/kpis")).isTrue();
        assertThat(doc.json().get("paths").has("/api/oversight/admin/replay")).isTrue();
    }

    /** Issue 22: an appeal as another actor saw it, and the read log, are for supervisors and admins alone. */
    @Test
    void whoSawWhatIsForSupervisionAlone() {
        var endpoints = java.util.List.of(
                new cn.qinqing.testsupport.AuthorizationMatrix.Endpoint(
                        "GET",
                        "/api/oversight/appeals/" + cases.x() + "/as-seen?viewer=ENTERPRISE",
                        java.util.Set.of("SUPERVISOR", "ADMIN")),
                new cn.qinqing.testsupport.AuthorizationMatrix.Endpoint(
                        "GET", "/api/oversight/read-log?appeal=" + cases.x(), java.util.Set.of("SUPERVISOR", "ADMIN")));
        assertThat(cn.qinqing.testsupport.AuthorizationMatrix.violations(api, tokens, endpoints))
                .isEmpty();
    }

    private int timeline(String token, UUID appeal) {
        return api.get("/api/oversight/appeals/" + appeal + "/timeline")
                .token(token)
                .send()
                .status();
    }

    private static List<String> keys(JsonNode answer) {
        List<String> keys = new ArrayList<>();
        answer.get("rows").forEach(row -> keys.add(row.get("key").asText()));
        return keys;
    }
}
