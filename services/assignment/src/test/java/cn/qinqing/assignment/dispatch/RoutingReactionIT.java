package cn.qinqing.assignment.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qinqing.assignment.AssignmentApiTestBase;
import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.Urgency;
import cn.qinqing.language.appeal.AppealFiledEvent;
import cn.qinqing.language.appeal.AppealSource;
import cn.qinqing.language.appeal.AppealWithdrawnEvent;
import cn.qinqing.language.appeal.MeetingReference;
import cn.qinqing.language.meeting.ActionItemRaisedEvent;
import cn.qinqing.language.project.BlockerRaisedEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The reaction to "appeal filed" runs once per appeal, whatever the delivery does, and sends an appeal raised from a
 * breakfast meeting's action item to the department the meeting named.
 */
class RoutingReactionIT extends AssignmentApiTestBase {

    @Test
    void theSameAppealFiledTwiceGivesOneAssignment() {
        UUID appeal = UUID.randomUUID();
        AppealFiledEvent filing = filed(appeal, ENTERPRISE_A, AppealCategory.PERMITS, Urgency.NORMAL, false);

        publish(filing, "enterprise-a", "ENTERPRISE");
        publish(filing, "enterprise-a", "ENTERPRISE");

        JsonNode assignment =
                awaitAssignment(appeal, a -> a.path("status").asText().equals("DISPATCHED"));
        assertThat(assignment.get("departmentId").asText()).isEqualTo("admin-approval");
        await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
        assertThat(assignmentEvents(appeal)).as("opened and dispatched, once").isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM routed_appeal WHERE appeal_id = ?", Long.class, appeal))
                .isEqualTo(1);
    }

    @Test
    void aFilingRedeliveredLongAfterTheAppealMovedOnChangesNothing() {
        UUID appeal = file(AppealCategory.LOGISTICS);
        var signed = api.post("/api/assignment/appeals/" + appeal + "/sign-for")
                .token(tokens.official("official-transport", "transport"))
                .header("If-Match", ifMatch(version(appeal)))
                .send();
        assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
        awaitAssignment(appeal, a -> a.path("status").asText().equals("SIGNED_FOR"));
        long before = assignmentEvents(appeal);

        publish(
                filed(appeal, ENTERPRISE_A, AppealCategory.LOGISTICS, Urgency.URGENT, false),
                "enterprise-a",
                "ENTERPRISE");

        await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
        assertThat(assignmentEvents(appeal)).isEqualTo(before);
        assertThat(awaitAssignment(appeal, a -> true).get("status").asText()).isEqualTo("SIGNED_FOR");
    }

    @Test
    void anAppealWithdrawnRightAfterFilingLeavesTheQueue() {
        UUID appeal = UUID.randomUUID();
        publish(filed(appeal, ENTERPRISE_B, AppealCategory.OTHER, Urgency.NORMAL, true), "enterprise-b", "ENTERPRISE");
        publish(new AppealWithdrawnEvent(appeal, ENTERPRISE_B, "已自行解决", Instant.now()), "enterprise-b", "ENTERPRISE");

        JsonNode closed = awaitAssignment(appeal, a -> a.path("status").asText().equals("CLOSED"));

        assertThat(closed.get("closedReason").asText()).isEqualTo("APPEAL_WITHDRAWN");
        assertThat(api.get("/api/assignment/queue")
                        .token(dispatcher)
                        .send()
                        .json()
                        .findValuesAsText("appealId"))
                .doesNotContain(appeal.toString());
    }

    @Test
    void anAppealOfAnEnterpriseRegisteredAMomentBeforeIsRoutedOnItsDistrict() {
        String enterprise = "91150200MA0QD0004B";
        UUID appeal = UUID.randomUUID();
        // the registration and the filing follow each other at once; routing still knows the district
        publish(
                new cn.qinqing.language.enterprise.EnterpriseRegisteredEvent(
                        enterprise,
                        "白云鄂博稀土材料有限公司",
                        cn.qinqing.language.IndustryChainPosition.MATERIALS,
                        "白云鄂博矿区",
                        null,
                        Instant.now()),
                "admin",
                "ADMIN");
        publish(filed(appeal, enterprise, AppealCategory.POWER, Urgency.NORMAL, false), "someone", "ENTERPRISE");

        JsonNode assignment =
                awaitAssignment(appeal, a -> a.path("status").asText().equals("DISPATCHED"));
        assertThat(assignment.get("district").asText()).isEqualTo("白云鄂博矿区");
        assertThat(assignment.get("chainPosition").asText()).isEqualTo("MATERIALS");
    }

    @Test
    void anActionItemsAppealGoesToTheMeetingsOwnerDepartmentWithItsLeaderInChargeNotWhereTheRulesSay() {
        UUID meeting = UUID.randomUUID();
        UUID item = UUID.randomUUID();
        UUID appeal = UUID.randomUUID();
        // the rules send POWER to industry-it; the meeting made natural-resources the owner
        publish(raised(meeting, item, appeal, "natural-resources", "leader"), "leader", "LEADER");
        AppealFiledEvent filing = filedFromMeeting(appeal, meeting, item);
        publish(filing, "system:appeals", "SYSTEM");
        publish(filing, "system:appeals", "SYSTEM");

        JsonNode assignment =
                awaitAssignment(appeal, a -> a.path("status").asText().equals("DISPATCHED"));

        assertThat(assignment.get("departmentId").asText()).isEqualTo("natural-resources");
        assertThat(assignment.get("routingMode").asText()).isEqualTo("MEETING_DECISION");
        assertThat(assignment.path("ruleId").isNull()).isTrue();
        assertThat(assignment.get("leaderId").asText()).isEqualTo("leader");
        // the holder record is a read model of its own: it may follow the assignment's by a batch
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(api.get("/api/assignment/appeals/" + appeal + "/holders")
                                .token(dispatcher)
                                .send()
                                .json()
                                .findValuesAsText("holderId"))
                        .contains("natural-resources", "leader"));
        var signed = api.post("/api/assignment/appeals/" + appeal + "/sign-for")
                .token(officialLand)
                .header("If-Match", ifMatch(version(appeal)))
                .send();
        assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
        await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
        assertThat(assignmentEvents(appeal))
                .as("opened, dispatched, leader in charge, signed for: the second filing changed nothing")
                .isEqualTo(4);
    }

    @Test
    void anActionItemsAppealWhoseOwnerDepartmentIsNotInTheDirectoryIsRoutedByTheRules() {
        UUID meeting = UUID.randomUUID();
        UUID item = UUID.randomUUID();
        UUID appeal = UUID.randomUUID();
        publish(raised(meeting, item, appeal, "no-such-bureau", "no-such-leader"), "leader", "LEADER");
        publish(filedFromMeeting(appeal, meeting, item), "system:appeals", "SYSTEM");

        JsonNode assignment =
                awaitAssignment(appeal, a -> a.path("status").asText().equals("DISPATCHED"));

        assertThat(assignment.get("departmentId").asText()).isEqualTo("industry-it");
        assertThat(assignment.get("routingMode").asText()).isEqualTo("AUTOMATIC");
        assertThat(assignment.path("leaderId").isNull()).isTrue();
    }

    @Test
    void aProjectBlockersAppealGoesToTheProjectsDepartmentWithItsLeaderInCharge() {
        UUID project = UUID.randomUUID();
        UUID blocker = UUID.randomUUID();
        UUID appeal = UUID.randomUUID();
        // the rules send POWER to industry-it; the project belongs to natural-resources
        publish(
                new BlockerRaisedEvent(
                        project,
                        blocker,
                        appeal,
                        "20GW单晶硅片项目",
                        ENTERPRISE_A,
                        "切片车间用地手续卡在规划调整",
                        "规划调整已报两月未批",
                        AppealCategory.POWER,
                        Urgency.URGENT,
                        "natural-resources",
                        "leader",
                        Instant.now()),
                "official",
                "OFFICIAL");
        publish(
                new AppealFiledEvent(
                        appeal,
                        ENTERPRISE_A,
                        "切片车间用地手续卡在规划调整",
                        "规划调整已报两月未批",
                        AppealCategory.POWER,
                        Urgency.URGENT,
                        List.of(),
                        AppealSource.KEY_PROJECT,
                        null,
                        false,
                        Instant.now()),
                "system:appeals",
                "SYSTEM");

        JsonNode assignment =
                awaitAssignment(appeal, a -> a.path("status").asText().equals("DISPATCHED"));

        assertThat(assignment.get("departmentId").asText()).isEqualTo("natural-resources");
        assertThat(assignment.get("routingMode").asText()).isEqualTo("KEY_PROJECT");
        assertThat(assignment.get("leaderId").asText()).isEqualTo("leader");
    }

    private static ActionItemRaisedEvent raised(
            UUID meeting, UUID item, UUID appeal, String ownerDepartment, String leaderId) {
        return new ActionItemRaisedEvent(
                meeting,
                item,
                appeal,
                1,
                1,
                ENTERPRISE_A,
                ownerDepartment,
                leaderId,
                LocalDate.now().plusDays(30),
                "协调电池片项目用地与供电",
                "自然资源局牵头，工信局配合，月底前拿出方案",
                AppealCategory.POWER,
                Urgency.URGENT,
                Instant.now());
    }

    private static AppealFiledEvent filedFromMeeting(UUID appeal, UUID meeting, UUID item) {
        return new AppealFiledEvent(
                appeal,
                ENTERPRISE_A,
                "协调电池片项目用地与供电",
                "自然资源局牵头，工信局配合，月底前拿出方案",
                AppealCategory.POWER,
                Urgency.URGENT,
                List.of(),
                AppealSource.BREAKFAST_MEETING,
                new MeetingReference(meeting, item),
                false,
                Instant.now());
    }
}
