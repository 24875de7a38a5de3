package cn.qinqing.assignment.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qinqing.assignment.AssignmentApiTestBase;
import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.Ids;
import cn.qinqing.language.MetadataKeys;
import cn.qinqing.language.Urgency;
import cn.qinqing.language.calendar.WorkingCalendar;
import cn.qinqing.language.resolution.SlaTierSetEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * SLA tiers (ADR 0016) in the assignment service: an appeal filed after a tier of its category and urgency was set
 * waits in the dispatcher's queue for the tier's hours; one filed before keeps the default. TALENT × EMERGENCY is this
 * test's own tier: no other test of this context files such an appeal.
 */
class SlaTierClocksIT extends AssignmentApiTestBase {

    @Autowired
    EventStore eventStore;

    @Test
    void anAppealFiledAfterATierWasSetWaitsForTheTiersHoursOneFiledBeforeKeepsItsOwn() {
        UUID before = file(ENTERPRISE_A, AppealCategory.TALENT, Urgency.EMERGENCY, true);
        JsonNode beforeQueued =
                awaitAssignment(before, a -> a.path("status").asText().equals("QUEUED"));

        UUID tier = Ids.derive("sla-tier", "TALENT/EMERGENCY");
        eventStore.publish(new GenericDomainEventMessage<>(
                "SlaTier",
                tier.toString(),
                0,
                new SlaTierSetEvent(
                        tier,
                        AppealCategory.TALENT,
                        Urgency.EMERGENCY,
                        1,
                        2,
                        3,
                        null,
                        LocalDate.now(WorkingCalendar.ZONE),
                        "人才类紧急诉求派单时限（测试）",
                        "admin",
                        Instant.now()),
                Map.of(MetadataKeys.ACTOR, "admin", MetadataKeys.ROLE, "ADMIN")));
        await().until(() -> jdbc.queryForObject(
                        "SELECT count(*) FROM sla_tier WHERE category = 'TALENT' AND urgency = 'EMERGENCY'", Long.class)
                == 1);

        UUID after = file(ENTERPRISE_A, AppealCategory.TALENT, Urgency.EMERGENCY, true);
        JsonNode afterQueued =
                awaitAssignment(after, a -> a.path("status").asText().equals("QUEUED"));

        assertThat(waited(afterQueued)).isEqualTo(Duration.ofHours(3));
        assertThat(waited(awaitAssignment(before, a -> true)))
                .as("set before the tier: its own due time")
                .isEqualTo(waited(beforeQueued))
                .isEqualTo(Duration.ofHours(1));
    }

    private static Duration waited(JsonNode queued) {
        return Duration.between(
                Instant.parse(queued.get("queuedAt").asText()),
                Instant.parse(queued.get("dispatchDueAt").asText()));
    }
}
