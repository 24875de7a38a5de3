package cn.qinqing.meetings.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qinqing.meetings.MeetingsApiTestBase;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MeetingsAuthorizationIT extends MeetingsApiTestBase {

    /** A meeting next week with enterprise A invited, as the read model knows it. */
    private UUID meetingWithA() {
        UUID id = scheduleNextWeek();
        invite(id, 0, ENTERPRISE_A);
        await().until(() -> api.get("/api/meetings/" + id).token(userA).send().status() == 200);
        return id;
    }

    @Test
    void anEnterpriseThatIsNotInvitedSeesNothingOfTheMeeting() {
        UUID id = meetingWithA();
        long before = eventCount();

        for (String path : List.of("", "/topics", "/agenda", "/minutes", "/action-items", "/calendar.ics")) {
            assertThat(api.get("/api/meetings/" + id + path).token(userB).send().status())
                    .as(path)
                    .isEqualTo(404);
        }
        assertThat(api.post("/api/meetings/" + id + "/topics")
                        .token(userB)
                        .body(Map.of("title", "不请自来", "description", "说明"))
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.post("/api/meetings/" + id + "/invitations/" + ENTERPRISE_B + "/acceptance")
                        .token(userB)
                        .header("If-Match", "\"1\"")
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/meetings").token(userB).send().json().findValuesAsText("id"))
                .doesNotContain(id.toString());
        assertThat(api.get("/api/meetings").token(userA).send().json().findValuesAsText("id"))
                .contains(id.toString());
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void anEnterpriseAnswersOnlyItsOwnInvitationAndGetsOnlyItsOwnCalendar() {
        UUID id = meetingWithA();
        long before = eventCount();

        assertThat(api.post("/api/meetings/" + id + "/invitations/" + ENTERPRISE_A + "/acceptance")
                        .token(userB)
                        .header("If-Match", "\"1\"")
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/meetings/" + id + "/invitations/" + ENTERPRISE_A + ".ics")
                        .token(userB)
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void theInvitedEnterpriseSeesItsInvitationAndDeclinesIt() {
        UUID id = meetingWithA();

        var invitations = api.get("/api/meetings/invitations").token(userA).send();
        assertThat(invitations.status()).isEqualTo(200);
        assertThat(invitations.json().findValuesAsText("meetingId")).contains(id.toString());

        var declined = api.post("/api/meetings/" + id + "/invitations/" + ENTERPRISE_A + "/refusal")
                .token(userA)
                .header("If-Match", "\"1\"")
                .body(Map.of("reason", "当天检修"))
                .send();
        assertThat(declined.status()).as(declined.toString()).isEqualTo(200);
        await().until(() -> "DECLINED"
                .equals(api.get("/api/meetings/" + id)
                        .token(userA)
                        .send()
                        .json()
                        .get("invitations")
                        .get(0)
                        .get("status")
                        .asText()));
    }

    @Test
    void rolesWithNoBusinessHereAreRefused() {
        UUID id = meetingWithA();
        for (String role : List.of("OFFICIAL", "DISPATCHER")) {
            String token = tokens.token("someone", role, null, "industry-it");
            assertThat(api.get("/api/meetings").token(token).send().status())
                    .as(role)
                    .isEqualTo(403);
            assertThat(api.get("/api/meetings/" + id).token(token).send().status())
                    .as(role)
                    .isEqualTo(403);
            assertThat(api.get("/api/meetings/" + id + "/follow-up")
                            .token(token)
                            .send()
                            .status())
                    .as(role)
                    .isEqualTo(403);
        }
    }

    @Test
    void onlyLeadersAndAdminsScheduleAndEnterprisesDoNotSeeFollowUp() {
        UUID id = meetingWithA();
        long before = eventCount();
        for (String token : List.of(userA, supervisor)) {
            assertThat(api.post("/api/meetings")
                            .token(token)
                            .body(meeting(java.time.Duration.ofDays(7), java.time.Duration.ofDays(5), 5))
                            .send()
                            .status())
                    .isEqualTo(403);
        }
        assertThat(api.put("/api/meetings/" + id + "/agenda")
                        .token(supervisor)
                        .header("If-Match", "\"1\"")
                        .body(Map.of("items", List.of()))
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/meetings/" + id + "/follow-up")
                        .token(userA)
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aLeaderWhoDoesNotHostReadsTheMeetingButCannotRunIt() {
        UUID id = meetingWithA();
        long before = eventCount();

        assertThat(api.get("/api/meetings/" + id).token(otherLeader).send().status())
                .isEqualTo(200);
        var refused = api.post("/api/meetings/" + id + "/invitations")
                .token(otherLeader)
                .header("If-Match", "\"1\"")
                .body(Map.of("enterpriseIds", List.of(ENTERPRISE_B)))
                .send();
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("type").asText()).endsWith("/not-the-host");
        assertThat(eventCount()).isEqualTo(before);

        var byAdmin = api.post("/api/meetings/" + id + "/invitations")
                .token(admin)
                .header("If-Match", "\"1\"")
                .body(Map.of("enterpriseIds", List.of(ENTERPRISE_B)))
                .send();
        assertThat(byAdmin.status()).as("an admin may run any meeting").isEqualTo(200);
    }

    @Test
    void aSupervisorReadsEverything() {
        UUID id = meetingWithA();
        for (String path :
                List.of("", "/topics", "/action-items", "/follow-up", "/invitations/" + ENTERPRISE_A + ".ics")) {
            assertThat(api.get("/api/meetings/" + id + path)
                            .token(supervisor)
                            .send()
                            .status())
                    .as(path)
                    .isEqualTo(200);
        }
    }

    @Test
    void noTokenOrABadTokenIsUnauthorized() {
        var none = api.get("/api/meetings").send();
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
        for (String bad : List.of(
                tokens.expired("leader", "LEADER"),
                tokens.tampered("user-a", "ENTERPRISE"),
                tokens.signedByStranger("leader", "LEADER"),
                tokens.unsigned("leader", "LEADER"))) {
            assertThat(api.get("/api/meetings").token(bad).send().status()).isEqualTo(401);
            assertThat(api.post("/api/meetings")
                            .token(bad)
                            .body(meeting(java.time.Duration.ofDays(7), java.time.Duration.ofDays(5), 5))
                            .send()
                            .status())
                    .isEqualTo(401);
        }
    }

    @Test
    void anEndpointNobodyDeclaredIsRefused() {
        assertThat(api.get("/api/meetings/" + UUID.randomUUID() + "/secrets")
                        .token(admin)
                        .send()
                        .status())
                .isEqualTo(403);
    }

    @Test
    void theOpenApiDocumentIsServed() {
        var doc = api.get("/v3/api-docs").send();
        assertThat(doc.status()).isEqualTo(200);
        assertThat(doc.json().get("paths").has("/api/meetings")).isTrue();
        assertThat(doc.json().get("paths").has("/api/meetings/{id}/action-items"))
                .isTrue();
        assertThat(doc.json().get("paths").has("/api/meetings/{id}/follow-up")).isTrue();
    }
}
