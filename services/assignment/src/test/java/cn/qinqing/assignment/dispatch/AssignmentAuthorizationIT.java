package cn.qinqing.assignment.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qinqing.assignment.AssignmentApiTestBase;
import cn.qinqing.language.AppealCategory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** An official acts on their own department's appeals only; every role does only what it is for. */
class AssignmentAuthorizationIT extends AssignmentApiTestBase {

    @Test
    void anOfficialOfAnotherDepartmentCanNeitherSeeNorActOnTheCase() {
        UUID appeal = file(AppealCategory.POWER); // with industry-it
        long version = version(appeal);
        long before = eventCount();

        assertThat(api.get("/api/assignment/appeals/" + appeal)
                        .token(officialLand)
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/assignment/appeals/" + appeal + "/holders")
                        .token(officialLand)
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.post("/api/assignment/appeals/" + appeal + "/sign-for")
                        .token(officialLand)
                        .header("If-Match", ifMatch(version))
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.post("/api/assignment/appeals/" + appeal + "/return")
                        .token(officialLand)
                        .header("If-Match", ifMatch(version))
                        .body(Map.of("reason", "冒名退回"))
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.post("/api/assignment/appeals/" + appeal + "/transfer")
                        .token(officialLand)
                        .header("If-Match", ifMatch(version))
                        .body(Map.of("toDepartmentId", "transport", "reason", "冒名转办"))
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(eventCount()).isEqualTo(before);
        assertThat(api.get("/api/assignment/appeals/" + appeal)
                        .token(official)
                        .send()
                        .status())
                .isEqualTo(200);
    }

    @Test
    void anOfficialReadsTheirOwnDepartmentsInboxButNotAnothers() {
        UUID appeal = file(AppealCategory.POWER);

        var own = api.get("/api/assignment/departments/industry-it/inbox?state=UNSIGNED")
                .token(official)
                .send();
        var others = api.get("/api/assignment/departments/industry-it/inbox")
                .token(officialLand)
                .send();
        var theirOwn = api.get("/api/assignment/departments/natural-resources/inbox")
                .token(officialLand)
                .send();

        assertThat(own.status()).isEqualTo(200);
        assertThat(own.header("X-Read-Model-Position")).matches("\\d+/\\d+");
        assertThat(own.json().findValuesAsText("appealId")).contains(appeal.toString());
        assertThat(others.status()).isEqualTo(403);
        assertThat(others.header("Content-Type")).startsWith("application/problem+json");
        assertThat(theirOwn.status()).isEqualTo(200);
        assertThat(theirOwn.json().findValuesAsText("appealId")).doesNotContain(appeal.toString());
    }

    @Test
    void theInboxSeparatesWhatAwaitsSignatureFromWhatIsInProgress() {
        UUID appeal = file(AppealCategory.POWER);
        api.post("/api/assignment/appeals/" + appeal + "/sign-for")
                .token(official)
                .header("If-Match", ifMatch(version(appeal)))
                .send();
        awaitAssignment(appeal, a -> a.path("status").asText().equals("SIGNED_FOR"));

        var unsigned = api.get("/api/assignment/departments/industry-it/inbox?state=UNSIGNED&limit=500")
                .token(official)
                .send();
        var inProgress = api.get("/api/assignment/departments/industry-it/inbox?state=IN_PROGRESS&limit=500")
                .token(official)
                .send();

        assertThat(unsigned.json().findValuesAsText("appealId")).doesNotContain(appeal.toString());
        assertThat(inProgress.json().findValuesAsText("appealId")).contains(appeal.toString());
    }

    @Test
    void aLeaderReadsTheirOwnCasesAndASupervisorAnyonesButNotTheOtherWayRound() {
        assertThat(api.get("/api/assignment/leaders/leader/cases")
                        .token(leader)
                        .send()
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/assignment/leaders/mayor/cases")
                        .token(leader)
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/assignment/leaders/mayor/supervision-notices")
                        .token(leader)
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/assignment/leaders/leader/cases")
                        .token(supervisor)
                        .send()
                        .status())
                .isEqualTo(200);
    }

    static Stream<Arguments> refusedRoles() {
        String appeal = "/api/assignment/appeals/" + UUID.randomUUID();
        Map<String, Object> transfer = Map.of("toDepartmentId", "transport", "reason", "原因");
        Map<String, Object> notice = Map.of(
                "instructions",
                "督办",
                "dueAt",
                Instant.now().plus(Duration.ofDays(1)).toString());
        return Stream.of(
                Arguments.of("ENTERPRISE", "GET", appeal, null),
                Arguments.of("ENTERPRISE", "GET", "/api/assignment/queue", null),
                Arguments.of("ENTERPRISE", "GET", "/api/assignment/departments", null),
                Arguments.of("ENTERPRISE", "POST", appeal + "/sign-for", null),
                Arguments.of("OFFICIAL", "GET", "/api/assignment/queue", null),
                Arguments.of("OFFICIAL", "POST", appeal + "/dispatch", Map.of("departmentId", "transport")),
                Arguments.of("OFFICIAL", "POST", appeal + "/take-charge", null),
                Arguments.of("OFFICIAL", "POST", appeal + "/escalation", Map.of("reason", "升级")),
                Arguments.of("DISPATCHER", "POST", appeal + "/sign-for", null),
                Arguments.of("DISPATCHER", "POST", appeal + "/transfer", transfer),
                Arguments.of("DISPATCHER", "POST", appeal + "/supervision-notices", notice),
                Arguments.of("LEADER", "POST", appeal + "/transfer", transfer),
                Arguments.of("LEADER", "POST", appeal + "/dispatch", Map.of("departmentId", "transport")),
                Arguments.of("LEADER", "GET", "/api/assignment/queue", null),
                Arguments.of("SUPERVISOR", "POST", appeal + "/dispatch", Map.of("departmentId", "transport")),
                Arguments.of("SUPERVISOR", "POST", appeal + "/take-charge", null),
                Arguments.of(
                        "SUPERVISOR", "POST", "/api/assignment/departments", Map.of("departmentId", "x", "name", "x")),
                Arguments.of("ADMIN", "GET", "/api/assignment/queue", null),
                Arguments.of("ADMIN", "POST", appeal + "/dispatch", Map.of("departmentId", "transport")),
                Arguments.of(
                        "DISPATCHER", "POST", "/api/assignment/routing-rules", Map.of("departmentId", "transport")),
                Arguments.of("OFFICIAL", "GET", "/api/assignment/officials", null));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("refusedRoles")
    void aRoleThatMayNotDoSomethingIsRefusedAndNothingChanges(
            String role, String method, String path, Map<String, Object> body) {
        long before = eventCount();
        String token = role.equals("ENTERPRISE")
                ? enterpriseUser
                : role.equals("OFFICIAL") ? official : tokens.withRole("someone", role);
        var call = method.equals("GET") ? api.get(path) : api.post(path);
        call.token(token).header("If-Match", "\"0\"");
        if (body != null) {
            call.body(body);
        } else if (method.equals("POST")) {
            call.body(Map.of());
        }

        var response = call.send();

        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void withoutATokenNothingIsAnswered() {
        var response = api.get("/api/assignment/queue").send();
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void aTokenThatIsNotValidIsUnauthorized() {
        for (String token : List.of(
                tokens.expired("dispatcher", "DISPATCHER"),
                tokens.tampered("dispatcher", "DISPATCHER"),
                tokens.unsigned("dispatcher", "DISPATCHER"))) {
            assertThat(api.get("/api/assignment/queue").token(token).send().status())
                    .isEqualTo(401);
        }
    }

    @Test
    void anEndpointNobodyDeclaredIsRefused() {
        assertThat(api.get("/api/assignment/secrets").token(admin).send().status())
                .isEqualTo(403);
    }

    @Test
    void theOpenApiDocumentDescribesTheCommands() {
        var doc = api.get("/v3/api-docs").send();
        assertThat(doc.status()).isEqualTo(200);
        assertThat(doc.json().get("paths").has("/api/assignment/appeals/{appealId}/sign-for"))
                .isTrue();
        assertThat(doc.json().get("paths").has("/api/assignment/routing-rules")).isTrue();
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndChangesNothing() {
        UUID appeal = file(AppealCategory.POWER);
        long version = version(appeal);
        long before = eventCount();

        var noReason = api.post("/api/assignment/appeals/" + appeal + "/transfer")
                .token(official)
                .header("If-Match", ifMatch(version))
                .body(Map.of("toDepartmentId", "natural-resources"))
                .send();
        var unknownDepartment = api.post("/api/assignment/appeals/" + appeal + "/transfer")
                .token(official)
                .header("If-Match", ifMatch(version))
                .body(Map.of("toDepartmentId", "no-such-bureau", "reason", "转办"))
                .send();
        var pastDue = api.post("/api/assignment/appeals/" + appeal + "/supervision-notices")
                .token(leader)
                .body(Map.of("instructions", "督办", "dueAt", "2020-01-01T00:00:00Z"))
                .send();
        var notAUuid =
                api.get("/api/assignment/appeals/not-a-uuid").token(dispatcher).send();

        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("errors").findValuesAsText("field")).contains("reason");
        assertThat(unknownDepartment.status()).isEqualTo(400);
        assertThat(unknownDepartment.json().get("errors").findValuesAsText("field"))
                .contains("toDepartmentId");
        assertThat(pastDue.status()).isEqualTo(400);
        assertThat(pastDue.json().get("errors").findValuesAsText("field")).contains("dueAt");
        assertThat(notAUuid.status()).isEqualTo(400);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void anUnknownAppealIsNotFoundForEveryone() {
        String path = "/api/assignment/appeals/" + UUID.randomUUID();
        assertThat(api.get(path).token(dispatcher).send().status()).isEqualTo(404);
        assertThat(api.post(path + "/take-charge")
                        .token(leader)
                        .header("If-Match", "\"1\"")
                        .send()
                        .status())
                .isEqualTo(404);
    }
}
