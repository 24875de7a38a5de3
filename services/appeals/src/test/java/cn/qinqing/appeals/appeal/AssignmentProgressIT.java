package cn.qinqing.appeals.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qinqing.appeals.AppealsApiTestBase;
import cn.qinqing.language.Ids;
import cn.qinqing.language.MetadataKeys;
import cn.qinqing.language.Urgency;
import cn.qinqing.language.assignment.AppealDispatchedEvent;
import cn.qinqing.language.assignment.AppealSignedForEvent;
import cn.qinqing.language.assignment.RoutingMode;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The enterprise follows what the city does with its appeal: events the assignment service publishes (here appended
 * to the shared store as that service would) move the appeal's status and show the department, not the official.
 */
class AssignmentProgressIT extends AppealsApiTestBase {

    @Autowired
    EventStore eventStore;

    @Test
    void anAppealDispatchedAndSignedForShowsTheDepartmentButNotTheOfficial() {
        UUID id = fileAndWait(userA, "派单与签收");
        String assignment = Ids.derive("assignment", id.toString()).toString();
        Instant now = Instant.now();
        eventStore.publish(new GenericDomainEventMessage<>(
                "Assignment",
                assignment,
                0,
                new AppealDispatchedEvent(
                        id, "industry-it", RoutingMode.AUTOMATIC, "rule-power", null, Urgency.URGENT, now, now),
                Map.of(MetadataKeys.ACTOR, "system:assignment", MetadataKeys.ROLE, "SYSTEM")));
        eventStore.publish(new GenericDomainEventMessage<>(
                "Assignment",
                assignment,
                1,
                new AppealSignedForEvent(id, "industry-it", "official-zhang", now, true),
                Map.of(MetadataKeys.ACTOR, "official-zhang", MetadataKeys.ROLE, "OFFICIAL")));

        await().until(() -> "SIGNED_FOR"
                .equals(api.get("/api/appeals/" + id)
                        .token(userA)
                        .send()
                        .json()
                        .get("status")
                        .asText()));
        var appeal = api.get("/api/appeals/" + id).token(userA).send().json();
        assertThat(appeal.get("holdingDepartment").asText()).isEqualTo("industry-it");

        var timeline = api.get("/api/appeals/" + id + "/timeline").token(userA).send();
        assertThat(timeline.json().findValuesAsText("type")).containsExactly("FILED", "DISPATCHED", "SIGNED_FOR");
        var signed = timeline.json().get(2);
        assertThat(signed.get("details").get("departmentId").asText()).isEqualTo("industry-it");
        assertThat(signed.get("actor").isNull())
                .as("the enterprise never sees the official's name")
                .isTrue();
        assertThat(timeline.text()).doesNotContain("official-zhang");

        String supervisor = tokens.withRole("supervisor", "SUPERVISOR");
        assertThat(api.get("/api/appeals/" + id + "/timeline")
                        .token(supervisor)
                        .send()
                        .text())
                .contains("official-zhang");

        assertThat(api.get("/api/appeals/" + id)
                        .token(tokens.official("official", "industry-it"))
                        .send()
                        .status())
                .as("the holding department's official may read it")
                .isEqualTo(200);
        assertThat(api.get("/api/appeals/" + id)
                        .token(tokens.official("official-land", "natural-resources"))
                        .send()
                        .status())
                .as("another department's official may not")
                .isEqualTo(404);
    }
}
