package cn.qinqing.oversight.reading;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qinqing.oversight.OversightApiTestBase;
import cn.qinqing.platform.messaging.ProcessorPositions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A processor's position, as freshness and "caught up" report it, against tokens written the way Axon stores them: a
 * gap the store has since filled holds the position back, a gap no event ever filled does not.
 */
class ProcessorPositionsIT extends OversightApiTestBase {

    static final String GROUP = "positions-test";

    @AfterEach
    void dropTokens() {
        jdbc.update("DELETE FROM oversight.token_entry WHERE processor_name = ?", GROUP);
    }

    @Test
    void aGapTheStoreHasFilledHoldsThePositionBackAndAnEmptyGapDoesNot() {
        scenario().calendarLoaded(2031, List.of(), List.of());
        scenario().calendarLoaded(2032, List.of(), List.of());
        long head = jdbc.queryForObject("SELECT max(global_index) FROM event_store.domain_event_entry", Long.class);
        long filled = head - 1;
        long never = head + 7;
        ProcessorPositions positions = new ProcessorPositions(jdbc, "oversight");

        token(0, "{\"index\":" + (head + 9) + ",\"gaps\":[" + never + "]}");
        assertThat(positions.position(GROUP)).as("a rolled-back append's gap").hasValue(head + 9);

        token(1, "{\"index\":" + (head + 9) + ",\"gaps\":[" + filled + "," + never + "]}");
        assertThat(positions.position(GROUP))
                .as("an event committed late, after the token passed it")
                .hasValue(filled - 1);

        jdbc.update("DELETE FROM oversight.token_entry WHERE processor_name = ?", GROUP);
        token(
                0,
                "{\"tokenAtReset\":{\"index\":" + head + ",\"gaps\":[]},\"currentToken\":{\"index\":" + (head + 9)
                        + ",\"gaps\":[" + filled + "]},\"context\":null}");
        assertThat(positions.position(GROUP))
                .as("a replay token's current token")
                .hasValue(filled - 1);

        token(1, "{\"tokenAtReset\":{\"index\":" + head + ",\"gaps\":[]},\"currentToken\":null,\"context\":null}");
        assertThat(positions.position(GROUP))
                .as("a segment that has not replayed its first event has no position of its own")
                .hasValue(filled - 1);
    }

    @Test
    void oneReadGivesTheHeadAndEveryGroupsPositionAndReplayInTheOrderAsked() {
        scenario().calendarLoaded(2033, List.of(), List.of());
        long head = jdbc.queryForObject("SELECT max(global_index) FROM event_store.domain_event_entry", Long.class);
        ProcessorPositions positions = new ProcessorPositions(jdbc, "oversight");
        token(0, "{\"index\":" + head + ",\"gaps\":[]}");

        var read = positions.of(List.of("no-such-group", GROUP));
        assertThat(read.head()).isGreaterThanOrEqualTo(head);
        assertThat(read.groups().keySet()).containsExactly("no-such-group", GROUP);
        assertThat(read.groups().get("no-such-group").position()).isEmpty();
        assertThat(read.groups().get(GROUP).position()).hasValue(head);
        assertThat(read.groups().get(GROUP).replaying()).isFalse();
        assertThat(positions.describe(GROUP)).isEqualTo(head + "/" + read.head());

        jdbc.update("DELETE FROM oversight.token_entry WHERE processor_name = ?", GROUP);
        token(
                0,
                "{\"tokenAtReset\":{\"index\":" + head + ",\"gaps\":[]},\"currentToken\":{\"index\":" + (head - 1)
                        + ",\"gaps\":[]},\"context\":null}");
        assertThat(positions.of(List.of(GROUP)).groups().get(GROUP).replaying())
                .as("short of the position at reset")
                .isTrue();

        jdbc.update("DELETE FROM oversight.token_entry WHERE processor_name = ?", GROUP);
        token(
                0,
                "{\"tokenAtReset\":{\"index\":" + head + ",\"gaps\":[]},\"currentToken\":{\"index\":" + head
                        + ",\"gaps\":[]},\"context\":null}");
        assertThat(positions.of(List.of(GROUP)).groups().get(GROUP).replaying())
                .as("at the position at reset: done")
                .isFalse();
    }

    private void token(int segment, String json) {
        jdbc.update(
                "INSERT INTO oversight.token_entry (processor_name, segment, token, token_type, timestamp, owner)"
                        + " VALUES (?, ?, ?, ?, '2026-01-01T00:00:00Z', null)",
                GROUP,
                segment,
                json.getBytes(StandardCharsets.UTF_8),
                json.contains("tokenAtReset")
                        ? "org.axonframework.eventhandling.ReplayToken"
                        : "org.axonframework.eventhandling.GapAwareTrackingToken");
    }
}
