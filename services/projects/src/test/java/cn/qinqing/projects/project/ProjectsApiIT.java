package cn.qinqing.projects.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.Ids;
import cn.qinqing.language.Urgency;
import cn.qinqing.language.appeal.AppealClosedEvent;
import cn.qinqing.language.appeal.AppealFiledEvent;
import cn.qinqing.language.appeal.AppealSource;
import cn.qinqing.projects.ProjectsApiTestBase;
import cn.qinqing.testsupport.ContractSamples;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;

/** Key projects through the API: registered, read by whom may, their milestones, overdue clock and blockers. */
class ProjectsApiIT extends ProjectsApiTestBase {

    @Test
    void aRegisteredProjectIsReadByTheCityAndItsInvestorButNotByAnotherEnterprise() {
        UUID id = register(project("多晶硅一期 (visibility)", 20, 30));

        JsonNode details =
                api.get("/api/projects/" + id).token(supervisor).send().json();
        assertThat(details.at("/project/status").asText()).isEqualTo("SIGNED");
        assertThat(details.at("/project/next").asText()).isEqualTo("LAND_AND_PERMITS");
        assertThat(details.get("milestones").findValuesAsText("milestone"))
                .containsExactly(
                        "SIGNED",
                        "LAND_AND_PERMITS",
                        "CONSTRUCTION_STARTED",
                        "EQUIPMENT_INSTALLED",
                        "TRIAL_PRODUCTION",
                        "COMMISSIONED");
        assertThat(api.get("/api/projects/" + id).token(userB).send().status()).isEqualTo(200);
        assertThat(api.get("/api/projects/" + id).token(userA).send().status())
                .as("another enterprise's project is not found")
                .isEqualTo(404);
        assertThat(api.get("/api/projects").token(userA).send().json().findValuesAsText("projectId"))
                .doesNotContain(id.toString());
        assertThat(api.get("/api/projects?chainLink=POLYSILICON")
                        .token(userB)
                        .send()
                        .json()
                        .findValuesAsText("projectId"))
                .contains(id.toString());
        assertThat(api.get("/api/projects?chainLink=WAFER")
                        .token(leader)
                        .send()
                        .json()
                        .findValuesAsText("projectId"))
                .doesNotContain(id.toString());
        String registeredBy = jdbc.queryForObject(
                "SELECT convert_from(meta_data, 'UTF8') FROM event_store.domain_event_entry"
                        + " WHERE aggregate_identifier = ? AND sequence_number = 0",
                String.class,
                id.toString());
        assertThat(registeredBy).contains("\"actor\":\"official\"").contains("\"role\":\"OFFICIAL\"");
    }

    @Test
    void theListNarrowedToAnEnterpriseShowsOnlyItsProjectsAndNeverWidensWhatTheCallerMaySee() {
        UUID ofB = register(project("多晶硅三期 (by enterprise)", 20, 30));
        Map<String, Object> wafers = project("单晶硅片 (by enterprise)", 20, 30);
        wafers.put("enterpriseIds", List.of(ENTERPRISE_A));
        wafers.put("chainLink", "WAFER");
        UUID ofA = register(wafers);

        JsonNode leadersB = api.get("/api/projects?enterpriseId=" + ENTERPRISE_B)
                .token(leader)
                .send()
                .json();
        List<String> leadersA = api.get("/api/projects?enterpriseId=" + ENTERPRISE_A)
                .token(leader)
                .send()
                .json()
                .findValuesAsText("projectId");
        List<String> aAskingForB = api.get("/api/projects?enterpriseId=" + ENTERPRISE_B)
                .token(userA)
                .send()
                .json()
                .findValuesAsText("projectId");
        List<String> bAskingForItself = api.get("/api/projects?enterpriseId=" + ENTERPRISE_B)
                .token(userB)
                .send()
                .json()
                .findValuesAsText("projectId");
        var badCode = api.get("/api/projects?enterpriseId=91150200MA0QA0001X")
                .token(leader)
                .send();

        assertThat(leadersB.findValuesAsText("projectId"))
                .contains(ofB.toString())
                .doesNotContain(ofA.toString());
        for (JsonNode project : leadersB) {
            assertThat(project.get("enterpriseIds").toString()).contains(ENTERPRISE_B);
        }
        assertThat(leadersA).contains(ofA.toString()).doesNotContain(ofB.toString());
        assertThat(aAskingForB)
                .as("an enterprise never sees another's projects")
                .isEmpty();
        assertThat(bAskingForItself).contains(ofB.toString()).doesNotContain(ofA.toString());
        assertThat(badCode.status()).isEqualTo(400);
        assertThat(badCode.json().findValuesAsText("field")).containsExactly("enterpriseId");
        assertThat(api.get("/api/projects?enterpriseId=" + ENTERPRISE_B)
                        .token(dispatcher)
                        .send()
                        .status())
                .as("the filter opens the list to nobody the policy keeps out")
                .isEqualTo(403);
        // the portal's liaison page reads this answer: its sample stays true to it
        ContractSamples.verify("projects", "projects", leadersB);
    }

    @Test
    void badInputNamesTheFieldAndChangesNothing() {
        long before = eventCount();
        Map<String, Object> early = project("早于签约", 20, 30);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> milestones = new ArrayList<>((List<Map<String, Object>>) early.get("milestones"));
        milestones.set(0, milestone("LAND_AND_PERMITS", today().minusDays(25)));
        early.put("milestones", milestones);
        Map<String, Object> negative = project("负产能", 20, 30);
        negative.put("capacity", Map.of("amount", -5, "unit", "GW"));
        Map<String, Object> unknownLink = project("未知环节", 20, 30);
        unknownLink.put("chainLink", "GRAPHENE");

        var refusedEarly = api.post("/api/projects").token(official).body(early).send();
        var refusedNegative =
                api.post("/api/projects").token(official).body(negative).send();
        var refusedLink =
                api.post("/api/projects").token(official).body(unknownLink).send();

        assertThat(refusedEarly.status()).isEqualTo(400);
        assertThat(refusedEarly.json().findValuesAsText("field")).contains("milestones[0].plannedOn");
        assertThat(refusedNegative.status()).isEqualTo(400);
        assertThat(refusedNegative.json().findValuesAsText("field")).contains("capacity.amount");
        assertThat(refusedLink.status()).isEqualTo(400);
        assertThat(refusedLink.json().findValuesAsText("field")).contains("chainLink");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void theDepartmentRecordsMilestonesAndOthersAreRefused() {
        UUID id = register(project("多晶硅二期 (milestones)", 40, 10));
        long before = eventCount();

        var early = api.post("/api/projects/" + id + "/milestones")
                .token(official)
                .body(Map.of(
                        "milestone",
                        "LAND_AND_PERMITS",
                        "reachedOn",
                        today().minusDays(41).toString()))
                .send();
        var stranger = api.post("/api/projects/" + id + "/milestones")
                .token(officialLand)
                .body(Map.of(
                        "milestone",
                        "LAND_AND_PERMITS",
                        "reachedOn",
                        today().minusDays(35).toString()))
                .send();
        var otherLeader = api.post("/api/projects/" + id + "/progress")
                .token(headOfFinance)
                .body(Map.of("note", "不相干"))
                .send();
        var enterprise = api.post("/api/projects/" + id + "/progress")
                .token(userB)
                .body(Map.of("note", "企业不能记录"))
                .send();

        assertThat(early.status()).isEqualTo(400);
        assertThat(early.json().findValuesAsText("field")).contains("reachedOn");
        assertThat(stranger.status()).as(stranger.toString()).isEqualTo(403);
        assertThat(otherLeader.status()).isEqualTo(403);
        assertThat(enterprise.status()).isEqualTo(403);
        assertThat(eventCount()).isEqualTo(before);

        var recorded = api.post("/api/projects/" + id + "/milestones")
                .token(official)
                .body(Map.of(
                        "milestone",
                        "LAND_AND_PERMITS",
                        "reachedOn",
                        today().minusDays(32).toString(),
                        "note",
                        "土地证已发"))
                .send();
        var noted = api.post("/api/projects/" + id + "/progress")
                .token(leader)
                .body(Map.of("note", "主厂房封顶"))
                .send();
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(200);
        assertThat(noted.status()).as(noted.toString()).isEqualTo(200);

        await().untilAsserted(() -> {
            JsonNode details =
                    api.get("/api/projects/" + id).token(leader).send().json();
            assertThat(details.at("/project/status").asText()).isEqualTo("LAND_AND_PERMITS");
            assertThat(details.at("/milestones/1/onSchedule").asBoolean()).isTrue();
            assertThat(details.at("/milestones/1/recordedBy").asText()).isEqualTo("official");
            assertThat(details.at("/progress/0/note").asText()).isEqualTo("主厂房封顶");
            assertThat(details.at("/progress/0/notedBy").asText()).isEqualTo("leader");
        });
        JsonNode asBefore = api.get("/api/projects/" + id + "?asOf=" + today().minusDays(33))
                .token(leader)
                .send()
                .json();
        assertThat(asBefore.at("/project/status").asText())
                .as("as of a day before it was reached")
                .isEqualTo("SIGNED");
    }

    @Test
    void aMilestonePastItsPlannedDayIsOverdueAndEscalatedToTheLeader() {
        // land and permits were planned for two days ago and nobody recorded them
        UUID id = register(project("硅片三期 (overdue)", 5, 3));

        await().untilAsserted(() -> assertThat(jdbc.queryForList(
                        "SELECT convert_from(payload, 'UTF8') FROM event_store.domain_event_entry"
                                + " WHERE aggregate_identifier = ? AND payload_type LIKE '%MilestoneOverdueEvent'",
                        String.class, id.toString()))
                .singleElement()
                .asString()
                .contains("\"milestone\":\"LAND_AND_PERMITS\"")
                .contains("\"leaderId\":\"leader\""));
        await().untilAsserted(() -> {
            JsonNode details =
                    api.get("/api/projects/" + id).token(supervisor).send().json();
            assertThat(details.at("/project/overdue").asBoolean()).isTrue();
            assertThat(details.at("/milestones/1/escalatedAt").isNull()).isFalse();
        });
        JsonNode speed = api.get("/api/projects/speed").token(supervisor).send().json();
        assertThat(speed.get("byLeader").findValuesAsText("id")).contains("leader");
    }

    @Test
    void aMilestoneStillNotReachedFiveWorkingDaysAfterItsPlannedDayIsEscalatedPastTheLeaderOnce() {
        // every milestone was planned at least 25 days ago: overdue, and then past its five working days of grace
        UUID late = register(project("单晶硅棒二期 (escalated)", 40, 3));
        // planned two days ago: overdue, still within its grace
        UUID recent = register(project("单晶硅棒三期 (within grace)", 5, 3));

        await().untilAsserted(() -> assertThat(jdbc.queryForList(
                        "SELECT convert_from(payload, 'UTF8') FROM event_store.domain_event_entry"
                                + " WHERE aggregate_identifier = ? AND payload_type LIKE '%MilestoneEscalatedEvent'",
                        String.class, late.toString()))
                .as("one escalation per milestone after the signing")
                .hasSize(5)
                .anySatisfy(payload -> assertThat(payload)
                        .contains("\"milestone\":\"LAND_AND_PERMITS\"")
                        .contains("\"workingDays\":5")
                        .contains("\"leaderId\":\"leader\"")));
        await().untilAsserted(() ->
                assertThat(escalations(recent, "MilestoneOverdueEvent")).isEqualTo(1));
        assertThat(escalations(recent, "MilestoneEscalatedEvent"))
                .as("two days late is not five working days late")
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT count(DISTINCT convert_from(payload, 'UTF8')::jsonb ->> 'milestone')"
                                + " FROM event_store.domain_event_entry"
                                + " WHERE aggregate_identifier = ? AND payload_type LIKE '%MilestoneEscalatedEvent'",
                        Long.class, late.toString()))
                .as("each milestone escalated once")
                .isEqualTo(5);
        long lastSequence = jdbc.queryForObject(
                "SELECT max(sequence_number) FROM event_store.domain_event_entry WHERE aggregate_identifier = ?",
                Long.class,
                late.toString());
        await().untilAsserted(() -> assertThat(api.get("/api/projects/" + late)
                        .token(supervisor)
                        .send()
                        .json()
                        .at("/project/version")
                        .asLong())
                .as("the version a form sends as If-Match counts the escalations, or every change after them is stale")
                .isEqualTo(lastSequence));
    }

    private long escalations(UUID project, String type) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM event_store.domain_event_entry WHERE aggregate_identifier = ? AND payload_type = ?",
                Long.class,
                project.toString(),
                "cn.qinqing.language.project." + type);
    }

    @Test
    void aBlockerBecomesAnAppealAndStaysOpenUntilTheAppealCloses() {
        UUID id = register(project("多晶硅四期 (blocker)", 30, 30));

        var raised = api.post("/api/projects/" + id + "/blockers")
                .token(official)
                .body(Map.of(
                        "title", "220千伏接入未批",
                        "description", "供电方案已等待两个月。",
                        "category", "POWER",
                        "urgency", "URGENT"))
                .send();

        assertThat(raised.status()).as(raised.toString()).isEqualTo(201);
        UUID blocker = UUID.fromString(raised.json().get("id").asText());
        UUID appeal = UUID.fromString(raised.json().get("appealId").asText());
        assertThat(appeal).isEqualTo(Ids.derive("project-blocker", blocker.toString()));
        await().until(() -> api.get("/api/projects/" + id)
                        .token(userB)
                        .send()
                        .json()
                        .at("/project/openBlockers")
                        .asInt()
                == 1);
        // and back from the appeal to its project, for whom may see the project
        assertThat(api.get("/api/projects/blockers/by-appeal/" + appeal)
                        .token(userB)
                        .send()
                        .json()
                        .get("projectId")
                        .asText())
                .isEqualTo(id.toString());
        assertThat(api.get("/api/projects/blockers/by-appeal/" + appeal)
                        .token(userA)
                        .send()
                        .status())
                .isEqualTo(404);

        // the appeals service files it and, at the end of the usual loop, closes it
        eventStore.publish(new GenericDomainEventMessage<>(
                "Appeal",
                appeal.toString(),
                0,
                new AppealFiledEvent(
                        appeal,
                        ENTERPRISE_B,
                        "220千伏接入未批",
                        "供电方案已等待两个月。",
                        AppealCategory.POWER,
                        Urgency.URGENT,
                        List.of(),
                        AppealSource.KEY_PROJECT,
                        null,
                        false,
                        Instant.now())));
        eventStore.publish(new GenericDomainEventMessage<>(
                "Appeal", appeal.toString(), 1, new AppealClosedEvent(appeal, ENTERPRISE_B, Instant.now())));

        await().untilAsserted(() -> {
            JsonNode details =
                    api.get("/api/projects/" + id).token(leader).send().json();
            assertThat(details.at("/blockers/0/appealStatus").asText()).isEqualTo("CLOSED");
            assertThat(details.at("/project/openBlockers").asInt()).isZero();
        });
    }

    @Test
    void theListComesAsCsvAndTheSpeedFiguresCountDaysFromTheSigning() {
        Map<String, Object> body = project("多晶硅五期 (speed)", 100, 10);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> milestones = new ArrayList<>((List<Map<String, Object>>) body.get("milestones"));
        milestones.set(
                0,
                Map.of(
                        "milestone",
                        "LAND_AND_PERMITS",
                        "plannedOn",
                        today().minusDays(90).toString(),
                        "reachedOn",
                        today().minusDays(92).toString()));
        milestones.set(
                1,
                Map.of(
                        "milestone",
                        "CONSTRUCTION_STARTED",
                        "plannedOn",
                        today().minusDays(80).toString(),
                        "reachedOn",
                        today().minusDays(70).toString()));
        body.put("milestones", milestones);
        UUID id = register(body);

        JsonNode speed = api.get("/api/projects/speed").token(leader).send().json();
        JsonNode mine = null;
        for (JsonNode project : speed.get("projects")) {
            if (project.get("projectId").asText().equals(id.toString())) {
                mine = project;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("daysToConstruction").asLong()).isEqualTo(30);
        assertThat(mine.get("daysToCommissioning").isNull()).isTrue();
        assertThat(api.get("/api/projects/speed").token(userB).send().status()).isEqualTo(403);

        var csv = api.get("/api/projects/export.csv?chainLink=POLYSILICON")
                .token(supervisor)
                .send();
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.text())
                .startsWith("projectId,name,")
                .contains(id.toString())
                .contains("CONSTRUCTION_STARTED");
    }
}
