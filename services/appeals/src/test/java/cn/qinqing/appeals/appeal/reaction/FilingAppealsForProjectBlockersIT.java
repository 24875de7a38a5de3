package cn.qinqing.appeals.appeal.reaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qinqing.appeals.AppealsApiTestBase;
import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.Ids;
import cn.qinqing.language.Urgency;
import cn.qinqing.language.project.BlockerRaisedEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A blocker raised on a key project, appended as the projects service appends it, becomes an appeal of the investing
 * enterprise from source KEY_PROJECT, filed by the system; delivered twice, it stays one appeal.
 */
class FilingAppealsForProjectBlockersIT extends AppealsApiTestBase {

    @Autowired
    EventStore eventStore;

    @Test
    void aBlockerBecomesOneAppealOfTheInvestingEnterpriseFiledByTheSystem() {
        UUID project = UUID.randomUUID();
        UUID blocker = UUID.randomUUID();
        UUID appealId = Ids.derive("project-blocker", blocker.toString());
        BlockerRaisedEvent raised = new BlockerRaisedEvent(
                project,
                blocker,
                appealId,
                "20GW单晶硅片项目",
                ENTERPRISE_A,
                "切片车间110千伏增容接入未批",
                "供电方案报送已两个月未批",
                AppealCategory.POWER,
                Urgency.URGENT,
                "industry-it",
                "leader",
                Instant.parse("2026-12-06T03:00:00Z"));

        eventStore.publish(new GenericDomainEventMessage<>("KeyProject", project.toString(), 0, raised));
        eventStore.publish(new GenericDomainEventMessage<>("KeyProject", project.toString(), 1, raised));

        await().until(() ->
                api.get("/api/appeals/" + appealId).token(userA).send().status() == 200);
        JsonNode appeal =
                api.get("/api/appeals/" + appealId).token(userA).send().json();
        assertThat(appeal.get("source").asText()).isEqualTo("KEY_PROJECT");
        assertThat(appeal.get("title").asText()).isEqualTo("切片车间110千伏增容接入未批");
        assertThat(appeal.get("description").asText()).contains("20GW单晶硅片项目").contains("供电方案");
        assertThat(api.get("/api/appeals/" + appealId).token(userB).send().status())
                .as("another enterprise does not see it")
                .isEqualTo(404);
        String metadata = jdbc.queryForObject(
                "SELECT convert_from(meta_data, 'UTF8') FROM event_store.domain_event_entry"
                        + " WHERE aggregate_identifier = ?",
                String.class,
                appealId.toString());
        assertThat(metadata).contains("\"actor\":\"system:appeals\"");
        await().untilAsserted(() -> assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM event_store.domain_event_entry WHERE aggregate_identifier = ?",
                        Long.class,
                        appealId.toString()))
                .as("the redelivery filed nothing more")
                .isEqualTo(1L));
    }
}
