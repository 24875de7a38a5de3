package cn.qinqing.appeals.appeal.reaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.qinqing.appeals.AppealsApiTestBase;
import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.Ids;
import cn.qinqing.language.Urgency;
import cn.qinqing.language.meeting.ActionItemRaisedEvent;
import cn.qinqing.platform.messaging.ProcessorPositions;
import cn.qinqing.testsupport.ContractSamples;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A meeting's action item, appended to the shared event store as the meetings service appends it, becomes an appeal
 * the enterprise and the city see like any other, filed by the system; delivered again, it stays one appeal.
 */
class FilingAppealsForActionItemsIT extends AppealsApiTestBase {

    @Autowired
    EventStore eventStore;

    @Autowired
    ProcessorPositions positions;

    static ActionItemRaisedEvent raised(UUID meetingId, UUID actionItemId, String title) {
        return new ActionItemRaisedEvent(
                meetingId,
                actionItemId,
                Ids.derive("meeting-action-item", actionItemId.toString()),
                1,
                1,
                ENTERPRISE_A,
                "industry-it",
                "head-industry-it",
                LocalDate.now().plusDays(30),
                title,
                "工信局牵头协调供电公司，月底前完成增容方案",
                AppealCategory.POWER,
                Urgency.URGENT,
                Instant.parse("2026-12-11T03:00:00Z"));
    }

    private void append(UUID meetingId, long sequence, ActionItemRaisedEvent event) {
        eventStore.publish(new GenericDomainEventMessage<>("BreakfastMeeting", meetingId.toString(), sequence, event));
    }

    private JsonNode awaitAppeal(UUID appealId) {
        await().until(() ->
                api.get("/api/appeals/" + appealId).token(userA).send().status() == 200);
        JsonNode appeal =
                api.get("/api/appeals/" + appealId).token(userA).send().json();
        ContractSamples.verify("appeals", "appeal", appeal);
        return appeal;
    }

    private long eventsOf(UUID aggregateId) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM event_store.domain_event_entry WHERE aggregate_identifier = ?",
                Long.class,
                aggregateId.toString());
    }

    @Test
    void anActionItemBecomesAnAppealFromTheBreakfastMeetingFiledByTheSystem() {
        UUID meeting = UUID.randomUUID();
        UUID item = UUID.randomUUID();
        UUID appealId = Ids.derive("meeting-action-item", item.toString());

        append(meeting, 0, raised(meeting, item, "协调切片车间增容"));

        JsonNode appeal = awaitAppeal(appealId);
        assertThat(appeal.get("source").asText()).isEqualTo("BREAKFAST_MEETING");
        assertThat(appeal.get("meetingId").asText()).isEqualTo(meeting.toString());
        assertThat(appeal.get("actionItemId").asText()).isEqualTo(item.toString());
        assertThat(appeal.get("enterpriseId").asText()).isEqualTo(ENTERPRISE_A);
        assertThat(appeal.get("title").asText()).isEqualTo("协调切片车间增容");
        assertThat(appeal.get("category").asText()).isEqualTo("POWER");
        assertThat(appeal.get("urgency").asText()).isEqualTo("URGENT");
        assertThat(appeal.get("manualDispatch").asBoolean())
                .as("not queued for manual dispatch")
                .isFalse();
        assertThat(api.get("/api/appeals/" + appealId).token(userB).send().status())
                .as("another enterprise does not see it")
                .isEqualTo(404);
        String metadata = jdbc.queryForObject(
                "SELECT convert_from(meta_data, 'UTF8') FROM event_store.domain_event_entry WHERE aggregate_identifier = ?",
                String.class,
                appealId.toString());
        assertThat(metadata).contains("\"actor\":\"system:appeals\"").contains("\"role\":\"SYSTEM\"");
    }

    @Test
    void aRedeliveredActionItemGivesOneAppealAndTheReactionGoesOn() {
        UUID meeting = UUID.randomUUID();
        UUID item = UUID.randomUUID();
        UUID appealId = Ids.derive("meeting-action-item", item.toString());
        append(meeting, 0, raised(meeting, item, "第一次投递"));
        awaitAppeal(appealId);

        // the same action item again, as a redelivery brings it; then a new one behind it
        append(meeting, 1, raised(meeting, item, "第一次投递"));
        UUID next = UUID.randomUUID();
        append(meeting, 2, raised(meeting, next, "后续事项"));

        awaitAppeal(Ids.derive("meeting-action-item", next.toString()));
        long redelivered = jdbc.queryForObject(
                "SELECT global_index FROM event_store.domain_event_entry WHERE aggregate_identifier = ?"
                        + " AND sequence_number = 1",
                Long.class,
                meeting.toString());
        await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        positions.position(FilingAppealsForActionItems.GROUP).orElse(-1))
                .as("every segment handled the redelivery and went past it, none is stuck retrying it")
                .isGreaterThanOrEqualTo(redelivered));
        assertThat(eventsOf(appealId)).as("one appeal, filed once").isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM dead_letter_entry WHERE processing_group = ?",
                        Long.class,
                        FilingAppealsForActionItems.GROUP))
                .as("the duplicate was not parked as a failure")
                .isZero();
    }

    @Test
    void theAppealIdIsTheOneTheMeetingAnnounced() {
        UUID item = UUID.randomUUID();
        assertThat(FilingAppealsForActionItems.appealFor(item))
                .isEqualTo(raised(UUID.randomUUID(), item, "t").appealId());
    }
}
