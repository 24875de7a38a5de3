package cn.qinqing.assignment.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qinqing.assignment.AssignmentApiTestBase;
import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.Urgency;
import cn.qinqing.language.appeal.AppealFiledEvent;
import cn.qinqing.language.appeal.AppealWithdrawnEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The reaction to "appeal filed" runs once per appeal, whatever the delivery does. */
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
}
