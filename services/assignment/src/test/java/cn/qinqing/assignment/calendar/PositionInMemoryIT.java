package cn.qinqing.assignment.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.qinqing.assignment.AssignmentApiTestBase;
import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.Urgency;
import cn.qinqing.platform.messaging.ProcessorPositions;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A group that passes events it has no handler for is where its processor is, not where its stored token is: Axon
 * stores such a token only once per claim extension (5 s), and read from the table alone, the calendar group reported
 * itself behind after every filing for up to 5 s (a replay reported done that late: docs/performance.md).
 */
class PositionInMemoryIT extends AssignmentApiTestBase {

    @Autowired
    ProcessorPositions positions;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void aGroupThatOnlyPassesEventsIsWhereItsProcessorIsBeforeItStoresItsToken() {
        StreamingEventProcessor calendar = processing
                .eventProcessor(CalendarYearsProjection.GROUP, StreamingEventProcessor.class)
                .orElseThrow();
        // a filing: the calendar group has no handler for it, nor for what routing appends after it
        publish(
                filed(UUID.randomUUID(), ENTERPRISE_A, AppealCategory.POWER, Urgency.NORMAL, false),
                "enterprise",
                "ENTERPRISE");
        long head = head();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> held(calendar) >= head);
        long held = held(calendar);
        long stored = stored();

        long reported = positions
                .of(List.of(CalendarYearsProjection.GROUP))
                .groups()
                .get(CalendarYearsProjection.GROUP)
                .position()
                .orElse(-1);

        assumeTrue(stored < held, "the token was stored in between (a claim extension): nothing to show this time");
        assertThat(reported)
                .as("the position reported, with the token stored at %d and the processor at %d", stored, held)
                .isGreaterThanOrEqualTo(held);
    }

    private long head() {
        return jdbc.queryForObject("SELECT max(global_index) FROM event_store.domain_event_entry", Long.class);
    }

    private static long held(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .mapToLong(position -> position.orElse(-1))
                .min()
                .orElse(-1);
    }

    private long stored() {
        return jdbc.queryForObject(
                "SELECT min(coalesce(t ->> 'index', t -> 'currentToken' ->> 'index', '-1')::bigint)"
                        + " FROM (SELECT convert_from(token, 'UTF8')::jsonb AS t FROM token_entry"
                        + " WHERE processor_name = ?) tokens",
                Long.class,
                CalendarYearsProjection.GROUP);
    }
}
